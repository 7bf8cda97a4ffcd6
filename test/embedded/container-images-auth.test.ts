import { beforeAll, describe, expect, it } from 'vitest';
import type { As } from './harness.js';
import { newImage, seedId, startContainerImages, type ContainerImagesHarness } from './container-images-harness.js';

const INVALID_TOKEN = 'Bearer realm="ComputeStacks", error="invalid_token"';
const INSUFFICIENT_SCOPE = 'Bearer realm="ComputeStacks", error="insufficient_scope"';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('authentication and scopes of the embedded ComputeStacks image API', () => {
  let h: ContainerImagesHarness;
  let mine: number;
  beforeAll(async () => {
    h = await startContainerImages();
    mine = (await h.create(newImage({ label: 'Scope Target' }))).id;
  });

  const routes = (): Array<[string, string, unknown]> => [
    ['GET', '/api/container_images', undefined],
    ['GET', `/api/container_images/${mine}`, undefined],
    ['POST', '/api/container_images', { container_image: newImage() }],
    ['PATCH', `/api/container_images/${mine}`, { container_image: { label: 'x' } }],
    ['PUT', `/api/container_images/${mine}`, { container_image: { label: 'x' } }],
    ['DELETE', `/api/container_images/${mine}`, undefined],
  ];

  it('answers 401 with an empty body and WWW-Authenticate invalid_token without a valid Bearer token, on every route', async () => {
    for (const as of ['none', 'bogus'] as As[]) {
      for (const [method, path, body] of routes()) {
        const reply = await h.call(method, path, { as, body });
        expect(reply.status, `${as} ${method} ${path}`).toBe(401);
        expect(reply.raw.length).toBe(0);
        expect(reply.headers['www-authenticate']).toBe(INVALID_TOKEN);
      }
    }
    expect((await h.show(mine)).label).toBe('Scope Target');
  });

  it('refuses other schemes and malformed Authorization headers with 401', async () => {
    for (const authorization of ['Basic YWRtaW46cGFzcw==', 'a-tok', 'Bearer', 'Token a-tok', 'Bearer a-tok extra']) {
      const reply = await h.call('GET', '/api/container_images', { as: 'none', headers: { authorization } });
      expect(reply.status, authorization).toBe(401);
    }
    const lowercase = await h.call('GET', '/api/container_images', { as: 'none', headers: { authorization: 'bearer a-tok' } });
    expect(lowercase.status).toBe(200);
  });

  it('refuses every write by reader with 403, an empty body and insufficient_scope, before looking at the image or body', async () => {
    const before = await h.show(mine);
    for (const [method, path, body] of routes().filter(([method]) => method !== 'GET')) {
      const reply = await h.call(method, path, { as: 'reader', body });
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.raw.length).toBe(0);
      expect(reply.headers['www-authenticate']).toBe(INSUFFICIENT_SCOPE);
    }
    // A missing image and a missing body would be 404 and 400; the scope check comes first.
    expect((await h.call('DELETE', '/api/container_images/999999', { as: 'reader' })).status).toBe(403);
    expect((await h.call('POST', '/api/container_images', { as: 'reader' })).status).toBe(403);
    expect(await h.show(mine)).toEqual(before);
    expect(await h.total('byname=Scope')).toBe(1);
  });

  it('lets reader, other and admin read with their read scopes', async () => {
    for (const as of ['reader', 'other', 'admin'] as As[]) {
      expect((await h.call('GET', '/api/container_images', { as })).status, as).toBe(200);
      expect((await h.call('GET', `/api/container_images/${seedId('nginx')}`, { as })).status, as).toBe(200);
    }
  });

  it('serves GET /api/health without credentials', async () => {
    const reply = await h.call('GET', '/api/health', { as: 'none' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok' });
  });
});

describe('errors and routing of the embedded ComputeStacks image API', () => {
  let h: ContainerImagesHarness;
  beforeAll(async () => {
    h = await startContainerImages();
  });

  it('answers 404 with an empty body for an image that does not exist or an id that is not an integer', async () => {
    for (const id of ['999999', '0', 'abc', '12abc', '-1', '1.5']) {
      const reply = await h.call('GET', `/api/container_images/${id}`);
      expect(reply.status, id).toBe(404);
      expect(reply.raw.length, id).toBe(0);
    }
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const reply = await h.call(method, '/api/container_images/999999', { body: { container_image: { label: 'x' } } });
      expect(reply.status, method).toBe(404);
      expect(reply.raw.length).toBe(0);
    }
  });

  it('answers an unknown path or method with the catch-all 404 before authentication', async () => {
    for (const [method, path] of [
      ['GET', '/api/containers_images'],
      ['GET', '/api/nothing'],
      ['POST', '/api/container_images/1'],
      ['DELETE', '/api/container_images'],
    ]) {
      const reply = await h.call(method!, path!, { as: 'none' });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body).toEqual({ errors: ['Unknown API Call. Please check the documentation.'] });
    }
  });

  it('answers malformed JSON with 400 and an errors array', async () => {
    const reply = await h.call('POST', '/api/container_images', { body: '{"container_image": ', headers: { 'content-type': 'application/json' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ errors: ['Bad Request. Please check the documentation.'] });
  });

  it('answers a JSON body over 1 MiB with 413', async () => {
    const reply = await h.call('POST', '/api/container_images', { body: { container_image: newImage({ description: 'x'.repeat(1024 * 1024) }) } });
    expect(reply.status).toBe(413);
    expect(reply.body.errors).toHaveLength(1);
  });

  it('puts a distinct X-Request-Id (a UUID) on every response, errors included', async () => {
    const replies = await Promise.all([
      h.call('GET', '/api/health', { as: 'none' }),
      h.call('GET', '/api/container_images'),
      h.call('GET', '/api/container_images', { as: 'none' }),
      h.call('POST', '/api/container_images', { as: 'reader' }),
      h.call('GET', '/api/container_images/999999'),
      h.call('GET', '/nowhere'),
    ]);
    const seen = replies.map((reply) => String(reply.headers['x-request-id']));
    for (const id of seen) expect(id).toMatch(UUID);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers JSON as application/json; charset=utf-8', async () => {
    const reply = await h.call('GET', `/api/container_images/${seedId('nginx')}`);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});
