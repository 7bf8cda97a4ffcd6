import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EXAMPLE_QUERY } from '../../src/graphiql-example.js';
import { startStack, startTestGateway, TOKENS, type Stack } from '../helpers/harness.js';
import { track } from '../helpers/leftovers.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});

const QUERY = '{ vmImages(first: 2) { edges { node { id name } } } }';

function wsClient(connectionParams: Record<string, unknown>) {
  const client = createWsClient({
    url: `${stack.gateway.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams,
  });
  track(() => client.dispose());
  return client;
}

describe('transports', () => {
  it('runs a query over graphql-ws with credentials in connectionParams', async () => {
    const client = wsClient({ authorization: `Bearer ${TOKENS.admin}` });
    const result = await client.iterate({ query: QUERY }).next();
    expect(result.value?.errors).toBeUndefined();
    expect((result.value?.data as any)?.vmImages.edges).toHaveLength(2);
  });

  it('answers UNAUTHENTICATED over graphql-ws without credentials, and keeps the socket', async () => {
    const client = wsClient({});
    const first = await client.iterate({ query: QUERY }).next();
    expect(first.value?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const second = await client.iterate({ query: '{ __typename }' }).next();
    expect(second.value?.data).toEqual({ __typename: 'Query' });
  });

  it('accepts per-backend tokens in connectionParams', async () => {
    const client = wsClient({ backendTokens: { vmImages: TOKENS.admin } });
    const result = await client.iterate({ query: QUERY }).next();
    expect(result.value?.errors).toBeUndefined();
  });

  it('runs a query over SSE', async () => {
    const client = createSseClient({ url: `${stack.gateway.url}/graphql`, headers: { authorization: `Bearer ${TOKENS.admin}` }, retryAttempts: 0 });
    track(() => client.dispose());
    const result = await client.iterate({ query: QUERY }).next();
    expect((result.value?.data as any)?.vmImages.edges).toHaveLength(2);
  });

  it('accepts X-Gantry-Backend-Tokens over HTTP and rejects an unknown backend key', async () => {
    const ok = await stack.gql(QUERY, {}, { token: null, headers: { 'x-gantry-backend-tokens': `vmImages=${TOKENS.admin}` } });
    expect(ok.errors).toBeUndefined();
    const bad = await stack.gql(QUERY, {}, { token: null, headers: { 'x-gantry-backend-tokens': 'glance=abc' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/Unknown backend "glance"/);
  });

  it('refuses a malformed Authorization header', async () => {
    const { errors } = await stack.gql(QUERY, {}, { token: null, headers: { authorization: 'Basic abc' } });
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves GraphiQL at /graphql to a browser, with an example query', async () => {
    const page = await request(`${stack.gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    const html = await page.body.text();
    expect(html).toContain('NewestVmImages');
    expect(html).not.toMatch(/unpkg\.com|jsdelivr/); // served from the package, works offline
  });

  it("runs GraphiQL's example query as is", async () => {
    const { data, errors } = await stack.gql(EXAMPLE_QUERY);
    expect(errors).toBeUndefined();
    expect(data.vmImages.edges.length).toBeGreaterThan(0);
    expect(data.vmImages.edges.every((e: { node: { status: string } }) => e.node.status === 'ACTIVE')).toBe(true);
  });
});

describe('health', () => {
  it('reports /healthz and /readyz when the backend answers', async () => {
    const health = await request(`${stack.gateway.url}/healthz`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
    const ready = await request(`${stack.gateway.url}/readyz`);
    expect(ready.statusCode).toBe(200);
    expect(((await ready.body.json()) as any).backends.vmImages).toMatchObject({ ok: true, status: 200, breaker: { state: 'closed', failures: 0 } });
  });

  it('reports 503 on /readyz and UPSTREAM_UNAVAILABLE when the backend is down', async () => {
    const closed = 'http://127.0.0.1:9';
    const gateway = await startTestGateway({ vmImages: closed, ciImages: closed, containerImages: closed, containers: closed, serverless: closed });
    const ready = await request(`${gateway.url}/readyz`);
    expect(ready.statusCode).toBe(503);
    expect(((await ready.body.json()) as any).backends.vmImages.ok).toBe(false);
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}` },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = (await response.body.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { backend: 'vmImages', status: null } });
    expect(body.errors[0].message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    // The failed call shows in the backend's breaker on /readyz.
    const after = (await (await request(`${gateway.url}/readyz`)).body.json()) as any;
    expect(after.backends.vmImages.breaker.failures).toBeGreaterThan(0);
  });
});
