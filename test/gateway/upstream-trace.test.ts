import { beforeAll, describe, expect, it } from 'vitest';
import { VmImagesPageDocument } from '../generated/graphql.js';
import { startDelayProxy, type DelayProxy } from '../helpers/delay-proxy.js';
import { gqlAt, startStack, startTestGateway, TOKENS, type Stack } from '../helpers/harness.js';

const TRACE = { 'x-gantry-trace': 'upstream' };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});

describe('upstream trace', () => {
  it('lists every upstream call in extensions.upstream when asked with X-Gantry-Trace', async () => {
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}`, ...TRACE },
      body: JSON.stringify({ query: '{ vmImages(first: 2) { nodes { id } } }' }),
    });
    const body = (await response.json()) as { extensions?: { upstream?: unknown[] } };
    expect(body.extensions?.upstream).toEqual([
      {
        backend: 'vmImages',
        method: 'GET',
        path: expect.stringMatching(/^\/v2\/images\?limit=3&sort=created_at%3Adesc%2Cid%3Adesc$/),
        status: 200,
        ms: expect.any(Number),
        batchSize: 1,
        shared: false,
      },
    ]);
  });

  it('leaves extensions.upstream out when not asked', async () => {
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}` },
      body: JSON.stringify({ query: '{ vmImages(first: 1) { nodes { id } } }' }),
    });
    expect(((await response.json()) as { extensions?: unknown }).extensions).toBeUndefined();
  });

  it('batches lookups of one query into one id=in list call', async () => {
    const { data: page } = await stack.gql(VmImagesPageDocument, { first: 4 });
    const ids = page.vmImages!.edges.map((e) => e.node.id);
    const query = `{ ${ids.map((id, i) => `i${i}: vmImage(id: "${id}") { name }`).join(' ')} again: vmImage(id: "${ids[0]}") { name } }`;
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}`, ...TRACE },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { extensions: { upstream: Array<{ path: string; batchSize: number }> } };
    expect(body.extensions.upstream).toHaveLength(1);
    expect(body.extensions.upstream[0]!.batchSize).toBe(4);
    expect(decodeURIComponent(body.extensions.upstream[0]!.path)).toContain(`id=in:`);
  });

  it("fetches a lone lookup with the image's own GET: one call, no list", async () => {
    const { data: page } = await stack.gql(VmImagesPageDocument, { first: 1 });
    const node = page.vmImages!.edges[0]!.node;
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}`, ...TRACE },
      body: JSON.stringify({ query: `{ vmImage(id: "${node.id}") { id name } }` }),
    });
    const body = (await response.json()) as {
      data: { vmImage: { id: string; name: string } };
      extensions: { upstream: Array<{ path: string; batchSize: number }> };
    };
    expect(body.data.vmImage).toEqual({ id: node.id, name: node.name });
    expect(body.extensions.upstream).toEqual([expect.objectContaining({ method: 'GET', path: `/v2/images/${node.upstreamId}`, status: 200, batchSize: 1 })]);
  });
});

describe('in-flight sharing', () => {
  let proxy: DelayProxy;
  let gatewayUrl: string;
  beforeAll(async () => {
    proxy = await startDelayProxy(stack.embedded.urls.vmImages!, 150);
    gatewayUrl = (await startTestGateway({ ...stack.embedded.urls, vmImages: proxy.url })).url;
  });

  const query = '{ vmImages(first: 3, filter: { status: ACTIVE }) { nodes { id } } }';

  it('sends one upstream call for identical concurrent GETs of one credential, across requests', async () => {
    const before = proxy.seen.length;
    const results = await Promise.all([1, 2, 3].map(() => gqlAt(gatewayUrl, query, {}, { headers: TRACE })));
    const lists = proxy.seen.slice(before).filter((r) => r.path.startsWith('/v2/images?'));
    expect(lists).toHaveLength(1);
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(new Set(results.map((r) => JSON.stringify(r.data))).size).toBe(1);
  });

  it('never shares a call between two credentials', async () => {
    const before = proxy.seen.length;
    const [admin, other] = await Promise.all([gqlAt(gatewayUrl, query, {}, { token: TOKENS.admin }), gqlAt(gatewayUrl, query, {}, { token: TOKENS.other })]);
    const lists = proxy.seen.slice(before).filter((r) => r.path.startsWith('/v2/images?'));
    expect(lists.map((r) => r.token).sort()).toEqual([TOKENS.admin, TOKENS.other].sort());
    expect(admin.data).not.toEqual(other.data);
  });
});
