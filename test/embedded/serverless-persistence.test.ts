import { describe, expect, it } from 'vitest';
import { SYSTEM_IMAGES } from '../../src/embedded/container-images/seed-system.js';
import { MAIN_USER_IMAGES, OTHER_USER_IMAGES } from '../../src/embedded/container-images/seed-users.js';
import { QUASARCH_USER_MAIN, QUASARCH_USER_OTHER } from '../../src/embedded/principals.js';
import { SERVERLESS_SEEDS } from '../../src/embedded/serverless/seed.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { fakeClock, T0 } from './containers-harness.js';
import { seedNamed, startServerless, validBody } from './serverless-harness.js';

const DAY = 86_400_000;

describe('the embedded serverless container service across restarts', () => {
  it('keeps containers, revisions and deletions; a deployment in flight finishes after the restart', async () => {
    const dataDir = await tempDataDir();
    const clock = fakeClock();
    const first = await startServerless({ dataDir, clock });
    const created = await first.create(validBody('survivor', { env: { A: '1' } }));
    clock.advance(10_000);
    await first.update(created.id, { image: 'nginxdemos/hello:v2', env: { A: '2' } });
    await first.remove(seedNamed('hello-world').id);
    clock.advance(2_000);
    const before = {
      list: await first.list(),
      theirs: await first.list('', 'other'),
      shown: await first.show(created.id),
      revisions: await first.revisions(created.id),
      seeded: await first.revisions(seedNamed('acme-api').id),
    };
    expect(before.shown.status).toBe('deploying');
    await first.close();

    // Same data dir, same instant: the same answers.
    const second = await startServerless({ dataDir, clock });
    expect(await second.list()).toEqual(before.list);
    expect(await second.list('', 'other')).toEqual(before.theirs);
    expect(await second.show(created.id)).toEqual(before.shown);
    expect(await second.revisions(created.id)).toEqual(before.revisions);
    expect(await second.revisions(seedNamed('acme-api').id)).toEqual(before.seeded);
    expect((await second.call('GET', `/v1/containers/${seedNamed('hello-world').id}`)).status).toBe(404);

    // The update deploying when the service stopped carries on as if nothing happened.
    clock.advance(3_000);
    expect(await second.show(created.id)).toMatchObject({ status: 'deployed', image: 'nginxdemos/hello:v2', env: { A: '2' } });
    expect((await second.revisions(created.id)).items.map((item) => [item.revisionNumber, item.serving])).toEqual([
      [2, true],
      [1, false],
    ]);
    await second.close();
  });

  it('seeds once per data directory, with times relative to the clock at that first start', async () => {
    const dataDir = await tempDataDir();
    const clock = fakeClock();
    const first = await startServerless({ dataDir, clock });
    const seeded = await first.show(seedNamed('acme-api').id);
    expect(seeded.dateCreated).toBe(new Date(T0 - 30 * DAY).toISOString().replace('.000Z', 'Z'));
    expect(seeded.dateUpdated).toBe(new Date(T0 - 2 * DAY).toISOString().replace('.000Z', 'Z'));
    await first.close();

    clock.advance(30 * DAY);
    const second = await startServerless({ dataDir, clock });
    expect(await second.show(seeded.id)).toEqual(seeded);
    expect((await second.list()).total).toBe(SERVERLESS_SEEDS.filter((seed) => seed.owner === 'main').length);
    await second.close();
  });
});

describe('the serverless seed', () => {
  const catalogue = new Set([...SYSTEM_IMAGES, ...MAIN_USER_IMAGES, ...OTHER_USER_IMAGES].map((image) => image.image));

  it('gives admin and reader a few containers (one with 3+ revisions, one on an a100, one failed) and other two', async () => {
    const h = await startServerless();
    const mine = await h.list();
    const main = SERVERLESS_SEEDS.filter((seed) => seed.owner === 'main');
    expect(mine.items.map((item) => [item.id, item.name, item.createdBy, item.image, item.status])).toEqual(
      main.map((seed) => [seed.id, seed.name, QUASARCH_USER_MAIN, seed.image, seed.status]),
    );
    expect(main.some((seed) => seed.revisions >= 3)).toBe(true);
    expect(main.some((seed) => seed.gpu === 1 && seed.desiredGPUs?.join() === 'a100')).toBe(true);
    expect(main.some((seed) => seed.status === 'failed')).toBe(true);
    const theirs = await h.list('', 'other');
    expect(theirs.items.map((item) => [item.id, item.name, item.createdBy])).toEqual(
      SERVERLESS_SEEDS.filter((seed) => seed.owner === 'other').map((seed) => [seed.id, seed.name, QUASARCH_USER_OTHER]),
    );
    for (const seed of SERVERLESS_SEEDS) expect((await h.revisions(seed.id)).total, seed.name).toBe(seed.revisions);
  });

  it('runs images from the container-image catalogue, apart from an older tag and the failing .invalid registry', () => {
    const outside = SERVERLESS_SEEDS.flatMap((seed) => seed.images).filter((image) => !catalogue.has(image));
    expect(outside.sort()).toEqual(['registry.acme.dev/acme/api:2.13.1', 'registry.acme.invalid/acme/analytics:2.3.0']);
    for (const seed of SERVERLESS_SEEDS.filter((candidate) => candidate.status === 'deployed')) expect(catalogue.has(seed.image), seed.name).toBe(true);
  });

  it('keeps fixed UUIDs so tests and docs can name seed containers', () => {
    expect(new Set(SERVERLESS_SEEDS.map((seed) => seed.id)).size).toBe(SERVERLESS_SEEDS.length);
    for (const seed of SERVERLESS_SEEDS) expect(seed.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seedNamed('acme-api').id).toBe('f1602a66-b4bb-5a89-82bb-5ef74e9270e9');
  });
});
