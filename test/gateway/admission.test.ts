import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendKey } from '../../src/backend-keys.js';
import type { Gateway } from '../../src/server.js';
import { type DelayProxy, startDelayProxy } from '../helpers/delay-proxy.js';
import { startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { type Outcome, sseExchange, wsExchange } from '../helpers/raw-transports.js';
import { type Operation, sendOver } from '../helpers/transports.js';

/**
 * One lock for every way in: each policy case goes over every transport, and each must come
 * out the same (the same error code, the HTTP status where HTTP carries it) without a single
 * call reaching a backend. Proxies in front of every backend count what reaches them. The whole
 * table runs twice: with the fast path and compiled queries on, and with GANTRY_FAST_EXECUTION
 * off (every request through Yoga and graphql-js).
 */

const MANIFEST = fileURLToPath(new URL('../generated/persisted-documents.json', import.meta.url));
const QUERY = '{ containerImages(first: 1) { nodes { id } } }';
const nested = (levels: number) => `{ containerImages(first: 1) { nodes { ${'requiredContainers { '.repeat(levels)}id${' }'.repeat(levels)} } } }`;
const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: containerImages(first: 1) { nodes { id } }`).join(' ')} }`;

type Transport = 'POST, fast path' | 'POST, Yoga' | 'GET' | 'SSE' | 'graphql-ws' | 'byte route';
const TRANSPORTS: Transport[] = ['POST, fast path', 'POST, Yoga', 'GET', 'SSE', 'graphql-ws', 'byte route'];
type GatewayName = 'limits' | 'production' | 'trusted';

interface Case {
  name: string;
  gateway: GatewayName;
  operation: Operation;
  /** The caller's Authorization (each case and transport gets a token of its own unless this says otherwise). */
  authorization?: string;
  /** Operations sent before the one that must be refused (the budget's burst). */
  before?: number;
  code: string;
  /** The HTTP status, where the transport's media type lets the refusal choose it (see `validation`). */
  status: number;
  /**
   * A document that fails validation: the GraphQL-over-HTTP spec answers it with 400 in
   * application/graphql-response+json (what these HTTP requests ask for) and with 200 in a body
   * of another media type, which includes an SSE stream.
   */
  validation?: true;
  message?: RegExp;
  /** The byte-route request for this case, where the case applies to byte routes. */
  bytes?: (url: string, authorization: string) => Promise<Outcome>;
  /** How a WebSocket reports it when it refuses the socket rather than the operation. */
  closeCode?: number;
  /** Refused at the door, before a transport reads the request (so before the fast path). */
  atDoor?: boolean;
}

/** A byte route's answer: status and errors (they have the shape of GraphQL errors). */
async function bytes(url: string, path: string, authorization: string, init: { method?: 'GET' | 'POST'; body?: Buffer } = {}): Promise<Outcome> {
  const response = await request(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization, ...(init.body ? { 'content-type': 'application/octet-stream' } : {}) },
    ...(init.body ? { body: init.body } : {}),
  });
  const text = await response.body.text();
  return { status: response.statusCode, ...(text.startsWith('{') ? (JSON.parse(text) as object) : {}) };
}
const download = (url: string, authorization: string) => bytes(url, '/files/vm-images/Vm1hZ2U6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw', authorization);

