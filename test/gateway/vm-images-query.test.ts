import { beforeAll, describe, expect, it } from 'vitest';
import { NodeByIdDocument, VmImageByIdDocument, VmImagesPageDocument, type VmImagesPageQuery, type VmImagesPageQueryVariables } from '../generated/graphql.js';
import { PROJECT_OTHER } from '../../src/embedded/principals.js';
import { startStack, TOKENS, type GqlResult, type Stack } from '../helpers/harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});

async function allPages(variables: VmImagesPageQueryVariables, token: string = TOKENS.admin) {
  const names: string[] = [];
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const { data, errors }: GqlResult<VmImagesPageQuery> = await stack.gql(VmImagesPageDocument, { ...variables, after }, { token });
    expect(errors).toBeUndefined();
    for (const edge of data.vmImages!.edges) {
      ids.push(edge.node.id);
      names.push(edge.node.name ?? '');
    }
    if (!data.vmImages!.pageInfo.hasNextPage) return { ids, names, pages: page + 1 };
    after = data.vmImages!.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('vmImages connection', () => {
  it('returns the newest images first with typed fields', async () => {
    const { data, errors } = await stack.gql(VmImagesPageDocument, { first: 5 });
    expect(errors).toBeUndefined();
    const nodes = data.vmImages!.edges.map((e) => e.node);
    expect(nodes).toHaveLength(5);
    const times = nodes.map((n) => Date.parse(n.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(nodes[0]!.id).not.toContain(nodes[0]!.upstreamId); // opaque global ID
    expect(data.vmImages!.pageInfo.hasNextPage).toBe(true);
  });

  it('pages to the end with first: 7 without duplicates or gaps, matching one big page', async () => {
    const paged = await allPages({ first: 7 });
    expect(new Set(paged.ids).size).toBe(paged.ids.length);
    const { data } = await stack.gql(VmImagesPageDocument, { first: 100 });
    expect(paged.ids).toEqual(data.vmImages!.edges.map((e) => e.node.id));
    expect(paged.pages).toBe(Math.ceil(paged.ids.length / 7));
  });

  it('pages backwards with last/before over the same order', async () => {
    const { data: all } = await stack.gql(VmImagesPageDocument, { first: 100, sort: [{ key: 'NAME', direction: 'ASC' }] });
    const expected = all.vmImages!.edges.map((e) => e.node.id);
    const collected: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 50; i++) {
      const { data, errors }: GqlResult<VmImagesPageQuery> = await stack.gql(VmImagesPageDocument, {
        last: 4,
        before,
        sort: [{ key: 'NAME', direction: 'ASC' }],
      });
      expect(errors).toBeUndefined();
      collected.unshift(...data.vmImages!.edges.map((e) => e.node.id));
      if (!data.vmImages!.pageInfo.hasPreviousPage) break;
      before = data.vmImages!.pageInfo.startCursor;
    }
    expect(collected).toEqual(expected);
  });

  it('sorts by name ascending', async () => {
    const { data } = await stack.gql(VmImagesPageDocument, { first: 100, sort: [{ key: 'NAME', direction: 'ASC' }] });
    const names = data.vmImages!.edges.map((e) => e.node.name ?? '');
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('filters by status, visibility, tag, protected, size and custom property', async () => {
    const check = async (filter: VmImagesPageQueryVariables['filter'], predicate: (n: any) => boolean) => {
      const { data, errors } = await stack.gql(VmImagesPageDocument, { first: 100, filter });
      expect(errors).toBeUndefined();
      const nodes = data.vmImages!.edges.map((e) => e.node);
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.every(predicate)).toBe(true);
      return nodes;
    };
    await check({ status: 'ACTIVE' }, (n) => n.status === 'ACTIVE');
    await check({ visibility: 'PUBLIC' }, (n) => n.visibility === 'PUBLIC');
    await check({ protected: true }, (n) => n.protected === true);
    await check({ sizeMin: 1 }, (n) => (n.size ?? 0) >= 1);
    const active = await check({ status: 'ACTIVE' }, () => true);
    const tag = active.flatMap((n) => n.tags)[0]!;
    await check({ tags: [tag] }, (n) => n.tags.includes(tag));
    const prop = active.flatMap((n) => n.properties)[0]!;
    await check({ properties: [prop] }, (n) => n.properties.some((p: any) => p.name === prop.name && p.value === prop.value));
    const hidden = await check({ osHidden: true }, (n) => n.osHidden === true);
    const { data: visible } = await stack.gql(VmImagesPageDocument, { first: 100 });
    expect(visible.vmImages!.edges.some((e) => e.node.id === hidden[0]!.id)).toBe(false);
  });

  it('filters by creation time with a comparison operator', async () => {
    const { data: all } = await stack.gql(VmImagesPageDocument, { first: 100 });
    const times = all.vmImages!.edges.map((e) => e.node.createdAt).sort();
    const pivot = times[Math.floor(times.length / 2)]!;
    const { data, errors } = await stack.gql(VmImagesPageDocument, { first: 100, filter: { createdAt: { op: 'GTE', value: pivot } } });
    expect(errors).toBeUndefined();
    const got = data.vmImages!.edges.map((e) => e.node.createdAt);
    expect(got.length).toBe(times.filter((t) => t >= pivot).length);
    expect(got.every((t) => t >= pivot)).toBe(true);
  });

  it('lists shares the caller has not accepted only when asked, by membership state', async () => {
    const names = async (memberStatus?: 'PENDING' | 'ALL') => {
      const { data, errors }: GqlResult<VmImagesPageQuery> = await stack.gql(
        VmImagesPageDocument,
        { first: 100, filter: { visibility: 'SHARED', ...(memberStatus ? { memberStatus } : {}) } },
        { token: TOKENS.other },
      );
      expect(errors).toBeUndefined();
      // The caller's own shared images are listed whatever the membership filter (as in Glance).
      return new Set(data.vmImages!.edges.filter((e) => e.node.owner !== PROJECT_OTHER).map((e) => e.node.id));
    };
    const accepted = await names();
    const pending = await names('PENDING');
    const all = await names('ALL');
    expect(pending.size).toBeGreaterThan(0);
    for (const id of pending) expect(accepted.has(id)).toBe(false);
    for (const id of [...accepted, ...pending]) expect(all.has(id)).toBe(true);
  });

  it('filters by size range and update time', async () => {
    const { data, errors } = await stack.gql(VmImagesPageDocument, {
      first: 100,
      filter: { sizeMin: 5000, sizeMax: 9000, updatedAt: { op: 'LT', value: new Date().toISOString() } },
    });
    expect(errors).toBeUndefined();
    const sizes = data.vmImages!.edges.map((e) => e.node.size);
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.every((size) => size !== null && size >= 5000 && size <= 9000)).toBe(true);
    const inverted = await stack.gql(VmImagesPageDocument, { first: 5, filter: { sizeMin: 10, sizeMax: 1 } });
    expect(inverted.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters by several names at once', async () => {
    const { data: all } = await stack.gql(VmImagesPageDocument, { first: 3 });
    const names = all.vmImages!.edges.map((e) => e.node.name!);
    const { data } = await stack.gql(VmImagesPageDocument, { first: 100, filter: { names } });
    expect(new Set(data.vmImages!.edges.map((e) => e.node.name))).toEqual(new Set(names));
  });

  it('refuses first above the cap before calling the backend', async () => {
    const { data, errors } = await stack.gql(VmImagesPageDocument, { first: 101 });
    expect(data).toEqual({ vmImages: null });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/first: must be between 0 and 100/);
  });

  it('refuses a cursor that is not one of this list', async () => {
    const { errors } = await stack.gql(VmImagesPageDocument, { first: 2, after: 'not-a-cursor' });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/after/);
  });

  it('reports a marker of a vanished image as bad input from the backend', async () => {
    const { data: page } = await stack.gql(VmImagesPageDocument, { first: 1 });
    const cursor = Buffer.from(JSON.stringify({ l: 'vmImages', m: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    const { errors } = await stack.gql(VmImagesPageDocument, { first: 2, after: cursor });
    expect(page.vmImages!.edges).toHaveLength(1);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.extensions?.upstream).toEqual({ backend: 'vmImages', status: 400 });
    expect(errors?.[0]?.message).not.toMatch(/<br/);
  });

  it('refuses an unknown enum value', async () => {
    const { status, errors } = await stack.gql('{ vmImages(filter: { status: SLEEPING }) { nodes { id } } }');
    expect(status).toBe(400);
    expect(errors?.[0]?.message).toMatch(/SLEEPING/);
  });

  it('asks for credentials when none are sent', async () => {
    const { data, errors } = await stack.gql(VmImagesPageDocument, { first: 1 }, { token: null });
    expect(data).toEqual({ vmImages: null });
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('maps a wrong token to UNAUTHENTICATED with the upstream reference', async () => {
    const { errors } = await stack.gql(VmImagesPageDocument, { first: 1 }, { token: 'wrong-token' });
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0]?.extensions?.upstream).toEqual({ backend: 'vmImages', status: 401 });
  });
});

describe('vmImage and node lookups', () => {
  it('round-trips a global ID through vmImage and node', async () => {
    const { data: page } = await stack.gql(VmImagesPageDocument, { first: 1 });
    const image = page.vmImages!.edges[0]!.node;
    const { data } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(data.vmImage).toEqual(image);
    const { data: node } = await stack.gql(NodeByIdDocument, { id: image.id });
    expect(node.node).toMatchObject({ __typename: 'VmImage', id: image.id, name: image.name });
  });

  it('returns null and NOT_FOUND for an image that does not exist', async () => {
    const id = Buffer.from('VmImage:00000000-0000-4000-8000-000000000000').toString('base64url');
    const { data, errors } = await stack.gql(VmImageByIdDocument, { id });
    expect(data.vmImage).toBeNull();
    expect(errors?.[0]).toMatchObject({ path: ['vmImage'], extensions: { code: 'NOT_FOUND' } });
  });

  it('refuses an ID of an unknown type in node() with BAD_USER_INPUT', async () => {
    const { data, errors } = await stack.gql(NodeByIdDocument, { id: Buffer.from('Foo:1').toString('base64url') });
    expect(data.node).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a malformed ID and an ID whose UUID is bad, naming the argument', async () => {
    for (const id of ['%%%', Buffer.from('VmImage:not-a-uuid').toString('base64url'), Buffer.from('CiImage:12').toString('base64url')]) {
      const { data, errors } = await stack.gql(VmImageByIdDocument, { id });
      expect(data.vmImage).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('resolves several aliased lookups in one query, in order', async () => {
    const { data: page } = await stack.gql(VmImagesPageDocument, { first: 3 });
    const ids = page.vmImages!.edges.map((e) => e.node.id);
    const query = `query { ${ids.map((id, i) => `i${i}: vmImage(id: "${id}") { id name }`).join(' ')} }`;
    const { data, errors } = await stack.gql(query);
    expect(errors).toBeUndefined();
    expect(Object.values(data as Record<string, { id: string }>).map((v) => v.id)).toEqual(ids);
  });
});
