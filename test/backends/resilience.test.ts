import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendKey } from '../../src/backend-keys.js';
import { BackendError } from '../../src/backends/http/errors.js';
import type { CallContext, UpstreamCall } from '../../src/backends/http/types.js';
import { createBackends, type Backends } from '../../src/backends/index.js';
import { loadConfig } from '../../src/config.js';
import type { EmbeddedServices } from '../../src/embedded/index.js';
import { LEAKY_TEXT, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startTestEmbedded, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { waitFor } from '../helpers/wait-for.js';

/**
 * The backend clients against failing backends: a fault proxy in front of the real embedded
 * services, switched per request. Every case gets fresh clients (own pools, queues, budgets
 * and breakers) and a fresh proxy, so counts and breaker states never leak between cases.
 */

let embedded: EmbeddedServices;
beforeAll(async () => {
  embedded = await startTestEmbedded(await tempDataDir(), ['vmImages', 'containers', 'serverless']);
});

/** Millisecond backoff and a breaker that stays out of the way unless a case asks for it. */
const BASE_ENV = {
  GANTRY_UPSTREAM_RETRY_BASE_MS: '1',
  GANTRY_UPSTREAM_HEADERS_TIMEOUT_MS: '2000',
  GANTRY_UPSTREAM_BODY_TIMEOUT_MS: '2000',
  GANTRY_UPSTREAM_BREAKER_THRESHOLD: '1000',
};

/** Backends these cases never call still need a URL. */
const UNUSED = { ciImages: 'http://127.0.0.1:9', containerImages: 'http://127.0.0.1:9' };

async function via(key: BackendKey, env: Record<string, string> = {}): Promise<{ proxy: FaultProxy; backends: Backends }> {
  const proxy = await startFaultProxy(embedded.urls[key]!);
  const backends = createBackends(loadConfig({ ...BASE_ENV, ...env }), { ...UNUSED, ...embedded.urls, [key]: proxy.url });
  track(() => backends.close());
  return { proxy, backends };
}

/** The admin's call context, with a deadline `ms` from now when given. */
function admin(ms?: number, record?: (call: UpstreamCall) => void): CallContext {
  return { token: TOKENS.admin, ...(ms !== undefined ? { deadline: performance.now() + ms } : {}), ...(record ? { record } : {}) };
}

async function failure(promise: Promise<unknown>): Promise<BackendError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const FAIL_503 = { kind: 'status', status: 503 } as const;

describe('retries', () => {
  it('retries a GET after a 503, a reset connection and a 429, and records each attempt', async () => {
    const { proxy, backends } = await via('vmImages');
    proxy.next(1, FAIL_503);
    proxy.next(1, { kind: 'reset' });
    const calls: UpstreamCall[] = [];
    const { images } = await backends.vmImages.list(
      admin(5_000, (c) => calls.push(c)),
      { limit: 2 },
    );
    expect(images).toHaveLength(2);
    expect(proxy.count({ method: 'GET', path: '/v2/images' })).toBe(3);
    expect(calls.map((c) => [c.status, c.attempt])).toEqual([
      [503, undefined],
      [null, 2],
      [200, 3],
    ]);

    proxy.next(1, { kind: 'status', status: 429 });
    await backends.vmImages.list(admin(5_000), { limit: 3 });
    expect(proxy.count({ method: 'GET', path: '/v2/images' })).toBe(5);
  });

  it('retries a refused connection', async () => {
    // A port that was open a moment ago and is closed now: connection refused.
    const closed = await new Promise<string>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(`http://127.0.0.1:${port}`));
      });
    });
    const backends = createBackends(loadConfig({ ...BASE_ENV, GANTRY_UPSTREAM_RETRY_BASE_MS: '20' }), { ...UNUSED, ...embedded.urls, vmImages: closed });
    track(() => backends.close());
    const calls: UpstreamCall[] = [];
    const error = await failure(
      backends.vmImages.list(
        admin(5_000, (c) => calls.push(c)),
        {},
      ),
    );
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: null });
    expect(calls).toHaveLength(3);
  });

  it('retries PUT and DELETE, never POST or PATCH', async () => {
    const { proxy, backends } = await via('vmImages');
    const image = await backends.vmImages.create(admin(), { name: 'retry-me', disk_format: 'raw', container_format: 'bare' });

    proxy.set(FAIL_503);
    expect(await failure(backends.vmImages.create(admin(), { name: 'post-once' }))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 });
    expect(proxy.count({ method: 'POST' })).toBe(2); // the create above, and this one once
    await failure(backends.vmImages.update(admin(), image.id, [{ op: 'replace', path: '/name', value: 'x' }]));
    expect(proxy.count({ method: 'PATCH' })).toBe(1);
    await failure(backends.vmImages.deactivate(admin(), image.id));
    expect(proxy.count({ method: 'POST', path: `/v2/images/${image.id}/actions` })).toBe(1);

    proxy.clear();
    proxy.next(1, FAIL_503);
    await backends.vmImages.delete(admin(), image.id);
    expect(proxy.count({ method: 'DELETE' })).toBe(2);
    expect(await failure(backends.vmImages.get(admin(), image.id))).toMatchObject({ code: 'NOT_FOUND' });

    const serverless = await via('serverless');
    const [container] = (await serverless.backends.serverless.list(admin(), 1, 1)).items;
    serverless.proxy.next(1, { kind: 'status', status: 502 });
    await serverless.backends.serverless.update(admin(), container!.id, { env: { RETRIED: 'yes' } });
    expect(serverless.proxy.count({ method: 'PUT' })).toBe(2);
  });

  it('never retries a container power action, though it is a PUT', async () => {
    const { proxy, backends } = await via('containers');
    const { containers } = await backends.containers.list(admin(), { page: 1, perPage: 1 });
    proxy.set(FAIL_503);
    expect(await failure(backends.containers.power(admin(), containers[0]!.id, 'restart'))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 });
    expect(proxy.count({ method: 'PUT' })).toBe(1);
  });

  it('never retries an upload stream, but retries a download and frees its slot when the body is read', async () => {
    const { proxy, backends } = await via('vmImages', { GANTRY_UPSTREAM_CONNECTIONS: '1', GANTRY_UPSTREAM_MAX_PENDING: '0' });
    const image = await backends.vmImages.create(admin(), { name: 'bytes', disk_format: 'raw', container_format: 'bare' });
    const bytes = Buffer.alloc(64 * 1024, 7);

    proxy.set((r) => (r.method === 'PUT' ? FAIL_503 : undefined));
    await failure(backends.vmImages.uploadData(admin(), image.id, Readable.from([bytes]), bytes.length));
    expect(proxy.count({ method: 'PUT' })).toBe(1);

    proxy.clear();
    await backends.vmImages.uploadData(admin(), image.id, Readable.from([bytes]), bytes.length);
    proxy.next(1, FAIL_503, (r) => r.method === 'GET');
    const download = await backends.vmImages.downloadData(admin(1_000), image.id);
    expect(proxy.count({ method: 'GET', path: `/v2/images/${image.id}/file` })).toBe(2);
    // The one connection is the download's until its body is read: another call is turned away.
    expect(await failure(backends.vmImages.get(admin(), image.id))).toMatchObject({ code: 'UPSTREAM_BUSY' });
    expect(Buffer.from(await download.body.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await backends.vmImages.get(admin(), image.id)).id).toBe(image.id);
  });

  it('does not retry a 500, a 4xx or a timeout', async () => {
    const { proxy, backends } = await via('vmImages', { GANTRY_UPSTREAM_HEADERS_TIMEOUT_MS: '200' });
    proxy.next(1, { kind: 'status', status: 500 });
    expect(await failure(backends.vmImages.get(admin(), UNKNOWN_ID))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 500 });
    expect(await failure(backends.vmImages.get(admin(), UNKNOWN_ID))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    proxy.next(1, { kind: 'hang' });
    expect(await failure(backends.vmImages.get(admin(), UNKNOWN_ID))).toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: null });
    expect(proxy.count()).toBe(3);
  });

  it('waits as long as Retry-After asks when the deadline allows it', async () => {
    const { proxy, backends } = await via('vmImages');
    proxy.next(1, { kind: 'status', status: 503, retryAfter: 1 });
    const { ms } = await timed(() => backends.vmImages.list(admin(5_000), { limit: 1 }));
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(proxy.count()).toBe(2);
  });

  it('answers at once, with retryAfter, when Retry-After is past the deadline', async () => {
    const { proxy, backends } = await via('vmImages');
    proxy.next(1, { kind: 'status', status: 429, retryAfter: 30 });
    const { value: error, ms } = await timed(() => failure(backends.vmImages.list(admin(3_000), {})));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfter: 30 });
    expect(ms).toBeLessThan(500);
    expect(proxy.count()).toBe(1);
  });

  it('keeps retries within the budget, so a failing backend never sees its load multiplied', async () => {
    const { proxy, backends } = await via('vmImages', { GANTRY_UPSTREAM_RETRIES: '2', GANTRY_UPSTREAM_RETRY_BUDGET_PERCENT: '10' });
    proxy.set(FAIL_503);
    for (let i = 0; i < 100; i++) await failure(backends.vmImages.list(admin(), { limit: i + 1 }));
    // Without a budget: 300. With it: 100 calls, 10% of them, and the 10 banked retries.
    const sent = proxy.count();
    expect(sent).toBeGreaterThan(100);
    expect(sent).toBeLessThanOrEqual(120);
  });

  it('keeps sharing an identical GET in flight, its retries included', async () => {
    const { proxy, backends } = await via('vmImages');
    proxy.set({ kind: 'pass', latencyMs: 100 });
    proxy.next(1, { ...FAIL_503, latencyMs: 100 });
    const results = await Promise.all([1, 2, 3].map(() => backends.vmImages.list(admin(5_000), { limit: 2 })));
    expect(proxy.count()).toBe(2);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]!.images).toHaveLength(2);
  });
});

