import { createClient, type Client } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ContainersPageDocument } from '../generated/graphql.js';
import { startDelayProxy } from '../helpers/delay-proxy.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { waitFor } from '../helpers/wait-for.js';
import type { Gateway } from '../../src/server.js';

/**
 * What a log subscriber sees when things go wrong: the service loses lines, the subscriber
 * reads too slowly, the credential stops working. Real gateway, real embedded containers
 * service; its simulation runs on a clock the test drives, so hours of log lines appear at once.
 */

const LOGS = 'subscription($id: ID!) { containerLogs(id: $id) { cursor gap line { timestamp message } } }';

interface Setup {
  gateway: Gateway;
  online: string;
}

async function setup(options: { clock?: () => number; env?: Record<string, string>; proxyReply?: Parameters<typeof startDelayProxy>[1] } = {}): Promise<Setup> {
  const embedded = await startTestEmbedded(await tempDataDir(), undefined, options.clock);
  const urls = { ...embedded.urls };
  if (options.proxyReply) urls.containers = (await startDelayProxy(urls.containers!, options.proxyReply)).url;
  const gateway = await startTestGateway(urls, { GANTRY_POLL_INTERVAL_MS: '50', ...options.env });
  const { data } = await gqlAt(gateway.url, ContainersPageDocument, { first: 100 });
  return { gateway, online: data.containers!.edges.map((e) => e.node).find((c) => c.state === 'ONLINE')!.id };
}

function ws(gateway: Gateway): Client {
  const client = createClient({
    url: `${gateway.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${TOKENS.admin}` },
  });
  track(() => client.dispose());
  return client;
}

type LogEvent = { cursor: string; gap: boolean; line: { timestamp: string; message: string } };

describe('log subscriptions under faults', () => {
  it('flags a gap when more lines appeared than one poll reads, then streams on without one', async () => {
    let now = Date.now();
    const { gateway, online } = await setup({ clock: () => now });
    const iterator = ws(gateway)
      .iterate({ query: LOGS, variables: { id: online } })
      [Symbol.asyncIterator]();
    const next = async () => ((await iterator.next()).value?.data as { containerLogs: LogEvent } | undefined)?.containerLogs as LogEvent;
    // Let the poller start, then let a few lines appear.
    await waitFor(() => gateway.pollers.active.size === 1);
    now += 10_000;
    const first = await next();
    expect(first.gap).toBe(false);
    // Three hours at one line every 2 s is 5,400 lines: more than one poll reads (1,000).
    now += 3 * 3600_000;
    const events: LogEvent[] = [];
    while (!events.some((e) => e.gap) && events.length < 2000) events.push(await next());
    const gapAt = events.findIndex((e) => e.gap);
    expect(gapAt).toBeGreaterThanOrEqual(0);
    // The poll that lost lines delivered the newest 1,000 of them: the gap line and 999 more.
    for (let i = 0; i < 999; i++) events.push(await next());
    expect(events.slice(gapAt + 1).some((e) => e.gap)).toBe(false);
    const times = events.map((e) => Date.parse(e.line.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Lines before the gap came from before the jump; the gap line is from well after it.
    expect(times[gapAt]! - Date.parse(first.line.timestamp)).toBeGreaterThan(3600_000);
    now += 10_000;
    const after = await next();
    expect(after.gap).toBe(false);
    expect(Date.parse(after.line.timestamp)).toBeGreaterThanOrEqual(times.at(-1)!);
    await iterator.return?.();
    await waitFor(() => gateway.pollers.active.size === 0);
  }, 30_000);

  it('keeps a slow reader to its queue bound, drops the oldest lines and says so with a gap', async () => {
    // Simulated time runs 3,000x faster than real time: about 1,500 lines a second.
    const start = Date.now();
    const { gateway, online } = await setup({ clock: () => start + (Date.now() - start) * 3000, env: { GANTRY_SUBSCRIPTION_QUEUE_EVENTS: '200' } });
    const socket = new WebSocket(`${gateway.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    track(() => socket.terminate());
    const received: Array<{ type: string; payload?: { data?: { containerLogs: LogEvent } } }> = [];
    socket.on('message', (data) => received.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKENS.admin}` } }));
    await waitFor(() => received.some((m) => m.type === 'connection_ack'));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: LOGS, variables: { id: online } } }));
    await waitFor(() => received.some((m) => m.type === 'next'));
    // Stop reading: the kernel buffers fill, then the gateway's queue for this subscriber.
    socket.pause();
    await waitFor(() => [...gateway.pollers.active.values()].some((p) => p.backlog >= 200), 20_000);
    // The bound holds: it stays at the configured size however many more lines come.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(Math.max(...[...gateway.pollers.active.values()].map((p) => p.backlog))).toBeLessThanOrEqual(200);
    const before = received.length;
    socket.resume();
    await waitFor(() => received.slice(before).some((m) => m.payload?.data?.containerLogs.gap === true), 20_000);
    const events = received.filter((m) => m.type === 'next').map((m) => m.payload!.data!.containerLogs);
    const times = events.map((e) => Date.parse(e.line.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(events.map((e) => e.cursor)).size).toBe(events.length);
    socket.close();
    await waitFor(() => gateway.pollers.active.size === 0);
  }, 40_000);

  it('refuses with FORBIDDEN, before any line, a credential the service says lacks the scope', async () => {
    // ComputeStacks answers 404 for another user's container (NOT_FOUND, tested in
    // subscriptions.test.ts) and 403 for a token without the projects_read scope, which none of
    // the embedded principals is: the proxy plays that token's answer.
    const { gateway, online } = await setup({
      proxyReply: { reply: (method, path) => (method === 'GET' && /^\/api\/containers\/\d+$/.test(path) ? { status: 403, body: '' } : undefined) },
    });
    const iterator = ws(gateway)
      .iterate({ query: LOGS, variables: { id: online } })
      [Symbol.asyncIterator]();
    let error: unknown;
    let events = 0;
    try {
      for (let result = await iterator.next(); !result.done; result = await iterator.next()) {
        if (result.value.errors) {
          error = result.value.errors;
          break;
        }
        events += 1;
      }
    } catch (thrown) {
      error = thrown;
    }
    expect(events).toBe(0);
    expect((error as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(gateway.pollers.active.size).toBe(0);
  }, 20_000);

  it('ends the stream with UNAUTHENTICATED when the credential stops working, and stops polling', async () => {
    let revoked = false;
    const { gateway, online } = await setup({
      proxyReply: { reply: (_method, path) => (revoked && path.includes('/logs') ? { status: 401, body: { errors: ['Unauthorized'] } } : undefined) },
    });
    const iterator = ws(gateway)
      .iterate({ query: LOGS, variables: { id: online } })
      [Symbol.asyncIterator]();
    await iterator.next();
    revoked = true;
    let error: unknown;
    try {
      for (let result = await iterator.next(); !result.done; result = await iterator.next()) {
        if (result.value.errors) {
          error = result.value.errors;
          break;
        }
      }
    } catch (thrown) {
      error = thrown;
    }
    expect((error as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await waitFor(() => gateway.pollers.active.size === 0);
  }, 20_000);
});
