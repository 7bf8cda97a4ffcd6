import { createServer } from 'node:net';
import pino from 'pino';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EmbeddedServices } from '../../src/embedded/index.js';
import { startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { sendOver } from '../helpers/transports.js';
import { waitFor } from '../helpers/wait-for.js';

/** Budgets per credential, per client address, and for refused credentials; 429 with Retry-After beyond. */

let embedded: EmbeddedServices;
beforeAll(async () => {
  embedded = await startTestEmbedded(await tempDataDir());
});

const QUERY = '{ containerImages(first: 1) { nodes { id } } }';
const as = (token: string) => ({ authorization: `Bearer ${token}` });

function openSocket(url: string): Promise<{ socket: WebSocket; messages: Array<{ id?: string; type: string; payload?: any }> } | { refusedWith: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    // A refused handshake makes the socket emit an error; terminating it at teardown emits another.
    socket.on('error', () => {});
    track(() => socket.terminate());
    const messages: Array<{ id?: string; type: string; payload?: any }> = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    socket.once('unexpected-response', (_req, res) => resolve({ refusedWith: res.statusCode ?? 0 }));
    socket.once('open', () => resolve({ socket, messages }));
  });
}

describe('rate limits', () => {
  it('limits one credential (429 with Retry-After over HTTP, RATE_LIMITED over WebSocket) and leaves others alone', async () => {
    const gateway = await startTestGateway(embedded.urls, { GANTRY_RATE_LIMIT_PER_CREDENTIAL: '2' });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await sendOver('POST', gateway.url, { query: QUERY }, as(TOKENS.admin)));
    expect(answers.slice(0, 4).map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers[4]!.status).toBe(429);
    expect(answers[4]!.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const raw = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as(TOKENS.admin) },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(Number(raw.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await raw.body.dump();
    // Another credential has its own budget.
    expect((await sendOver('POST', gateway.url, { query: QUERY }, as(TOKENS.other))).status).toBe(200);

    // Over a WebSocket the same credential's operation gets RATE_LIMITED, and the socket stays.
    const opened = await openSocket(gateway.url);
    if (!('socket' in opened)) throw new Error('socket refused');
    opened.socket.send(JSON.stringify({ type: 'connection_init', payload: as(TOKENS.admin) }));
    await waitFor(() => opened.messages.some((m) => m.type === 'connection_ack'));
    opened.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: QUERY } }));
    await waitFor(() => opened.messages.some((m) => m.id === '1' && m.type === 'error'));
    expect(opened.messages.find((m) => m.id === '1')!.payload[0].extensions.code).toBe('RATE_LIMITED');
    expect(opened.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('limits one client address with 429 and Retry-After, but never the health probes', async () => {
    const gateway = await startTestGateway(embedded.urls, { GANTRY_RATE_LIMIT_PER_ADDRESS: '3' });
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      const response = await request(`${gateway.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      await response.body.dump();
    }
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    const health = await request(`${gateway.url}/healthz`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
    const upgrade = await openSocket(gateway.url);
    expect(upgrade).toEqual({ refusedWith: 429 });
  });

  it('throttles an address that keeps sending bad credentials at connection_init', async () => {
    const gateway = await startTestGateway(embedded.urls, { GANTRY_RATE_LIMIT_AUTH_FAILURES: '3' });
    for (let i = 0; i < 3; i++) {
      const opened = await openSocket(gateway.url);
      if (!('socket' in opened)) throw new Error(`attempt ${i} refused before the handshake`);
      const closed = new Promise<number>((resolve) => opened.socket.once('close', (code) => resolve(code)));
      opened.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Token not-a-bearer' } }));
      expect(await closed).toBe(4403);
    }
    // The fourth attempt does not get a socket at all.
    expect(await openSocket(gateway.url)).toEqual({ refusedWith: 429 });
    // Plain HTTP from the address is not blocked by it (the budget guards connection_init).
    expect((await sendOver('POST', gateway.url, { query: QUERY }, as(TOKENS.admin))).status).toBe(200);
  });

  it('with REDIS_URL unreachable, falls back to its own budget and warns once, naming Redis by host:port only', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const lines: Array<{ level: number; msg: string; redis?: string }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const gateway = await startTestGateway(
      embedded.urls,
      { GANTRY_RATE_LIMIT_PER_CREDENTIAL: '3', REDIS_URL: `redis://:a-redis-password@127.0.0.1:${closed}` },
      { logger },
    );
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await sendOver('POST', gateway.url, { query: '{ __typename }' }, as('fallback-token'))).status);
    // The in-process budget holds: a burst of twice the rate, then 429.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    const warnings = lines.filter((line) => line.level === 40 && /^Redis at/.test(line.msg));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.redis).toBe(`127.0.0.1:${closed}`);
    expect(warnings[0]!.msg).toMatch(/enforces its request budgets alone/);
    expect(JSON.stringify(lines)).not.toContain('a-redis-password');
  });
});
