import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedImageFile } from '../../src/embedded/ci-images/seed.js';
import { DJINN_USER_MAIN, DJINN_USER_OTHER } from '../../src/embedded/principals.js';
import { parseQcow2Header } from '../../src/embedded/qcow2.js';
import { qcow2File, seed, seedId, startCiImages, type CiImagesHarness } from './ci-images-harness.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('GET /images/{id}: the object or the bytes', () => {
  let h: CiImagesHarness;
  let uploaded: Buffer;
  let id: number;
  beforeAll(async () => {
    h = await startCiImages();
    uploaded = qcow2File(300);
    id = (await h.create('download-me', uploaded)).id;
  });

  it('downloads exactly the uploaded bytes with Djinn’s headers', async () => {
    const got = await h.download(id);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/x-qemu-disk');
    expect(got.headers['content-length']).toBe(String(uploaded.length));
    expect(got.headers['accept-ranges']).toBe('bytes');
    const created = Date.parse((await h.show(id)).body.created_at);
    expect(Date.parse(String(got.headers['last-modified']))).toBe(created);
    expect(sha256(got.raw)).toBe(sha256(uploaded));
  });

  it('serves seeded images as valid QCOW2 files, to every user who may see them', async () => {
    const crossId = seedId('debian-cross-arm64', DJINN_USER_MAIN, 'djinn');
    for (const as of ['admin', 'reader', 'other'] as const) {
      const got = await h.download(crossId, as);
      expect(got.status, as).toBe(200);
      expect(got.raw.equals(seedImageFile(seed(crossId)))).toBe(true);
    }
    const header = parseQcow2Header((await h.download(crossId)).raw);
    expect(header).toEqual({ version: 3, virtualSize: 16 * 1024 ** 3 });
    const alexs = await h.download(seedId('zig-dev', DJINN_USER_OTHER), 'other');
    expect(alexs.raw.length).toBe(5 * 1024);
  });

  it.each([
    ['application/x-qemu-disk', 'bytes'],
    ['application/octet-stream', 'bytes'],
    ['application/json, application/x-qemu-disk;q=0.9', 'bytes'],
    ['application/json', 'json'],
    ['*/*', 'json'],
    ['application/*', 'json'],
    ['text/html', 'json'],
  ])('answers Accept: %s with %s', async (accept, expected) => {
    const reply = await h.call('GET', `/images/${id}`, { json: false, headers: { accept } });
    expect(reply.status).toBe(200);
    if (expected === 'bytes') expect(reply.raw.equals(uploaded)).toBe(true);
    else expect(reply.body).toMatchObject({ id, name: 'download-me', driver: 'qemu' });
  });

  it('answers without an Accept header with the JSON object', async () => {
    const reply = await h.call('GET', `/images/${id}`, { json: false });
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.body.url).toBe(`${h.url}/images/${id}`);
  });

  it('answers single byte ranges with 206 and Content-Range', async () => {
    const size = uploaded.length;
    const cases: Array<[string, number, number]> = [
      ['bytes=0-31', 0, 31],
      ['bytes=1000-', 1000, size - 1],
      ['bytes=-100', size - 100, size - 1],
      ['bytes=10-99999999', 10, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const got = await h.download(id, 'admin', { range });
      expect(got.status, range).toBe(206);
      expect(got.headers['content-range'], range).toBe(`bytes ${start}-${end}/${size}`);
      expect(got.headers['content-length'], range).toBe(String(end - start + 1));
      expect(got.raw.equals(uploaded.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it.each(['bytes=999999999-', 'bytes=5-2', 'bytes=0-1,5-6', 'items=0-1'])('answers the range %s with 416', async (range) => {
    const got = await h.download(id, 'admin', { range });
    expect(got.status).toBe(416);
    expect(got.headers['content-range']).toBe(`bytes */${uploaded.length}`);
    expect(JSON.parse(got.raw.toString())).toEqual({ message: 'Requested range not satisfiable' });
  });

  it('honours If-Modified-Since with 304 and If-Range by date, as Go’s ServeContent', async () => {
    const lastModified = String((await h.download(id)).headers['last-modified']);
    expect((await h.download(id, 'admin', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await h.download(id, 'admin', { 'if-modified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).status).toBe(200);
    const ranged = await h.download(id, 'admin', { range: 'bytes=0-9', 'if-range': lastModified });
    expect(ranged.status).toBe(206);
    const stale = await h.download(id, 'admin', { range: 'bytes=0-9', 'if-range': 'Mon, 01 Jan 2001 00:00:00 GMT' });
    expect(stale.status).toBe(200);
    expect(stale.raw.length).toBe(uploaded.length);
  });

  it('answers HEAD with the headers only', async () => {
    const head = await h.call('HEAD', `/images/${id}`, { json: false, headers: { accept: 'application/x-qemu-disk' } });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(uploaded.length));
    expect(head.raw.length).toBe(0);
  });
});

describe('DELETE /images/{id}', () => {
  let h: CiImagesHarness;
  beforeAll(async () => {
    h = await startCiImages();
  });

  it('deletes with 204 and an empty body; then the image, its bytes and its file are gone', async () => {
    const image = await h.create('short-lived', qcow2File(4));
    const files = await h.blobFiles();
    const reply = await h.call('DELETE', `/images/${image.id}`);
    expect(reply.status).toBe(204);
    expect(reply.raw.length).toBe(0);
    expect((await h.show(image.id)).status).toBe(404);
    expect((await h.download(image.id)).status).toBe(404);
    expect((await h.call('DELETE', `/images/${image.id}`)).status).toBe(404);
    const left = await h.blobFiles();
    expect(left).toHaveLength(files.length - 1);
    expect((await h.all('search=short-lived')).length).toBe(0);
  });

  it('removes a seeded image’s blob from disk', async () => {
    const id = seedId('rust-dev', DJINN_USER_MAIN);
    const before = await h.blobFiles();
    expect((await h.call('DELETE', `/images/${id}`)).status).toBe(204);
    const after = await h.blobFiles();
    const removed = before.filter((name) => !after.includes(name));
    expect(removed).toHaveLength(1);
    expect(existsSync(join(h.dataDir, 'blobs', 'ciImages', removed[0]!))).toBe(false);
  });

  it('lets a collaborator delete an image in the namespace, but not the owner’s own images', async () => {
    const inDjinn = seedId('docs-builder', DJINN_USER_MAIN, 'djinn');
    expect((await h.call('DELETE', `/images/${seedId('ruby-dev', DJINN_USER_MAIN)}`, { as: 'other' })).status).toBe(404);
    expect((await h.call('DELETE', `/images/${inDjinn}`, { as: 'other' })).status).toBe(204);
    expect((await h.show(inDjinn, 'admin')).status).toBe(404);
    expect((await h.show(seedId('ruby-dev', DJINN_USER_MAIN), 'admin')).status).toBe(200);
  });
});
