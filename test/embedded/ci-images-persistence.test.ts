import { waitFor } from '../helpers/wait-for.js';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { DJINN_USER_MAIN } from '../../src/embedded/principals.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { TOKENS } from './harness.js';
import { qcow2File, seedId, startCiImages } from './ci-images-harness.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('the embedded CI image service across restarts', () => {
  it('keeps created and deleted images and their bytes after a restart, and never reuses an id', async () => {
    const dataDir = await tempDataDir();
    const first = await startCiImages({ dataDir });
    const data = qcow2File(40);
    const kept = await first.create('kept', data, { namespace: 'djinn' });
    const dropped = await first.create('dropped', qcow2File(2));
    expect((await first.call('DELETE', `/images/${dropped.id}`)).status).toBe(204);
    expect((await first.call('DELETE', `/images/${seedId('go-dev', DJINN_USER_MAIN)}`)).status).toBe(204);
    const before = await first.snapshot();
    await first.close();

    const second = await startCiImages({ dataDir });
    await second.expectUnchanged(before);
    // The same object, with URLs on the second server's port.
    expect((await second.show(kept.id)).body).toEqual(JSON.parse(JSON.stringify(kept).replaceAll(first.url, second.url)));
    expect(sha256((await second.download(kept.id)).raw)).toBe(sha256(data));
    expect((await second.show(seedId('go-dev', DJINN_USER_MAIN))).status).toBe(404);
    const next = await second.create('after-restart', qcow2File(2));
    expect(next.id).toBeGreaterThan(dropped.id);
    expect((await second.page()).images[0].id).toBe(next.id);
  });

  it('does not seed again after every seeded image was deleted', async () => {
    const dataDir = await tempDataDir();
    const first = await startCiImages({ dataDir });
    for (const as of ['admin', 'other'] as const) {
      for (const image of await first.all('', as)) expect((await first.call('DELETE', `/images/${image.id}`, { as })).status).toBe(204);
    }
    await first.close();
    const second = await startCiImages({ dataDir });
    expect(await second.snapshot()).toEqual({ admin: [], other: [], blobs: [] });
  });

  it('removes temp files and blobs without a row when it starts', async () => {
    const dataDir = await tempDataDir();
    const first = await startCiImages({ dataDir });
    const before = await first.blobFiles();
    await first.close();
    // What a kill -9 leaves: an upload's temp file, and a blob renamed into place whose row was never written.
    const blobs = join(dataDir, 'blobs', 'ciImages');
    writeFileSync(join(blobs, 'upload.0123456789ab.tmp'), qcow2File(1));
    writeFileSync(join(blobs, randomBytes(16).toString('hex')), qcow2File(1));
    const second = await startCiImages({ dataDir });
    expect(await second.blobFiles()).toEqual(before);
    expect(before).toHaveLength(48);
  });

  it('lets an upload in flight finish when the service closes, and keeps it', async () => {
    const dataDir = await tempDataDir();
    const first = await startCiImages({ dataDir });
    const body = new PassThrough();
    const upload = request(`${first.url}/images?name=in-flight`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/octet-stream' },
      body,
    });
    const head = qcow2File(32);
    body.write(head);
    await waitFor(async () => (await first.blobFiles()).some((name) => name.endsWith('.tmp')), { what: 'streaming' });
    const closed = first.close();
    const tail = randomBytes(1000);
    body.end(tail);
    const reply = await upload;
    expect(reply.statusCode).toBe(201);
    const image = (await reply.body.json()) as { id: number };
    await closed;

    const second = await startCiImages({ dataDir });
    expect(sha256((await second.download(image.id)).raw)).toBe(sha256(Buffer.concat([head, tail])));
  });
});