describe('deadline', () => {
  it('fails at once without sending anything when the deadline has passed', async () => {
    const { proxy, backends } = await via('vmImages');
    const spent: CallContext = { token: TOKENS.admin, deadline: performance.now() - 1 };
    expect(await failure(backends.vmImages.list(spent, {}))).toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: null });
    expect(await failure(backends.vmImages.create(spent, { name: 'late' }))).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(await failure(backends.vmImages.downloadData(spent, UNKNOWN_ID))).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(proxy.count()).toBe(0);
  });

  it('aborts a call in flight at the deadline, long before the backend timeouts', async () => {
    const { proxy, backends } = await via('vmImages', { GANTRY_UPSTREAM_HEADERS_TIMEOUT_MS: '8000' });
    proxy.set({ kind: 'hang' });
    const { value: error, ms } = await timed(() => failure(backends.vmImages.get(admin(250), UNKNOWN_ID)));
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: null });
    expect(ms).toBeGreaterThanOrEqual(200);
    expect(ms).toBeLessThan(1_500);
    await waitFor(() => proxy.hanging === 0);
  });

  it('gives a caller that joins a shared GET its own deadline, and the call lives for the later one', async () => {
    const { proxy, backends } = await via('vmImages');
    proxy.set({ kind: 'pass', latencyMs: 600 });
    const patient = backends.vmImages.list(admin(3_000), { limit: 1 });
    const hurried = await timed(() => failure(backends.vmImages.list(admin(100), { limit: 1 })));
    expect(hurried.value).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(hurried.ms).toBeLessThan(500);
    expect((await patient).images).toHaveLength(1);
    expect(proxy.count()).toBe(1);

    // The other way round: a short leader does not cut a patient joiner off.
    const short = failure(backends.vmImages.list(admin(100), { limit: 2 }));
    const long = backends.vmImages.list(admin(3_000), { limit: 2 });
    expect(await short).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect((await long).images).toHaveLength(2);
    expect(proxy.count()).toBe(2);
  });
});

