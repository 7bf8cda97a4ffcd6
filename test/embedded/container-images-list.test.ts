import { beforeAll, describe, expect, it } from 'vitest';
import { CONTAINER_IMAGE_SEEDS, type ContainerImageSeed } from '../../src/embedded/container-images/seed.js';
import { CS_USER_MAIN, CS_USER_OTHER } from '../../src/embedded/principals.js';
import type { As } from './harness.js';
import { parseLink, seedId, startContainerImages, type ContainerImagesHarness } from './container-images-harness.js';

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const ids = (images: any[]) => images.map((image) => image.id as number);
/** The list oracle: own images, images shared with the user, active system images. */
const visibleTo = (userId: number) => (seed: ContainerImageSeed) =>
  seed.userId === userId || seed.sharedWith.includes(userId) || (seed.userId === null && seed.active);
const seedIds = (filter: (seed: ContainerImageSeed) => boolean) => sorted(CONTAINER_IMAGE_SEEDS.filter(filter).map((seed) => seed.id));

describe('GET /api/container_images: who sees what', () => {
  let h: ContainerImagesHarness;
  beforeAll(async () => {
    h = await startContainerImages();
  });

  it('lists every image for admin, inactive and other users’ included', async () => {
    const all = await h.all('per_page=100', 'admin');
    expect(sorted(ids(all))).toEqual(seedIds(() => true));
    expect(all).toHaveLength(127);
  });

  it.each<[As, number, number]>([
    ['reader', CS_USER_MAIN, 103],
    ['other', CS_USER_OTHER, 68],
  ])('lists for %s its own images, images shared with it and active system images', async (as, userId, count) => {
    const listed = sorted(ids(await h.all('per_page=100', as)));
    expect(listed).toEqual(seedIds(visibleTo(userId)));
    expect(listed).toHaveLength(count);
    expect(await h.total('', as)).toBe(count);
    for (const name of ['php-fpm-7', 'mysql-5']) expect(listed).not.toContain(seedId(name));
  });

  it('orders by label, ignoring case, then id', async () => {
    const labels = (await h.all('per_page=100', 'admin')).map((image) => image.label as string);
    // SQLite's NOCASE folds ASCII letters and then compares code points.
    const folded = (label: string) => label.toLowerCase();
    expect(labels).toEqual([...labels].sort((a, b) => (folded(a) < folded(b) ? -1 : folded(a) > folded(b) ? 1 : 0)));
    expect(labels.slice(0, 3)).toEqual(['Acme Admin Panel', 'Acme API', 'Acme Auth Service']);
    expect(labels.at(-1)).toBe('Zephyr Sandbox');
  });

  it('lists only the caller’s own images for filter=owned', async () => {
    expect(sorted(ids(await h.all('filter=owned&per_page=100', 'reader')))).toEqual(seedIds((seed) => seed.userId === CS_USER_MAIN));
    expect(sorted(ids(await h.all('filter=owned&per_page=100', 'admin')))).toEqual(seedIds((seed) => seed.userId === CS_USER_MAIN));
    expect(sorted(ids(await h.all('filter=owned', 'other')))).toEqual(seedIds((seed) => seed.userId === CS_USER_OTHER));
    expect(await h.total('filter=owned', 'other')).toBe(25);
  });

  it('lists only load balancers for filter=isLoadBalancer', async () => {
    const names = async (as: As) => (await h.all('filter=isLoadBalancer', as)).map((image) => image.name);
    expect(await names('admin')).toEqual(['edge-router', 'gateway-proxy', 'haproxy-3', 'traefik-3']);
    expect(await names('reader')).toEqual(['gateway-proxy', 'haproxy-3', 'traefik-3']);
    expect(await names('other')).toEqual(['edge-router', 'haproxy-3', 'traefik-3']);
    for (const image of await h.all('filter=isLoadBalancer')) expect(image.is_load_balancer).toBe(true);
  });

  it('filters by a case-insensitive substring of the label with byname, within what the caller sees', async () => {
    const names = async (query: string, as: As) => (await h.all(query, as)).map((image) => image.name);
    expect(await names('byname=PRESS', 'reader')).toEqual(['wordpress-6']);
    expect(await names('byname=acme&per_page=100', 'other')).toEqual(['acme-design-system', 'acme-docs', 'acme-shared-postgres']);
    expect(await names('byname=Globex%20D', 'reader')).toEqual(['globex-docs-portal']);
    expect(await names('byname=globex&filter=owned', 'reader')).toEqual([]);
    expect(await names('byname=%25', 'admin')).toEqual([]);
    const acme = seedIds((seed) => visibleTo(CS_USER_MAIN)(seed) && seed.label.toLowerCase().includes('acme'));
    expect(acme).toHaveLength(18);
    expect(await h.total('byname=acme', 'reader')).toBe(acme.length);
  });

  it.each<[As, string, number]>([
    ['admin', 'php-fpm-7', 200],
    ['reader', 'php-fpm-7', 404],
    ['other', 'mysql-5', 404],
    ['reader', 'acme-shop-staging', 200],
    ['other', 'acme-shop-staging', 404],
    ['other', 'globex-legacy-portal', 200],
    ['other', 'acme-docs', 200],
    ['other', 'acme-landing-page', 404],
    ['reader', 'globex-build-runner', 200],
    ['reader', 'globex-web', 404],
    ['admin', 'globex-web', 200],
    ['other', 'nginx', 200],
  ])('shows %s the image %s with %i', async (as, name, status) => {
    const reply = await h.call('GET', `/api/container_images/${seedId(name)}`, { as });
    expect(reply.status).toBe(status);
    if (status === 200) expect(reply.body.container_image.name).toBe(name);
    else expect(reply.raw.length).toBe(0);
  });
});

