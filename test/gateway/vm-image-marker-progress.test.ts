import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.js';
import { gqlAt, startTestEmbedded, startTestGateway } from '../helpers/harness.js';
import { startHostileUpstream } from '../helpers/hostile-upstream.js';
import { tempDataDir } from '../helpers/leftovers.js';

/**
 * Paging VM images by size never loops. A real Glance (25.1) answers the page after an image
 * without data from the top again when sorting by size (it writes the NULL marker value as
 * `''`); each cursor carries its image's sort values, and a page that does not follow its
 * marker ends the request with an error that says why. Against a correct service (the embedded
 * one) the same walk goes to the end, every image once.
 */
const QUERY = `query($after: String) {
  vmImages(first: 3, after: $after, sort: [{ key: SIZE, direction: DESC }]) { nodes { id upstreamId size } pageInfo { hasNextPage endCursor } }
}`;

const image = (n: number, size: number | null) => ({
  id: `0b7c0a34-8b8c-4d9b-9d3e-${String(n).padStart(12, '0')}`,
  name: `image-${n}`,
  status: size === null ? 'queued' : 'active',
  visibility: 'private',
  size,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  tags: [],
});
/** Largest first, then the ones without data: Glance's order for `size:desc`. */
const IMAGES = [image(1, 300), image(2, 200), image(3, 100), image(4, null), image(5, null), image(6, null), image(7, null)];

let urls: Record<string, string>;

beforeAll(async () => {
  urls = (await startTestEmbedded(await tempDataDir())).urls as Record<string, string>;
});

async function walk(gateway: Gateway): Promise<{ ids: string[]; error?: { message: string; code: string } }> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 20; page++) {
    const { data, errors } = await gqlAt(gateway.url, QUERY, after ? { after } : {});
    if (errors) return { ids, error: { message: errors[0]!.message, code: String(errors[0]!.extensions?.code) } };
    ids.push(...(data.vmImages.nodes as Array<{ upstreamId: string }>).map((node) => node.upstreamId));
    if (!data.vmImages.pageInfo.hasNextPage) return { ids };
    after = data.vmImages.pageInfo.endCursor;
  }
  throw new Error('the walk did not end in 20 pages');
}

describe('paging VM images by size', () => {
  it('ends with a clear error when the service starts over after a marker without a size', async () => {
    const glance = await startHostileUpstream();
    // Glance's bug: any marker after the sized images restarts the list from the top.
    glance.answer = (req) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const marker = url.searchParams.get('marker');
      const limit = Number(url.searchParams.get('limit') ?? 25);
      const at = marker ? IMAGES.findIndex((i) => i.id === marker) + 1 : 0;
      const from = marker && IMAGES[at - 1]!.size === null ? 0 : at;
      return { kind: 'body', status: 200, contentType: 'application/json', body: JSON.stringify({ images: IMAGES.slice(from, from + limit) }) };
    };
    const gateway = await startTestGateway({ ...urls, vmImages: glance.url });
    const { ids, error } = await walk(gateway);
    // Pages one and two are right (the second starts after a sized image); the third would start over.
    expect(ids).toEqual(IMAGES.slice(0, 6).map((i) => i.id));
    expect(error?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error?.message).toMatch(/does not follow its marker/);
  });

  it('ends with a clear error when the service repeats its marker', async () => {
    const glance = await startHostileUpstream();
    glance.answer = (req) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const marker = url.searchParams.get('marker');
      const at = marker ? IMAGES.findIndex((i) => i.id === marker) : 0;
      return { kind: 'body', status: 200, contentType: 'application/json', body: JSON.stringify({ images: IMAGES.slice(at, at + 4) }) };
    };
    const gateway = await startTestGateway({ ...urls, vmImages: glance.url });
    const { error } = await walk(gateway);
    expect(error?.message).toMatch(/does not follow its marker/);
  });

  it('walks a correct service to the end, every image once, sized or not', async () => {
    const gateway = await startTestGateway(urls);
    const { ids, error } = await walk(gateway);
    expect(error).toBeUndefined();
    expect(new Set(ids).size).toBe(ids.length);
    const { data } = await gqlAt(gateway.url, '{ vmImages(first: 100) { nodes { upstreamId } } }');
    expect(ids.sort()).toEqual((data.vmImages.nodes as Array<{ upstreamId: string }>).map((n) => n.upstreamId).sort());
  });
});
