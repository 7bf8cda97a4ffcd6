import { beforeAll, describe, expect, it } from 'vitest';
import { CI_IMAGE_SEEDS } from '../../src/embedded/ci-images/seed.js';
import { DJINN_USER_MAIN, DJINN_USER_OTHER } from '../../src/embedded/principals.js';
import type { As } from './harness.js';
import { parseLink, startCiImages, type CiImagesHarness } from './ci-images-harness.js';

/** Seed ids a user may list, newest first: their own images and those in namespaces they collaborate on (`djinn`). */
const visibleSeeds = (userId: number): number[] =>
  CI_IMAGE_SEEDS.filter((seed) => seed.userId === userId || (userId === DJINN_USER_OTHER && seed.namespace === 'djinn'))
    .map((seed) => seed.id)
    .reverse();

describe('GET /images on the embedded Djinn CI image API', () => {
  let h: CiImagesHarness;
  const link = async (query: string, as: As = 'admin') => (await h.page(query, as)).reply.headers.link;
  beforeAll(async () => {
    h = await startCiImages();
  });

  it('answers a bare JSON array of at most 25 images with the Link header', async () => {
    const { images, reply } = await h.page();
    expect(Array.isArray(reply.body)).toBe(true);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(images).toHaveLength(25);
    expect(typeof reply.headers.link).toBe('string');
  });

  it.each([
    ['admin', DJINN_USER_MAIN, 40, 2],
    ['reader', DJINN_USER_MAIN, 40, 2],
    ['other', DJINN_USER_OTHER, 20, 1],
  ] as Array<[As, number, number, number]>)('lists what %s may see, newest first across pages', async (as, userId, count, pages) => {
    const first = await h.page('', as);
    expect(parseLink(first.reply.headers.link).next).toBe(`${h.url}/images?page=${pages}`);
    const all = await h.all('', as);
    expect(all).toHaveLength(count);
    expect(all.map((image) => image.id)).toEqual(visibleSeeds(userId));
    for (let i = 1; i < all.length; i++) expect(Date.parse(all[i - 1].created_at)).toBeGreaterThanOrEqual(Date.parse(all[i].created_at));
  });

  it('puts the 25th and 26th newest images on either side of the page boundary', async () => {
    const expected = visibleSeeds(DJINN_USER_MAIN);
    const page1 = (await h.page('page=1')).images;
    const page2 = (await h.page('page=2')).images;
    expect(page1.at(-1).id).toBe(expected[24]);
    expect(page2[0].id).toBe(expected[25]);
    expect(page2).toHaveLength(15);
    expect(Date.parse(page1.at(-1).created_at)).toBeGreaterThan(Date.parse(page2[0].created_at));
  });

  it('writes the Link header exactly: absolute URLs, prev at least 1, next at most the page count', async () => {
    const base = `${h.url}/images`;
    expect(await link('')).toBe(`<${base}?page=1>; rel="prev", <${base}?page=2>; rel="next"`);
    expect(await link('page=2')).toBe(`<${base}?page=1>; rel="prev", <${base}?page=2>; rel="next"`);
    expect(await link('page=1', 'other')).toBe(`<${base}?page=1>; rel="prev", <${base}?page=1>; rel="next"`);
    // Past the end: an empty page whose links lead back into the list.
    const beyond = await h.page('page=7');
    expect(beyond.images).toEqual([]);
    expect(beyond.reply.headers.link).toBe(`<${base}?page=2>; rel="prev", <${base}?page=2>; rel="next"`);
  });

  it('keeps other query parameters in the links, keys sorted as Go encodes them', async () => {
    const base = `${h.url}/images`;
    expect(await link('search=dev&page=1')).toBe(`<${base}?page=1&search=dev>; rel="prev", <${base}?page=1&search=dev>; rel="next"`);
    expect(await link('zeta=1&search=a+b%2A&alpha=x&alpha=y')).toBe(
      `<${base}?alpha=x&alpha=y&page=1&search=a+b%2A&zeta=1>; rel="prev", <${base}?alpha=x&alpha=y&page=0&search=a+b%2A&zeta=1>; rel="next"`,
    );
    expect(await link('page=2&debug=1')).toBe(`<${base}?debug=1&page=1>; rel="prev", <${base}?debug=1&page=2>; rel="next"`);
  });

  it('answers an empty list with prev 1 and next 0', async () => {
    const { images, reply } = await h.page('search=no-such-image');
    expect(images).toEqual([]);
    const base = `${h.url}/images`;
    expect(reply.headers.link).toBe(`<${base}?page=1&search=no-such-image>; rel="prev", <${base}?page=0&search=no-such-image>; rel="next"`);
  });

  it.each(['0', '-1', 'abc', '1.5', '', '99999999999999999999'])('treats page=%s as page 1', async (page) => {
    const { images, reply } = await h.page(`page=${page}`);
    expect(images.map((image) => image.id)).toEqual(visibleSeeds(DJINN_USER_MAIN).slice(0, 25));
    expect(parseLink(reply.headers.link).prev).toBe(`${h.url}/images?page=1`);
  });

  it('searches names by case-insensitive substring, within what the caller may see', async () => {
    const dev = await h.all('search=DEV');
    expect(dev.map((image) => image.name).sort()).toEqual(
      CI_IMAGE_SEEDS.filter((seed) => seed.userId === DJINN_USER_MAIN && seed.name.includes('dev'))
        .map((seed) => seed.name)
        .sort(),
    );
    expect(dev.map((image) => image.name)).toContain('go-dev');
    const alpine = await h.all('search=alpine', 'other');
    // alex's own alpine and the one in the djinn namespace, not me's top-level one.
    expect(alpine.map((image) => [image.name, image.user_id, image.namespace_id === null ? null : image.namespace.path])).toEqual([
      ['alpine', DJINN_USER_OTHER, null],
      ['alpine', DJINN_USER_MAIN, 'djinn'],
    ]);
    expect(await h.all('search=%25')).toEqual([]);
  });

  it('embeds user, author and (when set) namespace in listed images', async () => {
    const all = await h.all('', 'other');
    const crossBuilt = all.find((image) => image.name === 'debian-cross-arm64');
    expect(crossBuilt).toMatchObject({ user_id: DJINN_USER_MAIN, author_id: DJINN_USER_OTHER, user: { username: 'me' }, author: { username: 'alex' } });
    expect(crossBuilt.namespace).toMatchObject({ path: 'djinn', user_id: DJINN_USER_MAIN, url: `${h.url}/n/me/djinn` });
    const topLevel = all.find((image) => image.namespace_id === null);
    expect(topLevel).not.toHaveProperty('namespace');
  });
});
