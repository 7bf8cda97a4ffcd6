import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ContainersPageDocument } from '../generated/graphql.js';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { waitFor } from '../helpers/wait-for.js';
import type { Gateway } from '../../src/server.js';

/**
 * A hostile client's streams: whatever graphql-transport-ws frames it sends, in whatever order,
 * and however it leaves, no poller outlives it. Upstream polls are counted at a proxy in front
 * of the real embedded containers service; the access check each subscribe makes first is
 * slowed there, so frames land while a stream is still being set up.
 */

const INTERVAL_MS = 80;
/** The slowest access check the proxy makes: a stream set up by then is ended by its caller's end. */
const SETUP_MS = 60;
const STREAMS = {
  logs: 'subscription($id: ID!) { containerLogs(id: $id) { cursor } }',
  metrics: 'subscription($id: ID!) { containerMetrics(id: $id) { timestamp } }',
  state: 'subscription($id: ID!) { containerState(id: $id) { state } }',
} as const;
type Stream = keyof typeof STREAMS;

let gateway: Gateway;
let proxy: FaultProxy;
let containerIds: string[];

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  proxy = await startFaultProxy(embedded.urls.containers!);
  // The access check (GET of one container) is slow, at a latency the test picks per request.
  gateway = await startTestGateway({ ...embedded.urls, containers: proxy.url }, { GANTRY_POLL_INTERVAL_MS: String(INTERVAL_MS) });
  const { data } = await gqlAt(gateway.url, ContainersPageDocument, { first: 100 });
  containerIds = data.containers!.edges.map((e) => e.node.id);
});

const polls = () => proxy.count({ method: 'GET', path: /^\/api\/containers\/\d+/ });

/** After the caller has gone: no stream is left, and the proxy sees no poll for three intervals. */
async function expectNoPollsAfterEnd(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, SETUP_MS + INTERVAL_MS * 1.2));
  await waitFor(() => gateway.pollers.active.size === 0, { deadlineMs: 2_000, what: 'every poller stopped' });
  const before = polls();
  await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS * 3));
  expect(polls() - before).toBe(0);
  expect(gateway.pollers.callers.size).toBe(0);
}

async function openSocket(token = TOKENS.admin): Promise<WebSocket> {
  const socket = new WebSocket(`${gateway.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  socket.on('error', () => {});
  track(() => socket.terminate());
  await new Promise((resolve) => socket.once('open', resolve));
  const acked = new Promise<void>((resolve) =>
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type === 'connection_ack') resolve();
    }),
  );
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await acked;
  return socket;
}

const subscribe = (socket: WebSocket, id: string, stream: Stream, container = containerIds[0]!) =>
  socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: STREAMS[stream], variables: { id: container } } }));
const complete = (socket: WebSocket, id: string) => socket.send(JSON.stringify({ id, type: 'complete' }));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ends the socket the way a client might: a close frame, or the TCP connection dropped. */
async function drop(socket: WebSocket, how: 'close' | 'terminate'): Promise<void> {
  // The gateway may have closed it already (4409 for a subscribe on an id in use).
  if (socket.readyState === WebSocket.CLOSED) return;
  const closed = new Promise((resolve) => socket.once('close', resolve));
  if (how === 'close') socket.close(1000);
  else socket.terminate();
  await closed;
}

describe('streams end with their caller, whatever the frames', () => {
  beforeAll(() => {
    proxy.set((request) => (/^\/api\/containers\/\d+$/.test(request.path) ? { kind: 'pass', latencyMs: SETUP_MS } : undefined));
  });

  for (const how of ['close', 'terminate'] as const) {
    it(`subscribe, complete, subscribe again with the same id, then ${how}`, async () => {
      const socket = await openSocket();
      subscribe(socket, '1', 'logs');
      complete(socket, '1');
      subscribe(socket, '1', 'logs');
      await pause(SETUP_MS * 2 + INTERVAL_MS * 2);
      await drop(socket, how);
      await expectNoPollsAfterEnd();
    });
  }

  it('several subscribe+complete pairs on one id, then a subscribe, then a drop', async () => {
    const socket = await openSocket();
    for (let i = 0; i < 4; i++) {
      subscribe(socket, 'x', 'metrics');
      complete(socket, 'x');
    }
    subscribe(socket, 'x', 'metrics');
    await pause(SETUP_MS * 2 + INTERVAL_MS * 2);
    await drop(socket, 'terminate');
    await expectNoPollsAfterEnd();
  });

  it('while the socket stays open, a completed stream set up late leaves no poller', async () => {
    const socket = await openSocket();
    subscribe(socket, 'y', 'state');
    complete(socket, 'y');
    subscribe(socket, 'y', 'state');
    complete(socket, 'y');
    await expectNoPollsAfterEnd();
    expect(socket.readyState).toBe(WebSocket.OPEN);
    await drop(socket, 'close');
  });

  it('an SSE request aborted while its first access check is in flight', async () => {
    const abort = new AbortController();
    const response = fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${TOKENS.admin}` },
      body: JSON.stringify({ query: STREAMS.logs, variables: { id: containerIds[0] } }),
      signal: abort.signal,
    }).catch(() => undefined);
    await pause(SETUP_MS / 3);
    abort.abort();
    await response;
    await expectNoPollsAfterEnd();
  });

  it('as a property: random frame orders, id reuse, completes, delays and drops leave no poller', async () => {
    const frame = fc.oneof(
      fc.record({ kind: fc.constant('subscribe' as const), id: fc.constantFrom('a', 'b'), stream: fc.constantFrom<Stream>('logs', 'metrics', 'state') }),
      fc.record({ kind: fc.constant('complete' as const), id: fc.constantFrom('a', 'b') }),
      fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: SETUP_MS + 20 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 8 }), fc.constantFrom('close' as const, 'terminate' as const), async (frames, how) => {
        const socket = await openSocket();
        for (const f of frames) {
          if (f.kind === 'subscribe') subscribe(socket, f.id, f.stream);
          else if (f.kind === 'complete') complete(socket, f.id);
          else await pause(f.ms);
        }
        await drop(socket, how);
        await expectNoPollsAfterEnd();
      }),
      // A failing sequence is reported as is: shrinking would replay seconds-long runs.
      { numRuns: 20, endOnFailure: true, timeout: 10_000 },
    );
  }, 60_000);
});

