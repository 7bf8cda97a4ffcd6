import { beforeAll, describe, expect, it } from 'vitest';
import type { As } from './harness.js';
import { seedWith, startContainers, type ContainersHarness } from './containers-harness.js';

const INVALID_TOKEN = 'Bearer realm="ComputeStacks", error="invalid_token"';
const INSUFFICIENT_SCOPE = 'Bearer realm="ComputeStacks", error="insufficient_scope"';
const UNKNOWN_CONTAINER = { errors: ['Unknown container'] };

describe('authentication, scopes and ownership of the embedded ComputeStacks container API', () => {
  let h: ContainersHarness;
  const mine = seedWith('online', 1).id;
  const theirs = seedWith('online', 2).id;
  beforeAll(async () => {
    h = await startContainers();
  });

  const reads = (id: number): string[] => [
    '/api/containers',
    `/api/containers/${id}`,
    `/api/containers/${id}/logs`,
    `/api/containers/${id}/container_processes`,
    `/api/containers/${id}/metrics/cpu`,
    `/api/containers/${id}/metrics/memory`,
  ];
  const subResources = (id: number): Array<[string, string]> => [
    ['PUT', `/api/containers/${id}/power/stop`],
    ['GET', `/api/containers/${id}/logs`],
    ['GET', `/api/containers/${id}/container_processes`],
    ['GET', `/api/containers/${id}/metrics/cpu`],
    ['GET', `/api/containers/${id}/metrics/memory`],
  ];

  it('answers 401 with an empty body and WWW-Authenticate invalid_token without a valid Bearer token, on every route', async () => {
    for (const as of ['none', 'bogus'] as As[]) {
      for (const [method, path] of [...reads(mine).map((path) => ['GET', path] as const), ['PUT', `/api/containers/${mine}/power/stop`] as const]) {
        const reply = await h.call(method, path, { as });
        expect(reply.status, `${as} ${method} ${path}`).toBe(401);
        expect(reply.raw.length).toBe(0);
        expect(reply.headers['www-authenticate']).toBe(INVALID_TOKEN);
      }
    }
    // The refused stop did nothing.
    expect((await h.show(mine)).req_state).toBe('running');
  });

  it('refuses power to reader with 403, an empty body and insufficient_scope, before looking up the container or the action', async () => {
    for (const path of [`/api/containers/${mine}/power/stop`, '/api/containers/999999/power/stop', `/api/containers/${mine}/power/explode`]) {
      const reply = await h.call('PUT', path, { as: 'reader' });
      expect(reply.status, path).toBe(403);
      expect(reply.raw.length).toBe(0);
      expect(reply.headers['www-authenticate']).toBe(INSUFFICIENT_SCOPE);
    }
    h.clock.advance(10_000);
    const after = await h.show(mine);
    expect(after.req_state).toBe('running');
    expect(after.current_state).toBe('online');
  });

  it('lets reader, other and admin read their containers with projects_read', async () => {
    for (const [as, id] of [
      ['reader', mine],
      ['admin', mine],
      ['other', theirs],
      ['admin', theirs],
    ] as Array<[As, number]>) {
      for (const path of reads(id)) expect((await h.call('GET', path, { as })).status, `${as} ${path}`).toBe(200);
    }
  });

  it('answers 404 with an empty body for a container that is missing, malformed or another user’s', async () => {
    for (const [as, id] of [
      ['admin', '999999'],
      ['admin', '0'],
      ['admin', 'abc'],
      ['admin', '1.5'],
      ['other', String(mine)],
      ['reader', String(theirs)],
    ] as Array<[As, string]>) {
      const reply = await h.call('GET', `/api/containers/${id}`, { as });
      expect(reply.status, `${as} ${id}`).toBe(404);
      expect(reply.raw.length, `${as} ${id}`).toBe(0);
    }
  });

  it('answers 404 {"errors":["Unknown container"]} for every sub-resource of a missing or foreign container', async () => {
    for (const [as, id] of [
      ['admin', 999999],
      ['other', mine],
      ['reader', theirs],
    ] as Array<[As, number]>) {
      // reader's power is refused by scope first (403, above).
      for (const [method, path] of subResources(id).filter(([method]) => as !== 'reader' || method === 'GET')) {
        const reply = await h.call(method, path, { as });
        expect(reply.status, `${as} ${method} ${path}`).toBe(404);
        expect(reply.body, `${as} ${method} ${path}`).toEqual(UNKNOWN_CONTAINER);
      }
    }
    const malformed = await h.call('GET', '/api/containers/abc/logs');
    expect(malformed.status).toBe(404);
    expect(malformed.body).toEqual(UNKNOWN_CONTAINER);
    // other's refused stop of user 1's container changed nothing.
    h.clock.advance(10_000);
    expect((await h.show(mine)).current_state).toBe('online');
  });

  it('lets admin power any user’s container and other power its own', async () => {
    await h.power(theirs, 'stop', 'admin');
    expect((await h.show(theirs, 'other')).req_state).toBe('stopped');
    await h.power(theirs, 'start', 'other');
    expect((await h.show(theirs, 'other')).req_state).toBe('running');
  });

  it('answers an unknown power action with 422 and the exact ComputeStacks body, changing nothing', async () => {
    const before = await h.show(mine);
    for (const action of ['explode', 'START', 'pause', 'reboot']) {
      const reply = await h.call('PUT', `/api/containers/${mine}/power/${action}`);
      expect(reply.status, action).toBe(422);
      expect(reply.body).toEqual({ errors: ['Unknown action.', 'Available actions are: start, stop, restart, rebuild'] });
    }
    expect(await h.show(mine)).toEqual(before);
    // An unknown container is found missing before the action is read.
    expect((await h.call('PUT', '/api/containers/999999/power/explode')).body).toEqual(UNKNOWN_CONTAINER);
  });

  it('serves GET /api/health without credentials and answers unknown routes with the catch-all 404', async () => {
    const health = await h.call('GET', '/api/health', { as: 'none' });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    for (const [method, path] of [
      ['GET', '/api/container'],
      ['POST', '/api/containers'],
      ['GET', `/api/containers/${mine}/power/start`],
      ['GET', `/api/containers/${mine}/metrics/disk`],
    ]) {
      const reply = await h.call(method!, path!, { as: 'none' });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body).toEqual({ errors: ['Unknown API Call. Please check the documentation.'] });
    }
  });
});
