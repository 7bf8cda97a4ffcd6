import { connect, type Socket } from 'node:net';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_OPERATION_NAMES } from '../../src/metrics.js';
import type { Gateway } from '../../src/server.js';
import { type DelayProxy, startDelayProxy } from '../helpers/delay-proxy.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { sseExchange } from '../helpers/raw-transports.js';
import { sendOver, TRANSPORTS } from '../helpers/transports.js';
import { waitFor } from '../helpers/wait-for.js';

/**
 * A hostile client against a real gateway and the real embedded services: it respells its
 * credential to dodge budgets, fishes for suggestions and traces in production, calls from a
 * foreign origin, floods /metrics with operation names, sends malformed byte-route ids and
 * uploads with refused credentials, holds idle connections and drips bodies, and sends
 * arguments of any length. Upstream calls are counted at proxies in front of every backend.
 */

let urls: Record<string, string>;
let proxies: Record<string, DelayProxy>;
const upstreamCalls = () => Object.values(proxies).reduce((sum, proxy) => sum + proxy.seen.length, 0);

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  proxies = {};
  urls = {};
  for (const [key, target] of Object.entries(embedded.urls)) {
    proxies[key] = await startDelayProxy(target!, 0);
    urls[key] = proxies[key].url;
  }
});

const auth = (token: string = TOKENS.admin) => ({ authorization: `Bearer ${token}` });

