import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { peekBody, receiveBlob } from '../../src/embedded/blob-upload.js';
import { tempDataDir } from '../helpers/leftovers.js';

const tooLarge = () => new Error('too large');

describe('peekBody', () => {
  it('reads the first bytes and puts them back, so the next reader gets every byte', async () => {
    const data = randomBytes(100_000);
    const body = Readable.from([data.subarray(0, 10), data.subarray(10, 50_000), data.subarray(50_000)], { objectMode: false });
    const { head, whole } = await peekBody(body, 32);
    expect(whole).toBe(false);
    expect(head.equals(data.subarray(0, 32))).toBe(true);
    const rest: Buffer[] = [];
    for await (const chunk of body) rest.push(chunk as Buffer);
    expect(Buffer.concat(rest).equals(data)).toBe(true);
  });

  it('returns a body shorter than the head as whole, and an empty one as empty', async () => {
    expect(await peekBody(Readable.from([Buffer.from('QFI')], { objectMode: false }), 32)).toEqual({ head: Buffer.from('QFI'), whole: true });
    expect(await peekBody(Readable.from([], { objectMode: false }), 32)).toEqual({ head: Buffer.alloc(0), whole: true });
  });

  it('rejects when the body is destroyed before it ends', async () => {
    const body = new PassThrough();
    body.write(Buffer.from('QF'));
    const peeked = peekBody(body, 32);
    body.destroy(new Error('aborted'));
    await expect(peeked).rejects.toThrow('aborted');
  });
});

describe('receiveBlob', () => {
  it('stores the bytes with their size and digests', async () => {
    const dir = await tempDataDir();
    const data = randomBytes(70_000);
    const blob = await receiveBlob(Readable.from([data.subarray(0, 3), data.subarray(3)], { objectMode: false }), {
      tempPath: join(dir, 'x.tmp'),
      maxBytes: 1e6,
      tooLarge,
      hashes: ['sha256', 'md5'],
      headBytes: 8,
    });
    expect(blob.size).toBe(data.length);
    expect(blob.head.equals(data.subarray(0, 8))).toBe(true);
    expect(blob.digests.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(blob.digests.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(join(dir, 'x.tmp')).equals(data)).toBe(true);
  });

  it('runs inspect on the head before creating any file, and a refusal leaves none', async () => {
    const dir = await tempDataDir();
    let filesAtInspect: string[] | undefined;
    const refused = receiveBlob(Readable.from([Buffer.from('ab'), Buffer.from('cdefgh'), randomBytes(1000)], { objectMode: false }), {
      tempPath: join(dir, 'y.tmp'),
      maxBytes: 1e6,
      tooLarge,
      hashes: [],
      headBytes: 4,
      inspect: (head) => {
        filesAtInspect = readdirSync(dir);
        expect(head.toString()).toBe('abcd');
        throw new Error('not our format');
      },
    });
    await expect(refused).rejects.toThrow('not our format');
    expect(filesAtInspect).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('deletes the temp file when the data passes maxBytes, leaving the source undestroyed', async () => {
    const dir = await tempDataDir();
    // A request body: still open, so the caller can drain it and answer.
    const source = new PassThrough();
    source.write(randomBytes(600));
    source.write(randomBytes(600));
    await expect(receiveBlob(source, { tempPath: join(dir, 'z.tmp'), maxBytes: 1000, tooLarge, hashes: [] })).rejects.toThrow('too large');
    expect(existsSync(join(dir, 'z.tmp'))).toBe(false);
    expect(source.destroyed).toBe(false);
    source.end(randomBytes(10));
    source.resume();
    await new Promise((resolve) => source.once('end', resolve));
  });
});
