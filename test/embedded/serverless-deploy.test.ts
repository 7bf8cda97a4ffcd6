import { beforeAll, describe, expect, it } from 'vitest';
import { seedNamed, startServerless, validBody, type ServerlessHarness } from './serverless-harness.js';

const SECOND = 1000;
const DEPLOY = 5 * SECOND;

/** `<name>-<first 8 hex of the id>.containers.quasarch.local` */
const hostOf = (container: { id: string; name: string }): string => `${container.name}-${container.id.slice(0, 8)}.containers.quasarch.local`;

describe('deployments over the fake clock', () => {
  let h: ServerlessHarness;
  beforeAll(async () => {
    h = await startServerless();
  });

  /** [status, revisionNumber → [status, serving]] of a container now. */
  async function snapshot(id: string): Promise<[string, Record<number, [string, boolean]>]> {
    const container = await h.show(id);
    const revisions = await h.revisions(id);
    return [container.status, Object.fromEntries(revisions.items.map((item) => [item.revisionNumber, [item.status, item.serving]]))];
  }

  it('deploys a new container for 5 s, then it is deployed and serving with its URL and GPU models', async () => {
    const created = await h.create(validBody('gpu-app', { gpu: 1, desiredGPUs: ['h100', 'a100'] }));
    const start = h.clock.now;
    expect(created).toMatchObject({ status: 'deploying', urls: null, desiredGPUs: null });
    h.clock.now = start + DEPLOY - 1;
    expect(await h.show(created.id)).toMatchObject({ status: 'deploying', urls: null, desiredGPUs: null });
    expect(await snapshot(created.id)).toEqual(['deploying', { 1: ['deploying', false] }]);
    h.clock.now = start + DEPLOY;
    const deployed = await h.show(created.id);
    expect(deployed).toMatchObject({ status: 'deployed', urls: [hostOf(created)], desiredGPUs: ['h100', 'a100'], dateUpdated: '0001-01-01T00:00:00Z' });
    expect(await snapshot(created.id)).toEqual(['deployed', { 1: ['ready', true] }]);
    // The list shows the same state as the single read.
    expect((await h.list()).items.find((item) => item.id === created.id)).toEqual(deployed);
  });

  it('keeps a complete, ordered revision history: one new revision per update, each with the whole spec, one serving', async () => {
    const created = await h.create(validBody('history', { env: { STEP: '1' } }));
    const made = [h.clock.now];
    h.clock.advance(10 * SECOND);
    const updates: Array<Record<string, unknown>> = [
      { image: 'nginxdemos/hello:v2' },
      { cpu: 2, env: { STEP: '3' } },
      { ram: '2Gi', command: 'nginx', arguments: ['-g', 'daemon off;'] },
    ];
    for (const body of updates) {
      made.push(h.clock.now);
      expect((await h.update(created.id, body)).status).toBe('deploying');
      expect((await h.revisions(created.id)).total).toBe(made.length);
      h.clock.advance(10 * SECOND);
    }
    const { items, total } = await h.revisions(created.id);
    expect(total).toBe(4);
    expect(items.map((item) => item.revisionNumber)).toEqual([4, 3, 2, 1]);
    expect(items.map((item) => Date.parse(item.dateCreated))).toEqual([...made].reverse());
    const base = {
      containerID: created.id,
      cpu: 1,
      ram: '512Mi',
      gpu: 0,
      ephemeralStorage: '10Gi',
      command: null,
      arguments: null,
      port: '80',
      desiredGPUs: null,
      status: 'ready',
    };
    expect(items[3]).toEqual({
      ...base,
      revisionNumber: 1,
      image: 'nginxdemos/hello:latest',
      env: { STEP: '1' },
      dateCreated: items[3].dateCreated,
      serving: false,
    });
    expect(items[2]).toEqual({
      ...base,
      revisionNumber: 2,
      image: 'nginxdemos/hello:v2',
      env: { STEP: '1' },
      dateCreated: items[2].dateCreated,
      serving: false,
    });
    expect(items[1]).toEqual({
      ...base,
      revisionNumber: 3,
      image: 'nginxdemos/hello:v2',
      cpu: 2,
      env: { STEP: '3' },
      dateCreated: items[1].dateCreated,
      serving: false,
    });
    expect(items[0]).toEqual({
      ...base,
      revisionNumber: 4,
      image: 'nginxdemos/hello:v2',
      cpu: 2,
      ram: '2Gi',
      command: 'nginx',
      arguments: ['-g', 'daemon off;'],
      env: { STEP: '3' },
      dateCreated: items[0].dateCreated,
      serving: true,
    });
    expect(Object.keys(items[0])).toEqual([
      'containerID',
      'revisionNumber',
      'image',
      'dateCreated',
      'cpu',
      'ram',
      'gpu',
      'ephemeralStorage',
      'command',
      'arguments',
      'env',
      'port',
      'desiredGPUs',
      'status',
      'serving',
    ]);
    // The container shows the latest spec.
    expect(await h.show(created.id)).toMatchObject({
      image: 'nginxdemos/hello:v2',
      cpu: 2,
      ram: '2Gi',
      command: 'nginx',
      env: { STEP: '3' },
      status: 'deployed',
    });
    // Paged newest first.
    const page = await h.revisions(created.id, 'page=2&rows=3');
    expect(page).toEqual({ items: [items[3]], total: 4, page: 2, rowsPerPage: 3 });
    const bad = await h.call('GET', `/v1/containers/${created.id}/revisions?rows=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ rows: 'must be an integer from 1 to 1000' });
  });

  it('keeps the ready revision serving while a newer one deploys, then hands over when that one is ready', async () => {
    const created = await h.create(validBody('handover'));
    h.clock.advance(DEPLOY);
    const updateAt = h.clock.advance(60 * SECOND);
    const updated = await h.update(created.id, { cpu: 3 });
    expect(updated).toMatchObject({ status: 'deploying', urls: [hostOf(created)], cpu: 3 });
    expect(await snapshot(created.id)).toEqual(['deploying', { 1: ['ready', true], 2: ['deploying', false] }]);
    // A third revision while the second still deploys: the first keeps serving until one is ready.
    h.clock.now = updateAt + 2 * SECOND;
    await h.update(created.id, { cpu: 4 });
    expect(await snapshot(created.id)).toEqual(['deploying', { 1: ['ready', true], 2: ['deploying', false], 3: ['deploying', false] }]);
    h.clock.now = updateAt + DEPLOY;
    expect(await snapshot(created.id)).toEqual(['deploying', { 1: ['ready', false], 2: ['ready', true], 3: ['deploying', false] }]);
    h.clock.now = updateAt + 2 * SECOND + DEPLOY;
    expect(await snapshot(created.id)).toEqual(['deployed', { 1: ['ready', false], 2: ['ready', false], 3: ['ready', true] }]);
  });

  it('fails a revision whose image is known not to exist; the previous ready revision keeps serving and the container is failed', async () => {
    const created = await h.create(validBody('will-fail', { gpu: 1, desiredGPUs: ['t4'] }));
    h.clock.advance(DEPLOY);
    expect((await h.show(created.id)).status).toBe('deployed');
    const failedAt = h.clock.advance(SECOND);
    const updated = await h.update(created.id, { image: 'registry.example.invalid/team/app:1.0', desiredGPUs: ['v100'] });
    expect(updated).toMatchObject({ status: 'deploying', urls: [hostOf(created)], desiredGPUs: ['t4'] });
    h.clock.now = failedAt + DEPLOY;
    const failed = await h.show(created.id);
    // The failed revision's spec shows; urls and GPU models are the serving revision 1's.
    expect(failed).toMatchObject({ status: 'failed', image: 'registry.example.invalid/team/app:1.0', urls: [hostOf(created)], desiredGPUs: ['t4'] });
    expect(await snapshot(created.id)).toEqual(['failed', { 1: ['ready', true], 2: ['failed', false] }]);
    // A fixed image deploys again and takes over.
    h.clock.advance(SECOND);
    await h.update(created.id, { image: 'registry.example.com/team/app:1.0' });
    h.clock.advance(DEPLOY);
    expect(await snapshot(created.id)).toEqual(['deployed', { 1: ['ready', false], 2: ['failed', false], 3: ['ready', true] }]);
    expect((await h.show(created.id)).desiredGPUs).toEqual(['v100']);
  });

  it('leaves a container whose only revision failed without URLs or a serving revision', async () => {
    const created = await h.create(validBody('never-up', { image: 'ghcr.invalid/acme/nothing:1' }));
    h.clock.advance(DEPLOY);
    expect(await h.show(created.id)).toMatchObject({ status: 'failed', urls: null, desiredGPUs: null });
    expect(await snapshot(created.id)).toEqual(['failed', { 1: ['failed', false] }]);
  });

  it('shows the seeded containers as the seed describes them', async () => {
    const failed = seedNamed('analytics-dashboard');
    const shown = await h.show(failed.id);
    expect(shown).toMatchObject({ status: 'failed', image: failed.image, urls: [hostOf(shown)] });
    expect(await snapshot(failed.id)).toEqual(['failed', { 1: ['ready', true], 2: ['failed', false] }]);
    const gpu = seedNamed('recommendation-api');
    expect(await h.show(gpu.id)).toMatchObject({ status: 'deployed', gpu: 1, desiredGPUs: ['a100'] });
    const history = seedNamed('acme-api');
    expect((await h.revisions(history.id)).items.map((item) => [item.revisionNumber, item.image, item.serving])).toEqual([
      [3, 'registry.acme.dev/acme/api:2.14.0', true],
      [2, 'registry.acme.dev/acme/api:2.14.0', false],
      [1, 'registry.acme.dev/acme/api:2.13.1', false],
    ]);
  });
});