const CASES: Case[] = [
  {
    name: 'a refused credential',
    gateway: 'limits',
    operation: { query: QUERY },
    authorization: 'Basic bm9wZQ==',
    code: 'UNAUTHENTICATED',
    status: 401,
    bytes: download,
    closeCode: 4403,
  },
  {
    name: 'an operation over the credential budget',
    gateway: 'limits',
    operation: { query: '{ __typename }' },
    before: 2,
    code: 'RATE_LIMITED',
    status: 429,
    bytes: download,
  },
  { name: 'an untrusted document', gateway: 'trusted', operation: { query: QUERY }, code: 'PERSISTED_QUERY_ONLY', status: 400 },
  {
    name: 'introspection in production',
    validation: true,
    gateway: 'production',
    operation: { query: '{ __schema { queryType { name } } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
    status: 400,
    message: /introspection/i,
  },
  {
    name: 'a document over the depth limit',
    validation: true,
    gateway: 'limits',
    operation: { query: nested(8) },
    code: 'GRAPHQL_VALIDATION_FAILED',
    status: 400,
    message: /depth/i,
  },
  {
    // Counted with the variables (page sizes given as variables count as literals do), as the
    // operation starts: 400 on every HTTP transport, SSE included.
    name: 'a document over the cost limit',
    gateway: 'limits',
    operation: {
      query: 'query($n: Int) { containerImages(first: $n) { nodes { id requiredContainers { id requiredContainers { id } } } } }',
      variables: { n: 50 },
    },
    code: 'GRAPHQL_VALIDATION_FAILED',
    status: 400,
    message: /cost/i,
  },
  {
    name: 'an operation over the call budget',
    gateway: 'limits',
    operation: { query: `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: containers(first: 1) { nodes { id } }`).join(' ')} }` },
    code: 'CALL_BUDGET_EXCEEDED',
    status: 400,
    message: /backend calls/i,
  },
  {
    name: 'an argument over its length',
    gateway: 'limits',
    operation: { query: 'query($l: String) { containerImages(label: $l) { nodes { id } } }', variables: { l: 'x'.repeat(300) } },
    code: 'BAD_USER_INPUT',
    status: 400,
    message: /255|too long/i,
  },
  {
    name: 'a document over the alias limit',
    validation: true,
    gateway: 'limits',
    operation: { query: aliased(6) },
    code: 'GRAPHQL_VALIDATION_FAILED',
    status: 400,
    message: /aliases/i,
  },
  {
    name: 'an oversized request',
    gateway: 'limits',
    operation: { query: '{ __typename }', variables: { pad: 'x'.repeat(5000) } },
    code: 'PAYLOAD_TOO_LARGE',
    status: 413,
    bytes: (url, authorization) => bytes(url, '/files/ci-images?name=too-big', authorization, { method: 'POST', body: Buffer.alloc(2048) }),
    closeCode: 1009,
    atDoor: true,
  },
];

const METRICS_KEY = 'metrics-key-0123456789';

async function fastPathCount(url: string): Promise<number> {
  // The production gateway serves /metrics only with its key (the others ignore the header).
  const text = await (await request(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_KEY}` } })).body.text();
  return [...text.matchAll(/^gantry_fast_path_requests_total\{outcome="\w+"\} (\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
}

/** Sends one operation over `transport`: the answer, and whether the fast path took the request. */
async function send(transport: Transport, url: string, operation: Operation, authorization: string): Promise<Outcome> {
  const headers = { authorization };
  switch (transport) {
    case 'POST, fast path':
      return sendOver('POST', url, operation, headers);
    case 'POST, Yoga':
      // Yoga answers CORS, so a request with an Origin is always Yoga's.
      return sendOver('POST', url, operation, { ...headers, origin: 'http://127.0.0.1' });
    case 'GET':
      return sendOver('GET', url, operation, headers);
    case 'SSE':
      return sseExchange(url, operation, headers);
    default:
      throw new Error(`not a GraphQL transport: ${transport}`);
  }
}

describe.each([true, false])('the admission step, GANTRY_FAST_EXECUTION=%s', (fast) => {
  const gateways = {} as Record<GatewayName, Gateway>;
  const proxies: DelayProxy[] = [];
  const upstreamCalls = () => proxies.reduce((sum, proxy) => sum + proxy.seen.length, 0);

  beforeAll(async () => {
    const embedded = await startTestEmbedded(await tempDataDir());
    const urls: Partial<Record<BackendKey, string>> = {};
    for (const [key, target] of Object.entries(embedded.urls)) {
      const proxy = await startDelayProxy(target, 0);
      proxies.push(proxy);
      urls[key as BackendKey] = proxy.url;
    }
    const mode = { GANTRY_FAST_EXECUTION: String(fast) };
    gateways.limits = await startTestGateway(urls, {
      ...mode,
      GANTRY_MAX_DEPTH: '6',
      GANTRY_MAX_ALIASES: '5',
      GANTRY_MAX_COST: '500',
      GANTRY_MAX_UPSTREAM_CALLS: '4',
      GANTRY_MAX_STRING_LENGTH: '200',
      GANTRY_MAX_REQUEST_BYTES: '4096',
      GANTRY_MAX_UPLOAD_BYTES: '1024',
      GANTRY_RATE_LIMIT_PER_CREDENTIAL: '1',
    });
    gateways.production = await startTestGateway(urls, {
      ...mode,
      GANTRY_PROFILE: 'production',
      GANTRY_DEVELOPER_KEYS: 'dev-key-0123456789abcdef',
      GANTRY_METRICS_KEY: METRICS_KEY,
    });
    gateways.trusted = await startTestGateway(urls, { ...mode, GANTRY_TRUSTED_DOCUMENTS: MANIFEST });
  });

  const rows = CASES.flatMap((c) => TRANSPORTS.filter((t) => t !== 'byte route' || c.bytes).map((transport) => [c.name, transport, c] as const));

  it.each(rows)('refuses %s over %s, the same way, before any backend call', async (_name, transport, c) => {
    const url = gateways[c.gateway].url;
    // Budgets are per credential: each row has one of its own (the admission step reads any well-formed token).
    const authorization = c.authorization ?? `Bearer ${`row-${fast}-${transport}-${c.name}`.replace(/[^\w-]/g, '-')}`;
    const fastBefore = await fastPathCount(url);
    const callsBefore = upstreamCalls();
    let outcome: Outcome;
    if (transport === 'byte route') {
      for (let i = 0; i < (c.before ?? 0); i++) await c.bytes!(url, authorization);
      const callsAfterBurst = upstreamCalls();
      outcome = await c.bytes!(url, authorization);
      expect(upstreamCalls()).toBe(callsAfterBurst);
    } else if (transport === 'graphql-ws') {
      const payloads = [...Array.from({ length: c.before ?? 0 }, () => c.operation), c.operation];
      outcome = await wsExchange(url, { authorization }, payloads);
    } else {
      for (let i = 0; i < (c.before ?? 0); i++) expect((await send(transport, url, c.operation, authorization)).errors).toBeUndefined();
      outcome = await send(transport, url, c.operation, authorization);
    }

    if (outcome.closeCode !== undefined) {
      expect(outcome.closeCode).toBe(c.closeCode);
    } else {
      expect(outcome.data ?? null).toBeNull();
      expect(outcome.errors?.[0]?.extensions?.code).toBe(c.code);
      if (c.message) expect(outcome.errors?.[0]?.message).toMatch(c.message);
      if (transport !== 'graphql-ws') expect(outcome.status).toBe(c.validation && transport === 'SSE' ? 200 : c.status);
    }
    if (c.before === undefined || transport !== 'byte route') expect(upstreamCalls()).toBe(callsBefore);
    // The fast path took the request (served it or handed it to Yoga) only where it should.
    const fastMoved = (await fastPathCount(url)) - fastBefore;
    expect(fastMoved).toBe(fast && transport === 'POST, fast path' && !c.atDoor ? 1 + (c.before ?? 0) : 0);
  });

  it('lets the same operations through when nothing refuses them', async () => {
    const authorization = `Bearer ${TOKENS.admin}`;
    for (const transport of ['POST, fast path', 'POST, Yoga', 'GET', 'SSE'] as const) {
      const outcome = await send(transport, gateways.production.url, { query: QUERY }, authorization);
      expect(outcome.errors, transport).toBeUndefined();
      expect(outcome.status).toBe(200);
    }
    const ws = await wsExchange(gateways.production.url, { authorization }, [{ query: QUERY }]);
    expect(ws.errors).toBeUndefined();
    expect((ws.data as { containerImages: { nodes: unknown[] } }).containerImages.nodes).toHaveLength(1);
  });
});
