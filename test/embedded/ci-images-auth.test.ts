import { beforeAll, describe, expect, it } from 'vitest';
import { DJINN_USER_MAIN, DJINN_USER_OTHER } from '../../src/embedded/principals.js';
import type { As } from './harness.js';
import { qcow2File, seedId, startCiImages, type CiImagesHarness, type Snapshot } from './ci-images-harness.js';

const NOT_FOUND = { message: 'Not found' };

describe('authentication and permissions of the embedded Djinn CI image API', () => {
  let h: CiImagesHarness;
  let before: Snapshot;
  const mine = seedId('debian', DJINN_USER_MAIN);
  beforeAll(async () => {
    h = await startCiImages();
    before = await h.snapshot();
  });

  const routes = (): Array<[string, string]> => [
    ['GET', '/images'],
    ['GET', `/images/${mine}`],
    ['POST', '/images?name=sneaky'],
    ['DELETE', `/images/${mine}`],
  ];

  it('answers 404 {"message":"Not found"} without a valid Bearer token, on every route, before reading the body', async () => {
    for (const as of ['none', 'bogus'] as As[]) {
      for (const [method, path] of routes()) {
        const body = method === 'POST' ? qcow2File(4) : undefined;
        const reply = await h.call(method, path, { as, body });
        expect(reply.status, `${as} ${method} ${path}`).toBe(404);
        expect(reply.body).toEqual(NOT_FOUND);
      }
    }
    await h.expectUnchanged(before);
  });

  it('refuses other schemes and malformed Authorization headers with 404, and takes the scheme in any case', async () => {
    for (const authorization of ['Basic YWRtaW46cGFzcw==', 'a-tok', 'Bearer', 'Token a-tok', 'Bearer a-tok extra']) {
      const reply = await h.call('GET', '/images', { as: 'none', headers: { authorization } });
      expect(reply.status, authorization).toBe(404);
      expect(reply.body).toEqual(NOT_FOUND);
    }
    expect((await h.call('GET', '/images', { as: 'none', headers: { authorization: 'bearer a-tok' } })).status).toBe(200);
  });

  it('answers reader’s writes and deletes with 404, as if the image or route did not exist', async () => {
    const upload = await h.upload('name=reader-image', qcow2File(4), 'reader');
    expect(upload.status).toBe(404);
    expect(upload.body).toEqual(NOT_FOUND);
    const remove = await h.call('DELETE', `/images/${mine}`, { as: 'reader' });
    expect(remove.status).toBe(404);
    expect(remove.body).toEqual(NOT_FOUND);
    expect((await h.show(mine, 'reader')).status).toBe(200);
    await h.expectUnchanged(before);
  });

  it('hides another user’s images with 404 for reading, downloading and deleting', async () => {
    const alexs = seedId('zig-dev', DJINN_USER_OTHER);
    const sandbox = seedId('void-linux', DJINN_USER_OTHER, 'sandbox');
    const infra = seedId('terraform', DJINN_USER_MAIN, 'infra');
    const cases: Array<[As, number]> = [
      ['admin', alexs],
      ['reader', alexs],
      ['admin', sandbox],
      ['other', infra],
      ['other', mine],
    ];
    for (const [as, id] of cases) {
      for (const reply of [await h.show(id, as), await h.download(id, as), await h.call('DELETE', `/images/${id}`, { as })]) {
        expect(reply.status, `${as} ${id}`).toBe(404);
        expect(JSON.parse(reply.raw.toString())).toEqual(NOT_FOUND);
      }
    }
    // The owners still see them, so nothing was deleted.
    expect((await h.show(alexs, 'other')).status).toBe(200);
    expect((await h.show(infra, 'admin')).status).toBe(200);
  });

  it('gives admin no override: it sees exactly what reader (the same user) sees', async () => {
    const admin = await h.all('', 'admin');
    expect(admin.map((image) => image.id)).toEqual((await h.all('', 'reader')).map((image) => image.id));
    expect(admin.every((image) => image.user_id === DJINN_USER_MAIN)).toBe(true);
  });

  it('answers unknown and non-numeric ids with 404 for every caller', async () => {
    for (const path of ['/images/999999', '/images/0', '/images/abc', '/images/1.5', `/images/-${mine}`]) {
      for (const as of ['admin', 'other', 'reader'] as As[]) {
        const reply = await h.call('GET', path, { as });
        expect(reply.status, `${as} ${path}`).toBe(404);
        expect(reply.body).toEqual(NOT_FOUND);
      }
      expect((await h.call('DELETE', path)).status).toBe(404);
    }
  });

  it('answers unknown routes with 404 and other methods on known paths with 405 and Allow', async () => {
    for (const path of ['/', '/images/1/file', '/api/images', '/namespaces']) {
      const reply = await h.call('GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).toEqual(NOT_FOUND);
    }
    const put = await h.call('PUT', `/images/${mine}`, { body: 'x' });
    expect(put.status).toBe(405);
    expect(put.body).toEqual({ message: 'Method not allowed' });
    expect(put.headers.allow).toBe('GET, HEAD, DELETE');
    expect((await h.call('DELETE', '/images')).headers.allow).toBe('GET, HEAD, POST');
  });

  it('serves GET /health without credentials', async () => {
    const reply = await h.call('GET', '/health', { as: 'none' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok' });
  });
});
