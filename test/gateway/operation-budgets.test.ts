import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.js';
import { ContainersPageDocument } from '../generated/graphql.js';
import { type DelayProxy, startDelayProxy } from '../helpers/delay-proxy.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { waitFor } from '../helpers/wait-for.js';
import { sseExchange } from '../helpers/raw-transports.js';
import { type Operation, sendOver, TRANSPORTS } from '../helpers/transports.js';

/**
 * What one operation may cost upstream: a budget of calls (checked where the document shows
 * it, counted while it runs), a cost that counts page sizes and limits given as variables, and
 * no call made for an operation that has already answered. Upstream calls are counted at a
 * proxy in front of the real embedded containers service.
 */

let proxy: DelayProxy;
let containerUrl: string;
let embeddedUrls: Record<string, string>;
let ids: string[];

beforeAll(async () => {
  embeddedUrls = (await startTestEmbedded(await tempDataDir())).urls as Record<string, string>;
  containerUrl = embeddedUrls.containers!;
  const probe = await startTestGateway(embeddedUrls);
  ids = (await gqlAt(probe.url, ContainersPageDocument, { first: 50 })).data.containers!.edges.map((e) => e.node.id);
});

async function gatewayWithProxy(delayMs: number, env: Record<string, string> = {}): Promise<Gateway> {
  proxy = await startDelayProxy(containerUrl, delayMs);
  return startTestGateway({ ...embeddedUrls, containers: proxy.url }, env);
}

/** Calls made for operations (the readiness probe's health checks left out). */
const calls = () => proxy.seen.filter((call) => !call.path.startsWith('/api/health'));

const auth = { authorization: `Bearer ${TOKENS.admin}` };
/** One operation over a transport; SSE read raw (graphql-sse's client hides a 400's body). */
const send = (transport: (typeof TRANSPORTS)[number], url: string, operation: Operation) =>
  transport === 'SSE' ? sseExchange(url, operation, auth) : sendOver(transport, url, operation, auth);

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('no work after the answer', () => {
  // Two connections, and every call held 150 ms: a page of 40 containers' processes queues
  // for three seconds.
  const slowPage = '{ containers(first: 40) { nodes { id processes { command } } } }';
  const processCalls = () => calls().filter((call) => call.path.includes('container_processes')).length;

  for (const [path, headers] of [
    ['the fast path', {}],
    ["Yoga's", { origin: 'http://127.0.0.1' }],
  ] as const) {
    it(`stops when the caller leaves mid-operation (${path}): queued calls are never sent`, async () => {
      const gateway = await gatewayWithProxy(150, { GANTRY_UPSTREAM_CONNECTIONS: '2' });
      const leave = new AbortController();
      const answer = fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth, ...headers },
        body: JSON.stringify({ query: slowPage }),
        signal: leave.signal,
      }).catch(() => undefined);
      await waitFor(() => processCalls() >= 2, { what: 'the first process lookups sent' });
      leave.abort();
      await answer;
      const atLeave = processCalls();
      await settle(1_500);
      // At most the calls already on their way when it left; none of the rest of the 40.
      expect(processCalls()).toBeLessThanOrEqual(atLeave + 2);
      expect(processCalls()).toBeLessThan(10);
    });
  }

  it('stops at the deadline: the operation answers, and what was queued is never sent', async () => {
    const gateway = await gatewayWithProxy(150, { GANTRY_UPSTREAM_CONNECTIONS: '2', GANTRY_REQUEST_DEADLINE_MS: '700' });
    const result = await gqlAt(gateway.url, slowPage);
    expect(result.errors?.some((e) => e.extensions?.code === 'UPSTREAM_TIMEOUT')).toBe(true);
    const atAnswer = calls().length;
    await settle(1_500);
    expect(calls().length).toBe(atAnswer);
    expect(processCalls()).toBeLessThan(10);
  });
});

