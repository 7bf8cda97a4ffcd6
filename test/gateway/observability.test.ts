import { Writable } from 'node:stream';
import pino from 'pino';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackends } from '../../src/backends/index.js';
import { loadConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/server.js';
import { startTestEmbedded, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';

/** What operators see: Prometheus metrics that move, and a log line per request without a token. */

let gateway: Gateway;
const lines: string[] = [];

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', GANTRY_RATE_LIMIT_PER_ADDRESS: '0', GANTRY_RATE_LIMIT_PER_CREDENTIAL: '0' });
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  gateway = createGateway({ config, backends: createBackends(config, embedded.urls), logger: pino({ level: 'debug' }, sink) });
  await gateway.start();
  track(() => gateway.stop());
});

async function query(body: object, headers: Record<string, string> = {}) {
  const response = await request(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}`, ...headers },
    body: JSON.stringify(body),
  });
  return response.body.json() as Promise<{ data?: unknown; errors?: unknown[] }>;
}

async function scrape(): Promise<string> {
  const response = await request(`${gateway.url}/metrics`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/text\/plain/);
  return response.body.text();
}

/** The value of one sample line, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (wanted.every((label) => line.includes(label))) return Number(line.split(' ').at(-1));
  }
  return 0;
}

describe('metrics', () => {
  it('shows operations, upstream calls, breakers, subscriptions and the event loop, and the counters move after a query', async () => {
    const before = await scrape();
    const result = await query({ query: 'query ListSomeImages { vmImages(first: 2) { nodes { id } } }' });
    expect(result.errors).toBeUndefined();
    await query({ query: 'query Broken { vmImage(id: "nope") { id } }' });
    const after = await scrape();
    expect(sample(after, 'gantry_operations_total', { operation: 'ListSomeImages', outcome: 'ok' })).toBe(
      sample(before, 'gantry_operations_total', { operation: 'ListSomeImages', outcome: 'ok' }) + 1,
    );
    expect(sample(after, 'gantry_operations_total', { operation: 'Broken', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'gantry_upstream_calls_total', { backend: 'vmImages', status: '200' })).toBeGreaterThan(
      sample(before, 'gantry_upstream_calls_total', { backend: 'vmImages', status: '200' }),
    );
    expect(after).toMatch(/gantry_operation_duration_seconds_bucket\{le="0.1",type="query"\}/);
    expect(after).toMatch(/gantry_breaker_state\{backend="vmImages"\} 0/);
    expect(after).toMatch(/gantry_subscriptions_open \d+/);
    expect(after).toMatch(/gantry_nodejs_eventloop_lag_seconds/);
  });
});

describe('request logs', () => {
  it('log each operation with its request id, name, duration and upstream calls, and never a token', async () => {
    await query({ query: 'query TracedForLogs { vmImages(first: 1) { nodes { id } } }' }, { 'x-request-id': 'req-test-1234' });
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.requestId === 'req-test-1234' && l.msg === 'operation');
    expect(line).toMatchObject({ operation: 'TracedForLogs', type: 'query', upstreamCalls: 1, upstream: { vmImages: 1 } });
    expect(typeof line!.ms).toBe('number');
    // The debug lines of its upstream calls carry the same id.
    expect(lines.some((l) => l.includes('req-test-1234') && l.includes('upstream call'))).toBe(true);
    expect(lines.join('\n')).not.toContain(TOKENS.admin);
  });
});
