import { beforeAll, describe, expect, it } from 'vitest';
import { gqlAt, startTestEmbedded, startTestGateway } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';
import type { EmbeddedServices } from '../../src/embedded/index.js';
import type { Gateway } from '../../src/server.js';

/** `images`: both image services as one list, newest first, paged with one cursor. */

let embedded: EmbeddedServices;
let gateway: Gateway;
beforeAll(async () => {
  embedded = await startTestEmbedded(await tempDataDir());
  gateway = await startTestGateway(embedded.urls);
});

interface Node {
  __typename: string;
  id: string;
  name: string | null;
  createdAt: string | null;
}

const IMAGES = `query($first: Int, $after: String, $filter: ImageFilter) {
  images(first: $first, after: $after, filter: $filter) { edges { cursor node { __typename id name createdAt } } pageInfo { hasNextPage endCursor } }
}`;

async function pageThrough(url: string, first: number, filter?: Record<string, unknown>) {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const { data, errors }: { data: any; errors?: unknown[] } = await gqlAt<any>(url, IMAGES, { first, after, filter });
    expect(errors).toBeUndefined();
    nodes.push(...data.images.edges.map((e: { node: Node }) => e.node));
    if (!data.images.pageInfo.hasNextPage) return nodes;
    after = data.images.pageInfo.endCursor;
  }
  throw new Error('images did not end within 100 pages');
}

async function everything(list: 'vmImages' | 'ciImages'): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const { data }: { data: any } = await gqlAt<any>(
      gateway.url,
      `query($after: String) { ${list}(first: 100, after: $after) { nodes { __typename id name createdAt } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    nodes.push(...data[list].nodes);
    if (!data[list].pageInfo.hasNextPage) return nodes;
    after = data[list].pageInfo.endCursor;
  }
}

const newestFirst = (nodes: Node[]) => nodes.every((n, i) => i === 0 || Date.parse(nodes[i - 1]!.createdAt!) >= Date.parse(n.createdAt!));

describe('images: one list over both image services', () => {
  it('pages with first: 7 to the end through exactly the union of both lists, newest first, no duplicate', async () => {
    const [vm, ci] = await Promise.all([everything('vmImages'), everything('ciImages')]);
    expect(vm.length).toBeGreaterThan(7);
    expect(ci.length).toBeGreaterThan(7);
    const merged = await pageThrough(gateway.url, 7);
    expect(merged.length).toBe(vm.length + ci.length);
    expect(new Set(merged.map((n) => n.id)).size).toBe(merged.length);
    expect(new Set(merged.map((n) => n.id))).toEqual(new Set([...vm, ...ci].map((n) => n.id)));
    expect(newestFirst(merged)).toBe(true);
    // Each service's own order is kept inside the merged one.
    expect(merged.filter((n) => n.__typename === 'VmImage').map((n) => n.id)).toEqual(vm.map((n) => n.id));
    expect(merged.filter((n) => n.__typename === 'CiImage').map((n) => n.id)).toEqual(ci.map((n) => n.id));
  });

  it('filters by source and by name', async () => {
    const ci = await everything('ciImages');
    expect((await pageThrough(gateway.url, 10, { sources: ['CI_IMAGES'] })).map((n) => n.id)).toEqual(ci.map((n) => n.id));
    const vm = await everything('vmImages');
    const needle = vm
      .find((n) => n.name && n.name.length > 3)!
      .name!.slice(0, 3)
      .toLowerCase();
    const named = await pageThrough(gateway.url, 5, { name: needle, sources: ['VM_IMAGES'] });
    expect(named.map((n) => n.id)).toEqual(vm.filter((n) => (n.name ?? '').toLowerCase().includes(needle)).map((n) => n.id));
    expect(named.length).toBeGreaterThan(0);
  });

  it("still lists one service's images when the other fails, with an error naming the failed source", async () => {
    const broken = await startTestGateway({ ...embedded.urls, ciImages: 'http://127.0.0.1:9' });
    const { data, errors } = await gqlAt<any>(broken.url, IMAGES, { first: 5 });
    expect(data.images.edges).toHaveLength(5);
    expect(data.images.edges.every((e: { node: Node }) => e.node.__typename === 'VmImage')).toBe(true);
    expect(errors).toEqual([
      expect.objectContaining({ path: ['images'], extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', source: 'ciImages' }) }),
    ]);
    expect(errors![0]!.message).toMatch(/ciImages/);
  });

  it('refuses a cursor that is not one of its own', async () => {
    const { errors } = await gqlAt<any>(gateway.url, IMAGES, { first: 5, after: 'not-a-cursor' });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