describe('the call budget of one operation', () => {
  it('fails the remaining fields with CALL_BUDGET_EXCEEDED past the budget, and sends nothing more', async () => {
    const gateway = await gatewayWithProxy(0, { GANTRY_MAX_UPSTREAM_CALLS: '10' });
    // No page size in the document (the default page is 25): only the run can count it.
    const result = await gqlAt(gateway.url, '{ containers { nodes { id processes { command } } } }');
    const codes = new Set((result.errors ?? []).map((e) => e.extensions?.code));
    expect(codes).toEqual(new Set(['CALL_BUDGET_EXCEEDED']));
    expect(result.errors![0]!.message).toMatch(/more than 10 backend calls/);
    expect(calls().length).toBeLessThanOrEqual(10);
  });

  it('refuses before any call where the document shows the cost: aliases, nodes ids, a page of per-item calls', async () => {
    const gateway = await gatewayWithProxy(0, { GANTRY_MAX_UPSTREAM_CALLS: '20' });
    const aliased = `{ ${Array.from({ length: 25 }, (_, i) => `c${i}: containers(first: 1) { nodes { id } }`).join(' ')} }`;
    const manyIds = { query: 'query($ids: [ID!]!) { a: nodes(ids: $ids) { id } b: nodes(ids: $ids) { id } }', variables: { ids: ids.slice(0, 15) } };
    const pageOfProcesses = { query: 'query($n: Int) { containers(first: $n) { edges { node { processes { command } } } } }', variables: { n: 25 } };
    for (const operation of [{ query: aliased }, manyIds, pageOfProcesses]) {
      for (const transport of TRANSPORTS) {
        const answer = await send(transport, gateway.url, operation);
        expect(answer.errors?.[0]?.extensions?.code, `${transport}: ${JSON.stringify(answer).slice(0, 300)}`).toBe('CALL_BUDGET_EXCEEDED');
      }
    }
    expect(calls().length).toBe(0);
  });

  it('caps nodes(ids:) at a page', async () => {
    const gateway = await gatewayWithProxy(0, { GANTRY_MAX_PAGE_SIZE: '10' });
    const result = await gqlAt(gateway.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids.slice(0, 11) });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/at most 10/);
    expect(calls().length).toBe(0);
  });
});

describe('cost counts what variables and limits ask for', () => {
  it('refuses `first: $n` as it refuses `first: 100`, and a large `logs(limit:)`, before any call', async () => {
    const gateway = await gatewayWithProxy(0, { GANTRY_MAX_COST: '2000' });
    const wide = 'query($n: Int) { containers(first: $n) { nodes { id name state processes { command cpu } } } }';
    const literal = await sendOver('POST', gateway.url, { query: '{ containers(first: 100) { nodes { id name state processes { command cpu } } } }' }, auth);
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0]?.message).toMatch(/Cost limit/);
    for (const transport of TRANSPORTS) {
      const variable = await send(transport, gateway.url, { query: wide, variables: { n: 100 } });
      expect(variable.errors?.[0]?.message).toMatch(/Cost limit/);
      // The same status on every HTTP transport, SSE included (graphql-ws has none).
      if (transport !== 'WS') expect(variable.status).toBe(400);
    }
    const logs = await gqlAt(gateway.url, 'query($id: ID!, $l: Int) { container(id: $id) { logs(limit: $l) { message } } }', { id: ids[0], l: 10_000 });
    expect(logs.errors?.[0]?.message).toMatch(/Cost limit/);
    expect(calls().length).toBe(0);
    // A small page still runs.
    const small = await gqlAt(gateway.url, wide, { n: 2 });
    expect(small.errors).toBeUndefined();
  });
});

describe("a backend's queue is shared fairly", () => {
  it("another caller's lookup still succeeds while one caller floods the backend", async () => {
    // One connection, every call held 100 ms, room for 8 waiting: the flood (single lookups,
    // 150 a second) keeps it full.
    const gateway = await gatewayWithProxy(100, { GANTRY_UPSTREAM_CONNECTIONS: '1', GANTRY_UPSTREAM_MAX_PENDING: '8' });
    // The flood keeps coming, every 20 ms, so the room is full whenever the other caller asks.
    const flood: Array<ReturnType<typeof gqlAt>> = [];
    let n = 0;
    const pump = setInterval(() => {
      for (let i = 0; i < 3; i++)
        flood.push(gqlAt(gateway.url, 'query($id: ID!) { container(id: $id) { processes { command } } }', { id: ids[n++ % ids.length] }));
    }, 20);
    try {
      await waitFor(() => calls().length >= 3, { what: 'the flood under way' });
      for (let i = 0; i < 3; i++) {
        const lookup = await gqlAt(gateway.url, 'query($id: ID!) { container(id: $id) { id name } }', { id: ids[i] }, { token: TOKENS.reader });
        expect(lookup.errors).toBeUndefined();
        expect(lookup.data.container.id).toBe(ids[i]);
      }
    } finally {
      clearInterval(pump);
    }
    // The flood itself was refused in part: the queue stayed bounded.
    const codes = (await Promise.all(flood)).flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));
    expect(codes).toContain('UPSTREAM_BUSY');
  });
});