describe('the poll budget of one credential', () => {
  it('refuses a stream whose poller would take the credential past its upstream polls per second', async () => {
    const embedded = await startTestEmbedded(await tempDataDir(), ['containers']);
    // Polls every second: logs and state cost 1 a second each, metrics 2; the budget is 3.
    const limited = await startTestGateway(
      {
        ...embedded.urls,
        vmImages: 'http://127.0.0.1:9',
        ciImages: 'http://127.0.0.1:9',
        containerImages: 'http://127.0.0.1:9',
        serverless: 'http://127.0.0.1:9',
      },
      { GANTRY_POLL_INTERVAL_MS: '1000', GANTRY_MAX_POLLS_PER_SECOND_PER_CALLER: '3' },
    );
    const ids = (await gqlAt(limited.url, ContainersPageDocument, { first: 10 })).data.containers!.edges.map((e) => e.node.id);
    const socket = new WebSocket(`${limited.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    track(() => socket.terminate());
    const messages: Array<{ id?: string; type: string; payload?: any }> = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKENS.admin}` } }));
    await waitFor(() => messages.some((m) => m.type === 'connection_ack'));
    const first = (id: string) => messages.find((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
    const pollerOf = (stream: Stream) => [...limited.pollers.active.keys()].some((key) => key.includes(`|${stream}|`));
    subscribe(socket, '1', 'state', ids[0]!);
    await waitFor(() => first('1') !== undefined);
    expect(first('1')!.payload.errors).toBeUndefined();
    subscribe(socket, '2', 'metrics', ids[0]!);
    await waitFor(() => pollerOf('metrics'));
    // A third poller (1 more a second) would make 4: refused, and no poller started for it.
    subscribe(socket, '3', 'logs', ids[1]!);
    await waitFor(() => first('3') !== undefined);
    // A subscription field that throws while setting up answers with its error (GraphQL's
    // subscribe semantics), then completes.
    expect(first('3')!.payload.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(pollerOf('logs')).toBe(false);
    // Joining a poller the credential already has costs nothing.
    subscribe(socket, '4', 'state', ids[0]!);
    await waitFor(() => first('4') !== undefined);
    expect(first('4')!.payload.errors).toBeUndefined();
    // Another credential has a budget of its own.
    const other = await gqlAt(limited.url, ContainersPageDocument, { first: 10 }, { token: TOKENS.other });
    const otherId = other.data.containers!.edges[0]!.node.id;
    {
      const answer = await new Promise<{ type: string; payload: { errors?: unknown } }>((resolve) => {
        const s = new WebSocket(`${limited.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
        track(() => s.terminate());
        s.on('open', () => s.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKENS.other}` } })));
        s.on('message', (data) => {
          const m = JSON.parse(String(data)) as { type: string };
          if (m.type === 'connection_ack')
            s.send(JSON.stringify({ id: 'o', type: 'subscribe', payload: { query: STREAMS.state, variables: { id: otherId } } }));
          else if (m.type === 'next' || m.type === 'error') resolve(m as never);
        });
      });
      expect(answer.payload.errors).toBeUndefined();
    }
    // Closing the streams gives the budget back.
    await drop(socket, 'close');
    await waitFor(() => limited.pollers.pollRates.size <= 1);
  });
});