describe('request budgets cannot be dodged', () => {
  it('charges the credential itself, however the header spells it, and tokens sent only per backend', async () => {
    // 5 a second, in bursts of 10.
    const gateway = await startTestGateway(urls, { GANTRY_RATE_LIMIT_PER_CREDENTIAL: '5' });
    const token = 'budget-token-1';
    const spellings: Array<Record<string, string>> = [
      { authorization: `Bearer ${token}` },
      { authorization: `bearer ${token}` },
      { authorization: `Bearer    ${token}   ` },
      { authorization: `BEARER ${token}` },
      { 'x-gantry-backend-tokens': `containers=${token}` },
      { 'x-gantry-backend-tokens': `vmImages=${token}, serverless=${token}` },
    ];
    let served = 0;
    for (let i = 0; i < 40; i++) {
      const answer = await sendOver('POST', gateway.url, { query: '{ __typename }' }, spellings[i % spellings.length]!);
      if (answer.status === 200 && !answer.errors) served += 1;
      else expect(answer.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
    // The burst, and at most what refilled while the test ran.
    expect(served).toBeGreaterThanOrEqual(10);
    expect(served).toBeLessThanOrEqual(14);
  });

  it('an extra per-backend token does not open a fresh budget for the bearer', async () => {
    const gateway = await startTestGateway(urls, { GANTRY_RATE_LIMIT_PER_CREDENTIAL: '5' });
    let served = 0;
    for (let i = 0; i < 30; i++) {
      const answer = await sendOver(
        'POST',
        gateway.url,
        { query: '{ __typename }' },
        { ...auth('budget-token-2'), 'x-gantry-backend-tokens': `ciImages=junk-${i}` },
      );
      if (!answer.errors) served += 1;
    }
    expect(served).toBeLessThanOrEqual(14);
  });
});

describe('the production profile keeps its word on every transport', () => {
  let production: Gateway;
  let development: Gateway;
  const DEV_KEY = 'dev-key-0123456789abcdef';
  beforeAll(async () => {
    production = await startTestGateway(urls, { GANTRY_PROFILE: 'production', GANTRY_DEVELOPER_KEYS: DEV_KEY });
    development = await startTestGateway(urls);
  });

  const enumTypo = { query: 'query($s: VmImageStatus) { vmImages(filter: { status: $s }) { nodes { id } } }', variables: { s: 'ACTIV' } };
  const fieldTypo = { query: '{ vmImagez { nodes { id } } }' };

  for (const transport of TRANSPORTS) {
    it(`no "Did you mean" for an enum value or a field over ${transport} (development still suggests)`, async () => {
      // graphql-sse's client hides a 400's body: SSE is read raw.
      const send = (url: string, operation: typeof enumTypo | typeof fieldTypo) =>
        transport === 'SSE' ? sseExchange(url, operation, auth()) : sendOver(transport, url, operation, auth());
      for (const operation of [enumTypo, fieldTypo]) {
        const prod = await send(production.url, operation);
        expect(prod.errors?.length).toBeGreaterThan(0);
        expect(JSON.stringify(prod)).not.toMatch(/Did you mean/);
        const dev = await send(development.url, operation);
        expect(JSON.stringify(dev)).toMatch(/Did you mean/);
      }
    });
  }

  it('also on the fast path and through Yoga for a JSON POST', async () => {
    const viaYoga = await sendOver('POST', production.url, enumTypo, { ...auth(), origin: production.url });
    expect(JSON.stringify(viaYoga)).not.toMatch(/Did you mean/);
    expect(viaYoga.errors?.[0]?.message).toMatch(/ACTIV/);
  });

  it('honours X-Gantry-Trace: upstream only for a developer key', async () => {
    const query = { query: '{ containers(first: 1) { nodes { id } } }' };
    const anonymous = (await sendOver('POST', production.url, query, { ...auth(), 'x-gantry-trace': 'upstream' })) as { extensions?: unknown };
    expect(anonymous.extensions).toBeUndefined();
    const developer = (await sendOver('POST', production.url, query, { ...auth(), 'x-gantry-trace': 'upstream', 'x-gantry-developer-key': DEV_KEY })) as {
      extensions?: { upstream?: unknown[] };
    };
    expect(developer.extensions?.upstream?.length).toBeGreaterThan(0);
    const overSse = await sseExchange(production.url, query, { ...auth(), 'x-gantry-trace': 'upstream' });
    expect((overSse as { extensions?: unknown }).extensions).toBeUndefined();
  });

  it('never serves /metrics to an anonymous caller; a metrics key opens it', async () => {
    expect((await request(`${production.url}/metrics`)).statusCode).toBe(404);
    const keyed = await startTestGateway(urls, { GANTRY_PROFILE: 'production', GANTRY_METRICS_KEY: 'metrics-key-0123456789' });
    const refused = await request(`${keyed.url}/metrics`, { headers: auth('wrong-key') });
    expect(refused.statusCode).toBe(401);
    await refused.body.dump();
    const served = await request(`${keyed.url}/metrics`, { headers: auth('metrics-key-0123456789') });
    expect(served.statusCode).toBe(200);
    expect(await served.body.text()).toMatch(/gantry_operations_total/);
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    request(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });

  it('grants nothing to a foreign origin by default, least of all credentials', async () => {
    const gateway = await startTestGateway(urls);
    const answer = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json', ...auth() },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await answer.body.dump();
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    const pre = await preflight(gateway.url, 'https://evil.example');
    await pre.body.dump();
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('grants an allow-listed origin, with credentials, and still no other', async () => {
    const gateway = await startTestGateway(urls, { GANTRY_CORS_ORIGINS: 'https://console.example.com, https://ops.example.com' });
    const allowed = await preflight(gateway.url, 'https://console.example.com');
    await allowed.body.dump();
    expect(allowed.headers['access-control-allow-origin']).toBe('https://console.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const foreign = await preflight(gateway.url, 'https://evil.example');
    await foreign.body.dump();
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('metrics labels', () => {
  it('label at most a bounded set of client-chosen operation names; the rest are `other`', async () => {
    const gateway = await startTestGateway(urls);
    for (let i = 0; i < MAX_OPERATION_NAMES + 50; i++) await gqlAt(gateway.url, `query Probe${i} { __typename }`);
    const text = await (await request(`${gateway.url}/metrics`)).body.text();
    const names = new Set([...text.matchAll(/^gantry_operations_total\{operation="([^"]+)"/gm)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES + 1);
    expect(names.has('other')).toBe(true);
  });
});

describe('byte routes', () => {
  it('a malformed percent-encoding in an id is a 400, not a 500', async () => {
    const gateway = await startTestGateway(urls);
    for (const path of ['/files/vm-images/%E0%A4%A', '/files/ci-images/%E0%A4%A', '/files/vm-images/%']) {
      const answer = await request(`${gateway.url}${path}`, { headers: auth() });
      expect(answer.statusCode).toBe(400);
      expect(((await answer.body.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('a CI upload with a refused credential is refused before a byte of its body is read or sent upstream', async () => {
    const gateway = await startTestGateway(urls);
    const port = Number(new URL(gateway.url).port);
    const before = proxies.ciImages!.seen.length;
    // Declares 64 MB, sends the headers only, and waits for the answer.
    const socket = connect(port, '127.0.0.1');
    track(() => socket.destroy());
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => {
        text += String(chunk);
        if (text.includes('\r\n\r\n')) resolve(text);
      });
    });
    socket.write(
      `POST /files/ci-images?name=refused HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer not-a-real-token\r\nContent-Type: application/octet-stream\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n`,
    );
    const head = await answer;
    // Djinn answers a credential it refuses with 404 (it never says 401 or 403).
    expect(head).toMatch(/^HTTP\/1\.1 404/);
    expect(head.toLowerCase()).toContain('connection: close');
    const upstream = proxies.ciImages!.seen.slice(before);
    expect(upstream.every((call) => call.method === 'GET')).toBe(true);
  });
});

describe('connections', () => {
  const open = (port: number) =>
    new Promise<Socket>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket));
      socket.on('error', () => {});
      track(() => socket.destroy());
    });
  const closed = (socket: Socket) =>
    new Promise<void>((resolve) => (socket.destroyed || socket.readyState === 'closed' ? resolve() : socket.once('close', () => resolve())));

  it('closes connections that never send a request, and caps them per address', async () => {
    const gateway = await startTestGateway(urls, { GANTRY_HEADERS_TIMEOUT_MS: '1000', GANTRY_MAX_CONNECTIONS_PER_ADDRESS: '20' });
    const port = Number(new URL(gateway.url).port);
    const sockets = await Promise.all(Array.from({ length: 30 }, () => open(port)));
    // Past the cap: closed at once.
    await waitFor(() => sockets.filter((s) => s.destroyed || s.readyState === 'closed').length >= 10, {
      deadlineMs: 2_000,
      what: 'connections past the cap closed',
    });
    // The rest: closed at the headers timeout (1 s, checked every second).
    await Promise.all(sockets.map(closed));
    // And the server still serves.
    expect((await gqlAt(gateway.url, '{ __typename }')).data.__typename).toBe('Query');
  });

  it('cuts a GraphQL body that drips in', async () => {
    const gateway = await startTestGateway(urls, { GANTRY_BODY_TIMEOUT_MS: '1000' });
    const socket = await open(Number(new URL(gateway.url).port));
    const body = JSON.stringify({ query: '{ __typename }' });
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    const started = Date.now();
    const drip = setInterval(() => socket.writable && socket.write(body[0]!), 300);
    track(() => clearInterval(drip));
    await closed(socket);
    clearInterval(drip);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('arguments of any length', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startTestGateway(urls, { GANTRY_MAX_REQUEST_BYTES: String(4 * 1024 * 1024) });
  });

  it('a 900 KB label filter never becomes an upstream URL', async () => {
    const before = upstreamCalls();
    const result = await gqlAt(gateway.url, 'query($l: String) { containerImages(label: $l) { nodes { id } } }', { l: 'x'.repeat(900_000) });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(upstreamCalls()).toBe(before);
  });

  it('every string and list argument is bounded, literal or variable, at any depth', async () => {
    const before = upstreamCalls();
    const literal = await sendOver('POST', gateway.url, { query: `{ vmImages(filter: { name: "${'y'.repeat(9000)}" }) { nodes { id } } }` }, auth());
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0]?.message).toMatch(/too long/);
    const list = await sendOver('POST', gateway.url, { query: `{ nodes(ids: [${Array.from({ length: 1500 }, () => '"x"').join(',')}]) { id } }` }, auth());
    expect(list.status).toBe(400);
    const nested = await sendOver(
      'POST',
      gateway.url,
      {
        query: 'mutation($input: CreateServerlessContainerInput!) { createServerlessContainer(input: $input) { __typename } }',
        variables: { input: { name: 'long-env', image: 'nginx:1', env: [{ name: 'A', value: 'z'.repeat(20_000) }] } },
      },
      auth(),
    );
    expect(nested.status).toBe(400);
    expect(nested.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(upstreamCalls()).toBe(before);
  });

  it('a variable nested thousands deep is answered on every transport, never with a 500', async () => {
    // Written by hand: JSON.stringify itself overflows its stack at this depth.
    const nested = (depth: number) => `{"id":"x","unused":${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}}`;
    const variables = nested(20_000);
    const query = 'subscription($id: ID!) { containerState(id: $id) { state } }';
    const body = `{"query":${JSON.stringify(query)},"variables":${variables}}`;
    const post = (headers: Record<string, string>) =>
      request(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth(), ...headers }, body });
    for (const [what, answer] of [
      ['POST, fast path', await post({ accept: 'application/graphql-response+json' })],
      ['POST, Yoga', await post({ accept: 'application/graphql-response+json', origin: gateway.url })],
      ['SSE', await post({ accept: 'text/event-stream' })],
      // A GET's URL must fit Node's 16 KB of headers (past it Node answers 431 itself).
      ['GET', await request(`${gateway.url}/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(nested(500))}`, { headers: auth() })],
    ] as const) {
      const text = await answer.body.text();
      // An error the caller can read (the unused variable is ignored; the id is not one).
      expect(answer.statusCode, `${what}: ${text.slice(0, 200)}`).toBeLessThan(500);
      expect(text, what).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    }
  });

  it("property filters may not set or repeat Glance's own list parameters", async () => {
    const before = upstreamCalls();
    for (const properties of [
      [{ name: 'limit', value: '1000' }],
      [{ name: 'visibility', value: 'all' }],
      [
        { name: 'os_distro', value: 'a' },
        { name: 'os_distro', value: 'b' },
      ],
    ]) {
      const result = await gqlAt(gateway.url, 'query($p: [VmImagePropertyInput!]) { vmImages(filter: { properties: $p }) { nodes { id } } }', {
        p: properties,
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(result.errors)).toMatch(/properties/);
    }
    expect(upstreamCalls()).toBe(before);
    const fine = await gqlAt(gateway.url, 'query($p: [VmImagePropertyInput!]) { vmImages(filter: { properties: $p }) { nodes { id } } }', {
      p: [{ name: 'os_distro', value: 'ubuntu' }],
    });
    expect(fine.errors).toBeUndefined();
  });
});
