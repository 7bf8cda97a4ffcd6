import { createHash, randomBytes } from 'node:crypto';
import { Transform, type Duplex } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCiImagesApp } from '../../src/embedded/ci-images/server.js';
import { seedCiImages } from '../../src/embedded/ci-images/seed.js';
import { CiImageStore } from '../../src/embedded/ci-images/store.js';
import { blobDir, openDatabase } from '../../src/embedded/db.js';
import { serve } from '../../src/embedded/http.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { TOKENS } from './harness.js';
import { ciImagesHarness, qcow2File, type CiImagesHarness } from './ci-images-harness.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const BZIP2_HEADER = Buffer.from('BZh9');

/**
 * Stands in for a real bzip2 decompressor (no bzip2 library ships with Gantry, see the service's
 * README): drops the 4-byte `BZh9` header and writes the rest `expand` times over, or fails when
 * the data after the header starts with `CORRUPT`, as a decoder fails on a bad block.
 */
function fakeBunzip2(expand = 1): () => Duplex {
  return () => {
    let skipped = 0;
    let checked = false;
    return new Transform({
      transform(chunk: Buffer, _encoding, done) {
        const skip = Math.min(BZIP2_HEADER.length - skipped, chunk.length);
        skipped += skip;
        const rest = chunk.subarray(skip);
        if (!checked && rest.length > 0) {
          checked = true;
          if (rest.subarray(0, 7).toString('latin1') === 'CORRUPT') return done(new Error('bzip2 data is invalid'));
        }
        for (let i = 0; i < expand; i++) this.push(rest);
        done();
      },
    });
  };
}

/** A CI image service built with a decompressor, on its own data dir. */
async function startWithBunzip2(bunzip2: () => Duplex, maxImageBytes = 1024 ** 3): Promise<CiImagesHarness> {
  const dataDir = await tempDataDir();
  const db = openDatabase(dataDir);
  const store = new CiImageStore(db, blobDir(dataDir, 'ciImages'));
  seedCiImages(store);
  const running = await serve(buildCiImagesApp({ store, tokens: { ...TOKENS }, maxImageBytes, bunzip2 }), { host: '127.0.0.1', port: 0 });
  const close = async () => {
    await running.close();
    db.close();
  };
  track(close);
  return ciImagesHarness(running.url, dataDir, { urls: { ciImages: running.url }, tokens: { ...TOKENS }, close });
}

describe('bzip2 bodies, with a decompressor plugged in', () => {
  let h: CiImagesHarness;
  beforeAll(async () => {
    h = await startWithBunzip2(fakeBunzip2());
  });

  it('stores the decompressed image: its bytes are what the download returns', async () => {
    const image = qcow2File(64);
    const created = await h.create('from-bzip2', Buffer.concat([BZIP2_HEADER, image]));
    const got = await h.download(created.id);
    expect(got.raw.length).toBe(image.length);
    expect(sha256(got.raw)).toBe(sha256(image));
  });

  it('checks the decompressed bytes for QCOW2, storing nothing when they are not', async () => {
    const before = await h.snapshot();
    const reply = await h.upload('name=bz-random', Buffer.concat([BZIP2_HEADER, randomBytes(4096)]));
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ file: ['File not a valid QCOW file format'] });
    await h.expectUnchanged(before);
  });

  it('refuses data the decompressor cannot read with 400, storing nothing', async () => {
    const before = await h.snapshot();
    const reply = await h.upload('name=bz-corrupt', Buffer.concat([BZIP2_HEADER, Buffer.from('CORRUPT'), randomBytes(4096)]));
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ file: ['File not a valid bzip2 file'] });
    await h.expectUnchanged(before);
  });

  it('still validates the name before decompressing anything', async () => {
    const reply = await h.upload('name=a.b', Buffer.concat([BZIP2_HEADER, qcow2File(2)]));
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ name: ['Name can only contain letters, numbers, dashes, and underscores'] });
  });

  it('applies the size limit to the decompressed bytes', async () => {
    const small = await startWithBunzip2(fakeBunzip2(2), 64 * 1024);
    const before = await small.snapshot();
    const reply = await small.upload('name=bz-bomb', Buffer.concat([BZIP2_HEADER, qcow2File(40)]));
    expect(reply.status).toBe(413);
    expect(reply.body).toEqual({ message: 'File too large' });
    await small.expectUnchanged(before);
    expect((await small.upload('name=bz-fits', Buffer.concat([BZIP2_HEADER, qcow2File(30)]))).status).toBe(201);
  });
});
