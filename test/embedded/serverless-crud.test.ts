import { beforeAll, describe, expect, it } from 'vitest';
import { QUASARCH_USER_MAIN, QUASARCH_USER_OTHER } from '../../src/embedded/principals.js';
import { SERVERLESS_SEEDS } from '../../src/embedded/serverless/seed.js';
import { T0 } from './containers-harness.js';
import { startServerless, validBody, type ServerlessHarness } from './serverless-harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ZERO_TIME = '0001-01-01T00:00:00Z';

describe('creating, reading, listing, updating and deleting serverless containers', () => {
  let h: ServerlessHarness;
  beforeAll(async () => {
    h = await startServerless();
  });

  it('creates with 201 and the whole object: deploying, no urls or GPU models yet, the zero dateUpdated, revision 1', async () => {
    h.clock.now = T0 + 1500;
    const created = await h.create(validBody('hello-create'));
    expect(created).toEqual({
      id: expect.stringMatching(UUID),
      name: 'hello-create',
      createdBy: QUASARCH_USER_MAIN,
      image: 'nginxdemos/hello:latest',
      cpu: 1,
      ram: '512Mi',
      gpu: 0,
      ephemeralStorage: '10Gi',
      command: null,
      arguments: null,
      env: { FOO: 'bar' },
      port: '80',
      dateCreated: '2025-06-01T12:00:01.5Z',
      dateUpdated: ZERO_TIME,
      status: 'deploying',
      urls: null,
      desiredGPUs: null,
    });
    expect(Object.keys(created)).toEqual([
      'id',
      'name',
      'createdBy',
      'image',
      'cpu',
      'ram',
      'gpu',
      'ephemeralStorage',
      'command',
      'arguments',
      'env',
      'port',
      'dateCreated',
      'dateUpdated',
      'status',
      'urls',
      'desiredGPUs',
    ]);
    expect(await h.show(created.id)).toEqual(created);
    const revisions = await h.revisions(created.id);
    expect(revisions).toMatchObject({ total: 1, page: 1, rowsPerPage: 100 });
    expect(revisions.items).toEqual([
      expect.objectContaining({
        containerID: created.id,
        revisionNumber: 1,
        image: 'nginxdemos/hello:latest',
        dateCreated: '2025-06-01T12:00:01.5Z',
        status: 'deploying',
        serving: false,
      }),
    ]);
  });

  it('fills what a create leaves out with documented defaults and keeps command, arguments and env as given', async () => {
    const minimal = await h.create({ name: 'minimal', image: 'nginx:1.27-alpine' });
    expect(minimal).toMatchObject({
      cpu: 1,
      ram: '512Mi',
      gpu: 0,
      ephemeralStorage: '1Gi',
      command: null,
      arguments: null,
      env: {},
      port: '8080',
      desiredGPUs: null,
    });
    const full = await h.create(
      validBody('full', {
        command: '/bin/server',
        arguments: ['--listen', ':80'],
        env: { B: '2', A: '1', __proto__x: 'y' },
        cpu: 0.25,
        gpu: 1,
        desiredGPUs: ['t4'],
      }),
    );
    expect(full).toMatchObject({ command: '/bin/server', arguments: ['--listen', ':80'], cpu: 0.25, gpu: 1, desiredGPUs: null });
    expect(Object.entries(full.env)).toEqual([
      ['B', '2'],
      ['A', '1'],
      ['__proto__x', 'y'],
    ]);
    // An empty command or argument list is no override.
    const empty = await h.create(validBody('empty-overrides', { command: '', arguments: [] }));
    expect(empty).toMatchObject({ command: null, arguments: null });
  });

  it('ignores unknown fields and read-only ones such as id, createdBy and status, as a Go decoder does', async () => {
    const created = await h.create(
      validBody('ignores-extras', { id: 'mine', createdBy: QUASARCH_USER_OTHER, status: 'deployed', urls: ['x'], colour: 'blue' }),
    );
    expect(created.id).toMatch(UUID);
    expect(created.createdBy).toBe(QUASARCH_USER_MAIN);
    expect(created.status).toBe('deploying');
    expect(created.urls).toBeNull();
    expect(created).not.toHaveProperty('colour');
  });

  it('reads a JSON body whatever its Content-Type, and refuses a malformed, empty or non-object body with 400', async () => {
    const plain = await h.call('POST', '/v1/containers', { body: JSON.stringify(validBody('as-text')), headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(201);
    const before = (await h.list()).total;
    for (const [body, error] of [
      ['{"name": "x",', 'malformed JSON in request body'],
      ['', 'request body must be a JSON object'],
      ['[1, 2]', 'request body must be a JSON object'],
      ['"hello"', 'request body must be a JSON object'],
      ['null', 'request body must be a JSON object'],
    ] as const) {
      const reply = await h.call('POST', '/v1/containers', { body, headers: { 'content-type': 'application/json' } });
      expect(reply.status, body).toBe(400);
      expect(reply.body).toEqual({ error });
    }
    expect((await h.list()).total).toBe(before);
  });

  it('refuses a second container of the same name for the same user, but not for another user', async () => {
    await h.create(validBody('twin'));
    const again = await h.call('POST', '/v1/containers', { body: validBody('twin', { image: 'nginx:1.27-alpine' }) });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ error: 'data validation error', fields: { name: 'you already have a container named "twin"' } });
    // reader is the same user: the name is taken for it too.
    expect((await h.call('POST', '/v1/containers', { as: 'reader', body: validBody('twin') })).status).toBe(400);
    const theirs = await h.create(validBody('twin'), 'other');
    expect(theirs.createdBy).toBe(QUASARCH_USER_OTHER);
  });

  it("lists only the caller's containers, oldest first, in the items/total/page/rowsPerPage envelope", async () => {
    const mine = await h.list();
    expect(mine).toEqual({ items: expect.any(Array), total: mine.items.length, page: 1, rowsPerPage: 100 });
    expect(mine.items.every((item) => item.createdBy === QUASARCH_USER_MAIN)).toBe(true);
    const seeded = SERVERLESS_SEEDS.filter((seed) => seed.owner === 'main').map((seed) => seed.name);
    expect(mine.items.slice(0, seeded.length).map((item) => item.name)).toEqual(seeded);
    expect(mine.items.slice(seeded.length, seeded.length + 2).map((item) => item.name)).toEqual(['hello-create', 'minimal']);
    const created = mine.items.map((item) => Date.parse(item.dateCreated));
    expect(created).toEqual([...created].sort((a, b) => a - b));
    // reader is the same user: the same list.
    expect(await h.list('', 'reader')).toEqual(mine);
    const theirs = await h.list('', 'other');
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.every((item) => item.createdBy === QUASARCH_USER_OTHER)).toBe(true);
    expect(theirs.items.map((item) => item.name)).toContain('twin');
  });

  it('pages the list with page and rows, and refuses unusable values with 400 naming the parameter', async () => {
    const all = await h.list();
    const second = await h.list('page=2&rows=3');
    expect(second).toEqual({ items: all.items.slice(3, 6), total: all.total, page: 2, rowsPerPage: 3 });
    expect(await h.list('page=99&rows=3')).toEqual({ items: [], total: all.total, page: 99, rowsPerPage: 3 });
    expect((await h.list('rows=1000')).rowsPerPage).toBe(1000);
    for (const [query, fields] of [
      ['page=0', { page: 'must be an integer of at least 1' }],
      ['page=abc', { page: 'must be an integer of at least 1' }],
      ['rows=0', { rows: 'must be an integer from 1 to 1000' }],
      ['rows=1001', { rows: 'must be an integer from 1 to 1000' }],
      ['page=-1&rows=2.5', { page: 'must be an integer of at least 1', rows: 'must be an integer from 1 to 1000' }],
    ] as const) {
      const reply = await h.call('GET', `/v1/containers?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body).toEqual({ error: 'data validation error', fields });
    }
  });

  it('updates with a partial body: 200 with the whole merged object, back to deploying, dateUpdated set, exactly one new revision', async () => {
    h.clock.now = T0 + 60_000;
    const created = await h.create(validBody('to-update', { env: { FOO: 'bar', KEEP: 'no' } }));
    h.clock.advance(10_000);
    expect((await h.show(created.id)).status).toBe('deployed');
    const updatedAt = h.clock.advance(2_250);
    const updated = await h.update(created.id, { image: 'nginxdemos/hello:updated', env: { FOO: 'updated-bar' }, cpu: null });
    expect(updated).toEqual({
      ...created,
      image: 'nginxdemos/hello:updated',
      // env is replaced whole; cpu: null counts as not given.
      env: { FOO: 'updated-bar' },
      // Go's RFC 3339 with the fraction's trailing zeros trimmed.
      dateUpdated: '2025-06-01T12:01:12.25Z',
      status: 'deploying',
      urls: [expect.stringMatching(/^to-update-[0-9a-f]{8}\.containers\.quasarch\.local$/)],
    });
    expect(Date.parse(updated.dateUpdated)).toBe(updatedAt);
    const revisions = await h.revisions(created.id);
    expect(revisions.total).toBe(2);
    expect(revisions.items[0]).toMatchObject({
      revisionNumber: 2,
      image: 'nginxdemos/hello:updated',
      env: { FOO: 'updated-bar' },
      cpu: 1,
      ram: '512Mi',
      port: '80',
    });
    expect(revisions.items[1]).toMatchObject({ revisionNumber: 1, image: 'nginxdemos/hello:latest', env: { FOO: 'bar', KEEP: 'no' } });
  });

  it('redeploys when a PUT repeats the current values, but refuses a body with no known field with 400 and no revision', async () => {
    const created = await h.create(validBody('redeploy'));
    expect((await h.update(created.id, { port: '80' })).port).toBe('80');
    expect((await h.revisions(created.id)).total).toBe(2);
    for (const body of [{}, { colour: 'blue' }, { cpu: null, env: null }]) {
      const reply = await h.call('PUT', `/v1/containers/${created.id}`, { body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error).toMatch(/^no fields to update/);
    }
    for (const body of ['', '[]', '{"image": ']) {
      const reply = await h.call('PUT', `/v1/containers/${created.id}`, { body, headers: { 'content-type': 'application/json' } });
      expect(reply.status, body).toBe(400);
    }
    expect((await h.revisions(created.id)).total).toBe(2);
    expect((await h.show(created.id)).dateUpdated).not.toBe(ZERO_TIME);
  });

  it("accepts a GET's object sent back as a PUT (read-only fields ignored, nulls not given) and redeploys the same spec", async () => {
    const created = await h.create(validBody('round-trip', { gpu: 1, desiredGPUs: ['t4'] }));
    const shown = await h.show(created.id);
    expect(shown.desiredGPUs).toBeNull();
    const updated = await h.update(created.id, shown);
    expect(updated).toMatchObject({ gpu: 1, status: 'deploying', createdBy: created.createdBy });
    const [second, first] = (await h.revisions(created.id)).items;
    const { revisionNumber: _two, dateCreated: _at2, status: _s2, ...secondSpec } = second;
    const { revisionNumber: _one, dateCreated: _at1, status: _s1, ...firstSpec } = first;
    expect(secondSpec).toEqual(firstSpec);
    expect(second.desiredGPUs).toEqual(['t4']);
  });

  it('keeps the name: the same name in a PUT is fine, another one is a field error', async () => {
    const created = await h.create(validBody('fixed-name'));
    expect((await h.update(created.id, { name: 'fixed-name', cpu: 2 })).cpu).toBe(2);
    const renamed = await h.call('PUT', `/v1/containers/${created.id}`, { body: { name: 'new-name', cpu: 3 } });
    expect(renamed.status).toBe(400);
    expect(renamed.body).toEqual({ error: 'data validation error', fields: { name: 'cannot be changed after the container is created' } });
    expect(await h.show(created.id)).toMatchObject({ name: 'fixed-name', cpu: 2 });
    expect((await h.revisions(created.id)).total).toBe(2);
  });

  it('deletes with 204 and an empty body; the container and its revisions are gone and its name is free again', async () => {
    const created = await h.create(validBody('short-lived'));
    await h.update(created.id, { cpu: 2 });
    const reply = await h.call('DELETE', `/v1/containers/${created.id}`);
    expect(reply.status).toBe(204);
    expect(reply.raw.length).toBe(0);
    for (const [method, path] of [
      ['GET', `/v1/containers/${created.id}`],
      ['GET', `/v1/containers/${created.id}/revisions`],
      ['PUT', `/v1/containers/${created.id}`],
      ['DELETE', `/v1/containers/${created.id}`],
    ] as const) {
      const gone = await h.call(method, path, { body: method === 'PUT' ? { cpu: 1 } : undefined });
      expect(gone.status, `${method} ${path}`).toBe(404);
      expect(gone.body).toEqual({ error: 'container not found' });
    }
    expect((await h.list()).items.map((item) => item.id)).not.toContain(created.id);
    const again = await h.create(validBody('short-lived'));
    expect(again.id).not.toBe(created.id);
    expect((await h.revisions(again.id)).total).toBe(1);
  });
});