describe('GET /api/container_images: paging', () => {
  let h: ContainerImagesHarness;
  let base: string;
  beforeAll(async () => {
    h = await startContainerImages();
    base = `${h.url}/api/container_images`;
  });

  it('gives 30 a page by default with Total and Per-Page headers and nothing about paging in the body', async () => {
    const { images, reply } = await h.page('', 'admin');
    expect(images).toHaveLength(30);
    expect(reply.headers.total).toBe('127');
    expect(reply.headers['per-page']).toBe('30');
    expect(Object.keys(reply.body)).toEqual(['container_images']);
  });

  it('links first, next and last from page 1, absolute and keeping the other parameters', async () => {
    const { reply } = await h.page('filter=owned&per_page=25', 'reader');
    expect(reply.headers.total).toBe('60');
    expect(reply.headers.link).toBe(
      `<${base}?filter=owned&per_page=25&page=1>; rel="first", <${base}?filter=owned&per_page=25&page=2>; rel="next", ` +
        `<${base}?filter=owned&per_page=25&page=3>; rel="last"`,
    );
  });

  it('links first, prev, next and last from a middle page, replacing page where it stood', async () => {
    const { images, reply } = await h.page('page=2&per_page=25&byname=e', 'admin');
    const total = Number(reply.headers.total);
    expect(total).toBeGreaterThan(75);
    expect(images).toHaveLength(25);
    expect(parseLink(reply.headers.link)).toEqual({
      first: `${base}?page=1&per_page=25&byname=e`,
      prev: `${base}?page=1&per_page=25&byname=e`,
      next: `${base}?page=3&per_page=25&byname=e`,
      last: `${base}?page=${Math.ceil(total / 25)}&per_page=25&byname=e`,
    });
  });

  it('links first, prev and last from the last page, which holds the rest', async () => {
    const { images, reply } = await h.page('per_page=50&page=3', 'admin');
    expect(images).toHaveLength(27);
    expect(reply.headers.link).toBe(
      `<${base}?per_page=50&page=1>; rel="first", <${base}?per_page=50&page=2>; rel="prev", <${base}?per_page=50&page=3>; rel="last"`,
    );
  });

  it('sends no Link when everything fits on one page, and an empty page past the end', async () => {
    const single = await h.page('filter=isLoadBalancer', 'admin');
    expect(single.images).toHaveLength(4);
    expect(single.reply.headers.link).toBeUndefined();
    expect(single.reply.headers.total).toBe('4');
    const exact = await h.page('per_page=68', 'other');
    expect(exact.reply.headers.link).toBeUndefined();
    const past = await h.page('per_page=100&page=9', 'admin');
    expect(past.images).toEqual([]);
    expect(parseLink(past.reply.headers.link)).toEqual({
      first: `${base}?per_page=100&page=1`,
      prev: `${base}?per_page=100&page=2`,
      last: `${base}?per_page=100&page=2`,
    });
  });

  it('clamps per_page to 100 and falls back to the defaults for values that are not integers of at least 1', async () => {
    const big = await h.page('per_page=500', 'admin');
    expect(big.images).toHaveLength(100);
    expect(big.reply.headers['per-page']).toBe('100');
    expect(parseLink(big.reply.headers.link).next).toBe(`${base}?per_page=500&page=2`);
    for (const perPage of ['abc', '0', '-5', '2.5', '']) {
      const { images, reply } = await h.page(`per_page=${perPage}`, 'admin');
      expect(reply.headers['per-page'], perPage).toBe('30');
      expect(images).toHaveLength(30);
    }
    const first = ids((await h.page('', 'admin')).images);
    for (const page of ['abc', '0', '-1', '1.5']) expect(ids((await h.page(`page=${page}`, 'admin')).images), page).toEqual(first);
  });

  it('walks every image exactly once by following next links', async () => {
    const walked = ids(await h.all('per_page=7', 'reader'));
    expect(walked).toHaveLength(103);
    expect(new Set(walked).size).toBe(103);
    expect(walked).toEqual(ids(await h.all('per_page=100', 'reader')));
  });
});

describe('GET /api/container_images: ties', () => {
  it('orders images whose labels differ only in case by id', async () => {
    const h = await startContainerImages();
    const first = await h.create({ label: 'zz Twin', role: 'node', role_class: 'web', registry_image_path: 'a/b', registry_image_tag: '1' }, 'other');
    const second = await h.create({ label: 'ZZ twin', role: 'node', role_class: 'web', registry_image_path: 'a/b', registry_image_tag: '1' }, 'other');
    const names = (await h.all('byname=zz', 'other')).map((image) => [image.id, image.name]);
    expect(names).toEqual([
      [first.id, 'zz-twin'],
      [second.id, 'zz-twin-2'],
    ]);
  });
});
