import { beforeAll, describe, expect, it } from 'vitest';
import { QUASARCH_USER_MAIN, QUASARCH_USER_OTHER } from '../../src/embedded/principals.js';
import type { As } from './harness.js';
import { seedNamed, startServerless, validBody, type ServerlessHarness } from './serverless-harness.js';

const UNAUTHORIZED = { error: 'Unauthorized' };
const FORBIDDEN = { error: 'Forbidden' };
const NOT_FOUND = { error: 'container not found' };

describe('authentication, roles and ownership of the embedded Quasarch container service', () => {
  let h: ServerlessHarness;
  const mine = seedNamed('acme-api');
  const theirs = seedNamed('globex-web');
  beforeAll(async () => {
    h = await startServerless();
  });

  /** Every route, with a body where it takes one. */
  const routes = (id: string): Array<[string, string, unknown?]> => [
    ['GET', '/v1/containers'],
    ['POST', '/v1/containers', validBody('sneaky')],
    ['GET', `/v1/containers/${id}`],
    ['PUT', `/v1/containers/${id}`, { cpu: 2 }],
    ['DELETE', `/v1/containers/${id}`],
    ['GET', `/v1/containers/${id}/revisions`],
    ['GET', '/v1/gpu-models'],
    ['GET', '/v1/no-such-route'],
  ];

  it('answers 401 {"error": "Unauthorized"} on every route without a valid Bearer token, and changes nothing', async () => {
    const before = { list: await h.list(), revisions: await h.revisions(mine.id) };
    for (const as of ['none', 'bogus'] as As[]) {
      for (const [method, path, body] of routes(mine.id)) {
        const reply = await h.call(method, path, { as, body });
        expect(reply.status, `${as} ${method} ${path}`).toBe(401);
        expect(reply.body).toEqual(UNAUTHORIZED);
      }
    }
    const wrongScheme = await h.call('GET', '/v1/containers', { as: 'none', headers: { authorization: 'Basic YTpi' } });
    expect(wrongScheme.status).toBe(401);
    expect(await h.list()).toEqual(before.list);
    expect(await h.revisions(mine.id)).toEqual(before.revisions);
  });

  it('refuses another user\'s container to a USER with 403 {"error": "Forbidden"} on read, update, delete and revisions, and changes nothing', async () => {
    const before = { shown: await h.show(mine.id), revisions: await h.revisions(mine.id) };
    for (const [method, path, body] of routes(mine.id).filter(([, path]) => path.includes(mine.id))) {
      const reply = await h.call(method, path, { as: 'other', body });
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.body).toEqual(FORBIDDEN);
    }
    // And the other way round: reader is a plain USER too.
    for (const [method, path, body] of routes(theirs.id).filter(([, path]) => path.includes(theirs.id))) {
      const reply = await h.call(method, path, { as: 'reader', body });
      expect(reply.status, `reader ${method} ${path}`).toBe(403);
      expect(reply.body).toEqual(FORBIDDEN);
    }
    expect(await h.show(mine.id)).toEqual(before.shown);
    expect(await h.revisions(mine.id)).toEqual(before.revisions);
    expect((await h.list('', 'other')).items.map((item) => item.id)).not.toContain(mine.id);
  });

  it('lets reader act as the owner it is (Quasarch has no read-only role): read, update, list revisions, delete', async () => {
    const created = await h.create(validBody('reader-owned'), 'reader');
    expect(created.createdBy).toBe(QUASARCH_USER_MAIN);
    expect(await h.show(created.id, 'admin')).toEqual(created);
    expect((await h.update(created.id, { cpu: 0.5 }, 'reader')).cpu).toBe(0.5);
    expect((await h.revisions(created.id, '', 'reader')).total).toBe(2);
    expect(await h.show(mine.id, 'reader')).toMatchObject({ id: mine.id, name: 'acme-api' });
    await h.remove(created.id, 'reader');
    expect((await h.call('GET', `/v1/containers/${created.id}`)).status).toBe(404);
  });

  it("lets the ADMIN role read, update, list revisions of and delete another user's container, yet lists only admin's own", async () => {
    const created = await h.create(validBody('globex-temp'), 'other');
    expect(created.createdBy).toBe(QUASARCH_USER_OTHER);
    expect(await h.show(created.id)).toEqual(created);
    const updated = await h.update(created.id, { ram: '1Gi' });
    // An admin's update keeps the owner.
    expect(updated).toMatchObject({ ram: '1Gi', createdBy: QUASARCH_USER_OTHER });
    expect((await h.revisions(created.id)).items.map((item) => item.revisionNumber)).toEqual([2, 1]);
    expect(await h.show(theirs.id)).toMatchObject({ name: 'globex-web', createdBy: QUASARCH_USER_OTHER });
    const adminList = await h.list();
    expect(adminList.items.every((item) => item.createdBy === QUASARCH_USER_MAIN)).toBe(true);
    expect(adminList.items.map((item) => item.id)).not.toContain(created.id);
    expect((await h.list('', 'other')).items.map((item) => item.id)).toContain(created.id);
    await h.remove(created.id);
    expect((await h.call('GET', `/v1/containers/${created.id}`, { as: 'other' })).status).toBe(404);
  });

  it('answers 404 {"error": "container not found"} for an unknown or malformed id to everyone, before any ownership check', async () => {
    for (const id of ['6f1c2a9e-0000-4000-8000-000000000000', 'not-a-uuid', '12345', `${mine.id}x`]) {
      for (const as of ['admin', 'reader', 'other'] as As[]) {
        for (const [method, path, body] of [
          ['GET', `/v1/containers/${id}`],
          ['PUT', `/v1/containers/${id}`, { cpu: 2 }],
          ['DELETE', `/v1/containers/${id}`],
          ['GET', `/v1/containers/${id}/revisions`],
        ] as Array<[string, string, unknown?]>) {
          const reply = await h.call(method, path, { as, body });
          expect(reply.status, `${as} ${method} ${path}`).toBe(404);
          expect(reply.body).toEqual(NOT_FOUND);
        }
      }
    }
    // Ids are UUIDs in any case.
    expect((await h.show(mine.id.toUpperCase())).id).toBe(mine.id);
  });

  it('answers unknown routes with 404, known paths with another method with 405 and Allow, and /health without a token', async () => {
    expect(await h.call('GET', '/v1/nothing-here')).toMatchObject({ status: 404, body: { error: 'not found' } });
    const patch = await h.call('PATCH', `/v1/containers/${mine.id}`, { body: { cpu: 2 } });
    expect(patch.status).toBe(405);
    expect(patch.body).toEqual({ error: 'method not allowed' });
    expect(patch.headers.allow).toBe('GET, HEAD, PUT, DELETE');
    expect((await h.call('DELETE', '/v1/gpu-models')).status).toBe(405);
    expect(await h.call('GET', '/health', { as: 'none' })).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect((await h.call('GET', '/v1/containers/%zz')).body).toEqual({ error: 'bad request' });
  });
});
