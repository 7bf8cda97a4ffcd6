import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';
import type { Gateway } from '../../src/server.js';

/** Links across services, and node(id) for every type of every service. */

let gateway: Gateway;
let embeddedUrls: Record<string, string>;
beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  embeddedUrls = embedded.urls as Record<string, string>;
  gateway = await startTestGateway(embedded.urls);
});

/** A query with the upstream trace: its data and how many upstream calls it made. */
async function traced(query: string, variables: Record<string, unknown> = {}) {
  const response = await request(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}`, 'x-gantry-trace': 'upstream' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.body.json()) as { data: any; errors?: unknown[]; extensions: { upstream: Array<{ backend: string }> } };
  expect(body.errors).toBeUndefined();
  return { data: body.data, calls: body.extensions.upstream };
}

describe('links across services', () => {
  it("resolves each serverless container's image to the catalogue image with the same registry, path and tag, in a bounded number of calls", async () => {
    const { data, calls } = await traced(
      '{ serverlessContainers(first: 50) { nodes { name image containerImage { label registryImagePath registryImageTag } } } }',
    );
    const nodes = data.serverlessContainers.nodes as Array<{
      name: string;
      image: string;
      containerImage: { registryImagePath: string; registryImageTag: string } | null;
    }>;
    const linked = nodes.filter((n) => n.containerImage);
    expect(linked.length).toBeGreaterThanOrEqual(3);
    for (const n of linked) {
      expect(n.image.endsWith(`${n.containerImage!.registryImagePath}:${n.containerImage!.registryImageTag}`)).toBe(true);
    }
    // The analytics revision of an image that does not exist links to nothing.
    expect(nodes.find((n) => n.name === 'analytics-dashboard')?.containerImage).toBeNull();
    // One list call for the serverless containers, and the catalogue read whole once (127 images: 2 pages).
    expect(calls.filter((c) => c.backend === 'serverless')).toHaveLength(1);
    expect(calls.filter((c) => c.backend === 'containerImages').length).toBeLessThanOrEqual(2);
  });

  it('shows on a catalogue image the serverless containers that run it, in a bounded number of calls', async () => {
    const { data, calls } = await traced('{ containerImages(first: 100) { nodes { label serverlessContainers { name image } } } }');
    const running = (data.containerImages.nodes as Array<{ label: string; serverlessContainers: Array<{ name: string }> }>).filter(
      (n) => n.serverlessContainers.length > 0,
    );
    expect(running.flatMap((n) => n.serverlessContainers.map((s) => s.name)).sort()).toEqual(expect.arrayContaining(['acme-api', 'hello-world']));
    expect(calls.filter((c) => c.backend === 'serverless')).toHaveLength(1);
    // And back: the image a linked serverless container runs lists that container.
    const { data: back } = await traced('{ serverlessContainers(first: 50) { nodes { name containerImage { serverlessContainers { name } } } } }');
    const gpu = (back.serverlessContainers.nodes as Array<{ name: string; containerImage: { serverlessContainers: Array<{ name: string }> } | null }>).find(
      (n) => n.name === 'recommendation-api',
    )!;
    expect(gpu.containerImage!.serverlessContainers.map((s) => s.name)).toContain('recommendation-api');
  });
});

describe('workloads: containers and serverless containers as one list', () => {
  const WORKLOADS = `query($first: Int, $after: String) { workloads(first: $first, after: $after) { edges { node { __typename id name } } pageInfo { hasNextPage endCursor } } }`;

  async function all(url: string, list: string): Promise<Array<{ id: string }>> {
    const { data }: { data: any } = await gqlAt<any>(url, `{ ${list}(first: 100) { nodes { id } } }`);
    return data[list].nodes;
  }

  it('pages with first: 7 to the end through exactly both lists, each in its own order, no duplicate', async () => {
    const seen: Array<{ __typename: string; id: string }> = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const { data, errors }: { data: any; errors?: unknown[] } = await gqlAt<any>(gateway.url, WORKLOADS, { first: 7, after });
      expect(errors).toBeUndefined();
      seen.push(...data.workloads.edges.map((e: { node: { __typename: string; id: string } }) => e.node));
      if (!data.workloads.pageInfo.hasNextPage) break;
      after = data.workloads.pageInfo.endCursor;
    }
    const [containers, serverless] = await Promise.all([all(gateway.url, 'containers'), all(gateway.url, 'serverlessContainers')]);
    expect(seen).toHaveLength(containers.length + serverless.length);
    expect(new Set(seen.map((w) => w.id)).size).toBe(seen.length);
    expect(seen.filter((w) => w.__typename === 'Container').map((w) => w.id)).toEqual(containers.map((c) => c.id));
    expect(seen.filter((w) => w.__typename === 'ServerlessContainer').map((w) => w.id)).toEqual(serverless.map((c) => c.id));
  });

  it('still lists the containers when the serverless service is down, with an error naming it', async () => {
    const broken = await startTestGateway({ ...embeddedUrls, serverless: 'http://127.0.0.1:9' });
    const { data, errors } = await gqlAt<any>(broken.url, WORKLOADS, { first: 5 });
    expect(data.workloads.edges).toHaveLength(5);
    expect(errors).toEqual([
      expect.objectContaining({ path: ['workloads'], extensions: expect.objectContaining({ source: 'serverless', code: 'UPSTREAM_UNAVAILABLE' }) }),
    ]);
  });
});

describe('search', () => {
  const SEARCH = `query($text: String!, $first: Int) { search(text: $text, first: $first) { score node { __typename ... on VmImage { vmName: name } ... on CiImage { name } ... on ContainerImage { label } ... on Container { name } ... on ServerlessContainer { name } } } }`;
  // VmImage.name is nullable where the others are not: aliased, as GraphQL requires.
  const nameOf = (node: any) => (node.label ?? node.vmName ?? node.name) as string;

  it('finds things of several services by name, typed, best first', async () => {
    const { data, errors } = await gqlAt<any>(gateway.url, SEARCH, { text: 'acme', first: 50 });
    expect(errors).toBeUndefined();
    const hits = data.search as Array<{ score: number; node: any }>;
    expect(new Set(hits.map((h) => h.node.__typename)).size).toBeGreaterThanOrEqual(2);
    for (const h of hits) expect(nameOf(h.node).toLowerCase()).toContain('acme');
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('ranks an exact name above names that only contain it', async () => {
    const { data } = await gqlAt<any>(gateway.url, SEARCH, { text: 'hello-world', first: 5 });
    expect(data.search[0].node).toMatchObject({ __typename: 'ServerlessContainer', name: 'hello-world' });
    expect(data.search[0].score).toBeGreaterThanOrEqual(4);
  });

  it("keeps the other services' hits when one fails, with an error naming it", async () => {
    const broken = await startTestGateway({ ...embeddedUrls, containerImages: 'http://127.0.0.1:9' });
    const { data, errors } = await gqlAt<any>(broken.url, SEARCH, { text: 'acme', first: 50 });
    expect(data.search.length).toBeGreaterThan(0);
    expect(data.search.some((h: any) => h.node.__typename === 'ContainerImage')).toBe(false);
    expect(errors).toEqual([expect.objectContaining({ path: ['search'], extensions: expect.objectContaining({ source: 'containerImages' }) })]);
  });
});

describe('node(id) for every type', () => {
  it('round-trips a global ID of each of the seven node types, and nodes(ids) resolves them together', async () => {
    const { data } = await traced(`{
      vmImages(first: 1) { nodes { id } }
      ciImages(first: 1) { nodes { id } }
      containerImages(first: 1) { nodes { id } }
      containers(first: 1) { nodes { id } }
      serverlessContainers(first: 1) { nodes { id revisions(first: 1) { nodes { id } } } }
      gpuModels(first: 1) { nodes { id } }
      images(first: 1) { edges { node { id } } }
    }`);
    const ids: string[] = [
      data.vmImages.nodes[0].id,
      data.ciImages.nodes[0].id,
      data.containerImages.nodes[0].id,
      data.containers.nodes[0].id,
      data.serverlessContainers.nodes[0].id,
      data.serverlessContainers.nodes[0].revisions.nodes[0].id,
      data.gpuModels.nodes[0].id,
    ];
    for (const id of ids) {
      const { data: one } = await gqlAt<any>(gateway.url, 'query($id: ID!) { node(id: $id) { __typename id } }', { id });
      expect(one.node?.id).toBe(id);
    }
    const { data: many } = await gqlAt<any>(gateway.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids });
    expect(many.nodes.map((n: { __typename: string }) => n.__typename)).toEqual([
      'VmImage',
      'CiImage',
      'ContainerImage',
      'Container',
      'ServerlessContainer',
      'ContainerRevision',
      'GpuModel',
    ]);
  });

  it('answers a malformed or foreign ID with a clear error, never a 500', async () => {
    for (const id of ['not-base64-@@', Buffer.from('Planet:1').toString('base64url'), Buffer.from('VmImage:not-a-uuid').toString('base64url'), '']) {
      const result = await gqlAt<any>(gateway.url, 'query($id: ID!) { node(id: $id) { id } }', { id });
      expect(result.status).toBeLessThan(500);
      expect(result.data?.node ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|NOT_FOUND/);
    }
  });
});