describe('bounded queue', () => {
  it('fails fast with UPSTREAM_BUSY past N in flight + M waiting, and costs another backend nothing', async () => {
    const { proxy, backends } = await via('vmImages', {
      GANTRY_UPSTREAM_CONNECTIONS: '2',
      GANTRY_UPSTREAM_MAX_PENDING: '2',
      GANTRY_UPSTREAM_HEADERS_TIMEOUT_MS: '5000',
    });
    proxy.set({ kind: 'hang' });
    // The two waiting have the earlier deadline: with the same one, a slot freed by an abort at
    // the deadline could reach a waiter a microsecond short of its own, and send it.
    const held = [1, 2, 3, 4].map((limit) => failure(backends.vmImages.list(admin(limit <= 2 ? 1_500 : 1_400), { limit })));
    await waitFor(() => proxy.hanging === 2);
    const busy = await timed(() => failure(backends.vmImages.list(admin(1_500), { limit: 5 })));
    expect(busy.value).toMatchObject({ code: 'UPSTREAM_BUSY', status: null, backend: 'vmImages' });
    expect(busy.ms).toBeLessThan(250);
    expect(backends.vmImages.http.queueLoad()).toEqual({ inFlight: 2, waiting: 2 });

    const other = await timed(() => backends.containers.list(admin(1_500), { page: 1, perPage: 5 }));
    expect(other.value.containers.length).toBeGreaterThan(0);
    expect(other.ms).toBeLessThan(750);

    // The two waiting leave the queue unsent at their deadline, the two in flight are aborted at theirs.
    for (const error of await Promise.all(held)) expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(proxy.count()).toBe(2);
    // The aborted calls give their slots back as their abort lands (the same instant, give or take a tick).
    await waitFor(() => backends.vmImages.http.queueLoad().inFlight === 0, 1_000);
    expect(backends.vmImages.http.queueLoad()).toEqual({ inFlight: 0, waiting: 0 });
    proxy.clear();
    expect((await backends.vmImages.list(admin(2_000), { limit: 1 })).images).toHaveLength(1);
  });
});

