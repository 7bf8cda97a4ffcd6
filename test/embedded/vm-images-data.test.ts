import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildQcow2Header, parseQcow2Header } from '../../src/embedded/qcow2.js';
import { TOKENS, type As } from './harness.js';
import { waitFor } from '../helpers/wait-for.js';
import { seedId, startVmImages, type VmImagesHarness } from './vm-images-harness.js';

const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');
const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('hex');
const OCTETS = { 'content-type': 'application/octet-stream' };

describe('image data: PUT and GET /v2/images/{id}/file', () => {
  let h: VmImagesHarness;
  const status = async (id: string) => (await h.call('GET', `/v2/images/${id}`)).body.status as string;
  const filesOf = async (id: string) => (await h.blobFiles()).filter((name) => name.startsWith(id));
  const download = (id: string, as: As = 'admin', headers: Record<string, string> = {}) => h.call('GET', `/v2/images/${id}/file`, { as, headers, json: false });

  beforeAll(async () => {
    h = await startVmImages();
  });

  it('uploads, then downloads the same bytes with size, md5 and sha512 recorded', async () => {
    const image = await h.create({ name: 'raw-disk', disk_format: 'raw', container_format: 'bare' });
    const data = randomBytes(300 * 1024 + 7);
    const put = await h.upload(image.id, data);
    expect(put.status).toBe(204);
    const shown = (await h.call('GET', `/v2/images/${image.id}`)).body;
    expect(shown).toMatchObject({
      status: 'active',
      size: data.length,
      virtual_size: data.length,
      checksum: md5(data),
      os_hash_algo: 'sha512',
      os_hash_value: sha512(data),
    });
    const got = await download(image.id);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/octet-stream');
    expect(got.headers['content-length']).toBe(String(data.length));
    expect(got.headers['content-md5']).toBe(md5(data));
    expect(got.raw.equals(data)).toBe(true);
    expect(await filesOf(image.id)).toEqual([image.id]);
  });

  it('reads virtual_size from the QCOW2 header of a qcow2 upload', async () => {
    const image = await h.create({ name: 'qcow', disk_format: 'qcow2', container_format: 'bare' });
    const data = Buffer.concat([buildQcow2Header(10 * 1024 ** 3), randomBytes(4096)]);
    expect((await h.upload(image.id, data)).status).toBe(204);
    const shown = (await h.call('GET', `/v2/images/${image.id}`)).body;
    expect(shown).toMatchObject({ status: 'active', size: data.length, virtual_size: 10 * 1024 ** 3 });
  });

  it('accepts an empty upload as a zero-byte image and answers HEAD with headers only', async () => {
    const image = await h.create({ name: 'empty', disk_format: 'raw', container_format: 'bare' });
    expect((await h.upload(image.id, Buffer.alloc(0))).status).toBe(204);
    expect((await h.call('GET', `/v2/images/${image.id}`)).body).toMatchObject({ status: 'active', size: 0, checksum: md5(Buffer.alloc(0)) });
    const got = await download(image.id);
    expect(got.status).toBe(200);
    expect(got.raw.length).toBe(0);
    const head = await h.call('HEAD', `/v2/images/${seedId('freebsd-14.1')}/file`);
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(8 * 1024));
    expect(head.raw.length).toBe(0);
  });

  it('refuses qcow2 data without a QCOW2 header with 400 and leaves the image queued without data', async () => {
    const image = await h.create({ name: 'fake-qcow', disk_format: 'qcow2', container_format: 'bare' });
    const reply = await h.upload(image.id, randomBytes(8192));
    expect(reply.status).toBe(400);
    expect(await status(image.id)).toBe('queued');
    expect(await filesOf(image.id)).toEqual([]);
    expect((await download(image.id)).status).toBe(204);
  });

  it('serves seeded qcow2 data whose header gives the recorded virtual_size and checksum', async () => {
    const id = seedId('ubuntu-24.04');
    const shown = (await h.call('GET', `/v2/images/${id}`)).body;
    const got = await download(id, 'other');
    expect(got.status).toBe(200);
    expect(got.raw.length).toBe(shown.size);
    expect(md5(got.raw)).toBe(shown.checksum);
    expect(sha512(got.raw)).toBe(shown.os_hash_value);
    expect(parseQcow2Header(got.raw)?.virtualSize).toBe(shown.virtual_size);
    expect(shown.virtual_size).toBe(3.5 * 1024 ** 3);
  });

  it('answers single byte ranges with 206 and Content-Range', async () => {
    const id = seedId('freebsd-14.1');
    const full = (await download(id)).raw;
    const size = full.length;
    const cases: Array<[string, number, number]> = [
      ['bytes=0-9', 0, 9],
      ['bytes=100-', 100, size - 1],
      ['bytes=-16', size - 16, size - 1],
      ['bytes=10-99999999', 10, size - 1],
      [`bytes=-${size + 50}`, 0, size - 1],
      [`bytes=${size - 1}-${size - 1}`, size - 1, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const got = await download(id, 'reader', { range });
      expect(got.status, range).toBe(206);
      expect(got.headers['content-range'], range).toBe(`bytes ${start}-${end}/${size}`);
      expect(got.headers['content-length'], range).toBe(String(end - start + 1));
      expect(got.raw.equals(full.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it.each(['bytes=999999-', 'bytes=5-2', 'bytes=-0', 'bytes=0-1,5-6', 'items=0-1', 'bytes=abc'])('answers the range %s with 416', async (range) => {
    const id = seedId('freebsd-14.1');
    const got = await download(id, 'admin', { range });
    expect(got.status).toBe(416);
    // As Glance: webob's 416, and no Content-Range.
    expect(got.headers['content-range']).toBeUndefined();
  });

  it('answers 204 for an image without data', async () => {
    for (const slug of ['opensuse-15.6', 'runner-killed']) {
      const got = await download(seedId(slug));
      expect(got.status, slug).toBe(204);
      expect(got.raw.length).toBe(0);
    }
  });

  it('lets only admin download a deactivated image', async () => {
    const id = seedId('fedora-39');
    expect((await download(id, 'reader')).status).toBe(403);
    expect((await download(id, 'other')).status).toBe(403);
    expect((await download(id, 'admin')).status).toBe(200);
  });

  it('refuses an upload to an image that is not queued with 409 and keeps its data', async () => {
    const id = seedId('cirros-0.6.2');
    const before = (await h.call('GET', `/v2/images/${id}`)).body;
    expect((await h.upload(id, randomBytes(100))).status).toBe(409);
    expect((await h.upload(seedId('fedora-39'), randomBytes(100))).status).toBe(409);
    expect((await h.call('GET', `/v2/images/${id}`)).body).toEqual(before);
  });

  it('refuses an upload before disk and container formats are set with 400', async () => {
    const noFormats = await h.create({ name: 'no-formats' });
    expect((await h.upload(noFormats.id, randomBytes(10))).status).toBe(400);
    const diskOnly = await h.create({ name: 'disk-only', disk_format: 'raw' });
    expect((await h.upload(diskOnly.id, randomBytes(10))).status).toBe(400);
    expect(await status(diskOnly.id)).toBe('queued');
  });

  it('refuses data that is not application/octet-stream with 415', async () => {
    const image = await h.create({ name: 'typed', disk_format: 'raw', container_format: 'bare' });
    for (const type of ['application/json', 'text/plain']) {
      const reply = await h.call('PUT', `/v2/images/${image.id}/file`, { body: '{}', headers: { 'content-type': type } });
      expect(reply.status, type).toBe(415);
    }
    expect(await status(image.id)).toBe('queued');
  });

  it('refuses uploads by reader and non-owners with 403, invisible images with 404', async () => {
    const image = await h.create({ name: 'mine', disk_format: 'raw', container_format: 'bare' });
    expect((await h.upload(image.id, randomBytes(10), 'reader')).status).toBe(403);
    expect((await h.upload(seedId('opensuse-15.6'), randomBytes(10), 'other')).status).toBe(403);
    expect((await h.upload(seedId('windows-2019'), randomBytes(10), 'other')).status).toBe(404);
    expect(await status(image.id)).toBe('queued');
  });

  it('reverts an upload the client aborts mid-body: saving while it runs, then queued and no file', async () => {
    const image = await h.create({ name: 'aborted', disk_format: 'raw', container_format: 'bare' });
    const body = new PassThrough();
    const pending = request(`${h.url}/v2/images/${image.id}/file`, {
      method: 'PUT',
      headers: { 'x-auth-token': TOKENS.admin, ...OCTETS },
      body,
    });
    body.write(randomBytes(256 * 1024));
    await waitFor(async () => (await status(image.id)) === 'saving', { what: 'status saving' });
    expect((await filesOf(image.id)).some((name) => name.endsWith('.tmp'))).toBe(true);
    body.destroy(new Error('client gave up'));
    await expect(pending).rejects.toThrow();
    await waitFor(async () => (await status(image.id)) === 'queued', { what: 'status queued again' });
    await waitFor(async () => (await filesOf(image.id)).length === 0, { what: 'temp file removed' });
    expect((await h.call('GET', `/v2/images/${image.id}`)).body).toMatchObject({ size: null, checksum: null });
    // The image takes a complete upload afterwards.
    expect((await h.upload(image.id, randomBytes(1000))).status).toBe(204);
  });

  it('drops the data of an image deleted while its upload runs, answering 410', async () => {
    const image = await h.create({ name: 'deleted-mid-upload', disk_format: 'raw', container_format: 'bare' });
    const body = new PassThrough();
    const pending = request(`${h.url}/v2/images/${image.id}/file`, {
      method: 'PUT',
      headers: { 'x-auth-token': TOKENS.admin, accept: 'application/json', ...OCTETS },
      body,
    });
    body.write(randomBytes(64 * 1024));
    await waitFor(async () => (await status(image.id)) === 'saving', { what: 'status saving' });
    expect((await h.call('DELETE', `/v2/images/${image.id}`)).status).toBe(204);
    body.end(randomBytes(1024));
    const reply = await pending;
    await reply.body.text();
    expect(reply.statusCode).toBe(410);
    expect(await filesOf(image.id)).toEqual([]);
  });

  describe('with a 1 KiB size cap', () => {
    let small: VmImagesHarness;
    beforeAll(async () => {
      small = await startVmImages({ maxImageBytes: 1024 });
    });

    it('refuses a declared Content-Length over the cap with 413', async () => {
      const image = await small.create({ name: 'big', disk_format: 'raw', container_format: 'bare' });
      const reply = await small.upload(image.id, randomBytes(4096));
      expect(reply.status).toBe(413);
      expect(reply.body.code).toBe('413 Request Entity Too Large');
      expect((await small.call('GET', `/v2/images/${image.id}`)).body.status).toBe('queued');
    });

    it('stops a chunked upload that passes the cap with 413, reverting to queued without a file', async () => {
      const image = await small.create({ name: 'chunked', disk_format: 'raw', container_format: 'bare' });
      const reply = await request(`${small.url}/v2/images/${image.id}/file`, {
        method: 'PUT',
        headers: { 'x-auth-token': TOKENS.admin, accept: 'application/json', ...OCTETS },
        // A stream without a length goes out chunked, so only the bytes can tell the server it is too big.
        body: Readable.from([randomBytes(800), randomBytes(800), randomBytes(800)]),
      });
      expect(reply.statusCode).toBe(413);
      await reply.body.text();
      expect((await small.call('GET', `/v2/images/${image.id}`)).body.status).toBe('queued');
      expect((await small.blobFiles()).filter((name) => name.startsWith(image.id))).toEqual([]);
      // Exactly at the cap is fine.
      expect((await small.upload(image.id, randomBytes(1024))).status).toBe(204);
    });

    it('drains the rest of a much larger refused upload so the connection stays usable', async () => {
      const image = await small.create({ name: 'huge', disk_format: 'raw', container_format: 'bare' });
      const chunks = Array.from({ length: 64 }, () => randomBytes(64 * 1024));
      const reply = await request(`${small.url}/v2/images/${image.id}/file`, {
        method: 'PUT',
        headers: { 'x-auth-token': TOKENS.admin, ...OCTETS },
        body: Readable.from(chunks),
      });
      await reply.body.text();
      expect(reply.statusCode).toBe(413);
      expect((await small.upload(image.id, randomBytes(10))).status).toBe(204);
    });
  });
});

describe('POST /v2/images/{id}/actions/deactivate and /reactivate', () => {
  let h: VmImagesHarness;
  const act = (id: string, action: string, as: As = 'admin') => h.call('POST', `/v2/images/${id}/actions/${action}`, { as });
  const status = async (id: string) => (await h.call('GET', `/v2/images/${id}`)).body.status as string;

  beforeAll(async () => {
    h = await startVmImages();
  });

  it('deactivates an active image and reactivates it, each idempotent with 204', async () => {
    const id = seedId('debian-12');
    expect((await act(id, 'deactivate')).status).toBe(204);
    expect(await status(id)).toBe('deactivated');
    expect((await act(id, 'deactivate')).status).toBe(204);
    expect(await status(id)).toBe('deactivated');
    expect((await act(id, 'reactivate')).status).toBe(204);
    expect(await status(id)).toBe('active');
    expect((await act(id, 'reactivate')).status).toBe(204);
    expect(await status(id)).toBe('active');
  });

  it('refuses to deactivate or reactivate a queued or killed image with 403', async () => {
    for (const slug of ['opensuse-15.6', 'runner-killed']) {
      expect((await act(seedId(slug), 'deactivate')).status, slug).toBe(403);
      expect((await act(seedId(slug), 'reactivate')).status, slug).toBe(403);
    }
    expect(await status(seedId('opensuse-15.6'))).toBe('queued');
  });

  it('lets the owning project’s member act, not reader or other projects', async () => {
    const own = seedId('other-debian-gpu');
    expect((await act(own, 'deactivate', 'other')).status).toBe(204);
    expect((await act(own, 'reactivate', 'other')).status).toBe(204);
    expect((await act(seedId('rocky-9.4'), 'deactivate', 'reader')).status).toBe(403);
    expect((await act(seedId('rocky-9.4'), 'deactivate', 'other')).status).toBe(403);
    expect((await act(seedId('windows-2022'), 'deactivate', 'other')).status).toBe(404);
    expect((await act(seedId('fedora-39'), 'reactivate', 'other')).status).toBe(403);
    expect(await status(seedId('rocky-9.4'))).toBe('active');
    expect(await status(seedId('fedora-39'))).toBe('deactivated');
  });
});