describe('circuit breaker', () => {
  const env = { GANTRY_UPSTREAM_BREAKER_THRESHOLD: '3', GANTRY_UPSTREAM_BREAKER_COOLDOWN_MS: '300', GANTRY_UPSTREAM_RETRIES: '0' };

  it('opens after a run of failures, fails fast without calling, lets one probe through after the cool-down, closes on its success', async () => {
    const { proxy, backends } = await via('vmImages', env);
    proxy.set({ kind: 'status', status: 500 });
    for (let i = 0; i < 3; i++) await failure(backends.vmImages.list(admin(), { limit: i + 1 }));
    expect(backends.breakerStates().vmImages).toMatchObject({ state: 'open', failures: 3 });
    expect(backends.breakerStates().containers).toMatchObject({ state: 'closed' });

    const refused = await failure(backends.vmImages.list(admin(), {}));
    expect(refused).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: null, retryAfter: 1 });
    expect(refused.message).toMatch(/stopped calling it/);
    expect(proxy.count()).toBe(3);
    // Another backend is untouched.
    expect((await backends.containers.list(admin(), { page: 1, perPage: 1 })).containers).toHaveLength(1);

    await waitFor(() => backends.breakerStates().vmImages.state === 'half-open', 2_000);
    proxy.set({ kind: 'pass', latencyMs: 100 });
    const outcomes = await Promise.allSettled([1, 2, 3].map((limit) => backends.vmImages.list(admin(), { limit })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as BackendError).message).toMatch(/stopped calling it/);
    expect(proxy.count()).toBe(4);
    expect(backends.breakerStates().vmImages).toEqual({ state: 'closed', failures: 0 });
    await backends.vmImages.list(admin(), { limit: 4 });
    expect(proxy.count()).toBe(5);
  });

  it('opens again when the probe fails', async () => {
    const { proxy, backends } = await via('vmImages', env);
    proxy.set({ kind: 'reset' });
    for (let i = 0; i < 3; i++) await failure(backends.vmImages.list(admin(), { limit: i + 1 }));
    await waitFor(() => backends.breakerStates().vmImages.state === 'half-open', 2_000);
    await failure(backends.vmImages.list(admin(), {}));
    expect(proxy.count()).toBe(4);
    expect(backends.breakerStates().vmImages.state).toBe('open');
  });

  it('counts timeouts and malformed answers, never 4xx, 429 or the caller running out of time', async () => {
    const { proxy, backends } = await via('vmImages', { ...env, GANTRY_UPSTREAM_BREAKER_THRESHOLD: '2', GANTRY_UPSTREAM_HEADERS_TIMEOUT_MS: '200' });
    for (let i = 0; i < 4; i++) await failure(backends.vmImages.get(admin(), UNKNOWN_ID));
    proxy.set({ kind: 'status', status: 429 });
    for (let i = 0; i < 3; i++) await failure(backends.vmImages.list(admin(), { limit: i + 1 }));
    proxy.set({ kind: 'hang' });
    for (let i = 0; i < 3; i++) expect(await failure(backends.vmImages.list(admin(50), { limit: i + 1 }))).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(backends.breakerStates().vmImages.state).toBe('closed');

    proxy.clear();
    proxy.next(1, { kind: 'hang' });
    proxy.next(1, { kind: 'malformed' });
    await failure(backends.vmImages.list(admin(), { limit: 10 }));
    await failure(backends.vmImages.list(admin(), { limit: 11 }));
    expect(backends.breakerStates().vmImages.state).toBe('open');
  });
});

describe('answers that are not answers', () => {
  it('turns malformed, truncated, HTML and 5xx answers into UPSTREAM_UNAVAILABLE without a word of their bodies', async () => {
    const { proxy, backends } = await via('vmImages', { GANTRY_UPSTREAM_RETRIES: '2' });
    const cases = [
      { fault: { kind: 'malformed' }, sent: 1 },
      { fault: { kind: 'html' }, sent: 1 },
      // JSON, but not said to be: a captive portal or a misrouted service, not this API.
      { fault: { kind: 'status', status: 200, contentType: 'text/plain', body: '{"images": []}' }, sent: 1 },
      // A body cut short is a reset connection: a GET may try again.
      { fault: { kind: 'truncated' }, sent: 3 },
      { fault: { kind: 'status', status: 500, body: `<h1>Error</h1>${LEAKY_TEXT}`, contentType: 'text/html' }, sent: 1 },
      { fault: { kind: 'status', status: 502 }, sent: 3 },
    ] as const;
    for (const { fault, sent } of cases) {
      proxy.set(fault);
      const before = proxy.count();
      const error = await failure(backends.vmImages.list(admin(5_000), {}));
      expect(error, fault.kind).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', backend: 'vmImages' });
      expect(error.message).not.toMatch(/hunter2|db-internal|127\.0\.0\.1|Sign in|images/);
      expect(proxy.count() - before, fault.kind).toBe(sent);
    }
  });
});

describe('credentials stay with the configured origin', () => {
  /** A server on another loopback port that records whatever reaches it, and would answer with data. */
  async function elsewhere(): Promise<{ url: string; received: Array<{ path: string; headers: Record<string, unknown> }> }> {
    const received: Array<{ path: string; headers: Record<string, unknown> }> = [];
    const server = createServer((req, res) => {
      received.push({ path: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"images":[{"id":"stolen"}],"id":"stolen"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    track(
      () =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    );
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
  }

  it('never follows a redirect to another origin: the other origin receives nothing and the caller gets an error', async () => {
    const other = await elsewhere();
    const proxy = await startFaultProxy(embedded.urls.vmImages!);
    const backends = createBackends(loadConfig(BASE_ENV), { ...UNUSED, ...embedded.urls, vmImages: proxy.url });
    track(() => backends.close());
    for (const status of [301, 302, 303, 307, 308] as const) {
      proxy.set((r) => ({ kind: 'redirect', status, location: `${other.url}${r.path}` }));
      const before = proxy.count();
      const listed = await failure(backends.vmImages.list(admin(), {}));
      expect(listed).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status });
      expect(listed.message).toMatch(/redirect/);
      expect(listed.message).not.toContain(other.url);
      await failure(backends.vmImages.create(admin(), { name: 'follow-me' }));
      const download = await failure(backends.vmImages.downloadData(admin(), UNKNOWN_ID));
      expect(download).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status });
      // One request each, no retries, and the token went only where it was configured to go.
      expect(proxy.requests.slice(before).map((r) => [r.method, r.token])).toEqual([
        ['GET', TOKENS.admin],
        ['POST', TOKENS.admin],
        ['GET', TOKENS.admin],
      ]);
    }
    expect(other.received).toEqual([]);
  });
});
