/**
 * Subscription fan-out: N graphql-ws subscribers on one container's logs. Reports the delivery
 * lag from the moment the gateway's poller read a line (`readAt`) to its arrival at each
 * subscriber (p50/p99), the upstream polls per second (counted by a pass-through proxy in
 * front of the containers service), and the gateway's RSS with its cost per subscriber.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { forward } from './peers/forward.js';
import WebSocket from 'ws';

export interface CountingProxy {
  url: string;
  /** Every request that passed. */
  requests: () => number;
  /** Log polls that passed (`/logs` requests). */
  polls: () => number;
  close: () => Promise<void>;
}

/**
 * A pass-through proxy in front of one backend that counts what passes: every peer of the
 * bench talks to the backends through these, so upstream calls per operation are counted the
 * same way for all of them. Keep-alive pool, bodies streamed both ways.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  let polls = 0;
  let requests = 0;
  const pool = new Pool(target, { connections: 64, keepAliveTimeout: 10_000 });
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.includes('/logs')) polls += 1;
    forward(pool, req.url ?? '/', req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    polls: () => polls,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    },
  };
}

export interface FanoutResult {
  subscribers: number;
  seconds: number;
  deliveries: number;
  lagP50Ms: number;
  lagP99Ms: number;
  upstreamPollsPerSecond: number;
  gatewayRssBaselineMb: number;
  gatewayRssPeakMb: number;
  rssPerSubscriberKb: number;
}

/**
 * One subscriber speaking graphql-ws's protocol (graphql-transport-ws) over a bare `ws` socket:
 * connection_init, subscribe, then `next` messages. A lean client on purpose: the subscribers
 * share two cores with the gateway, and the full graphql-ws client's own per-message work would
 * otherwise be a good part of the lag measured.
 */
function subscribeLean(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  sockets: WebSocket[],
  onReadAt: (readAt: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    sockets.push(socket);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('error', reject);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; payload?: { data?: { containerLogs?: { readAt?: string } } } };
      if (message.type === 'next') {
        const readAt = message.payload?.data?.containerLogs?.readAt;
        if (readAt) onReadAt(readAt);
      } else if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        resolve();
      } else if (message.type === 'error') reject(new Error(JSON.stringify(message.payload)));
    });
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function runFanout(opts: {
  gatewayUrls: string[];
  token: string;
  containerId: string;
  subscribers: number;
  seconds: number;
  /** Log polls counted so far (by the counting proxies' process). */
  polls: () => Promise<number>;
  rss: () => number;
}): Promise<FanoutResult> {
  const baseline = opts.rss();
  const sockets: WebSocket[] = [];
  const lags: number[] = [];
  const query = 'subscription($id: ID!) { containerLogs(id: $id) { readAt } }';
  let measuring = false;
  const connected: Array<Promise<void>> = [];
  for (let i = 0; i < opts.subscribers; i++) {
    const url = opts.gatewayUrls[i % opts.gatewayUrls.length]!;
    connected.push(
      subscribeLean(`${url.replace('http', 'ws')}/graphql`, opts.token, query, { id: opts.containerId }, sockets, (readAt) => {
        if (measuring) lags.push(Date.now() - Date.parse(readAt));
      }),
    );
  }
  await Promise.all(connected);
  let peak = opts.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, opts.rss())), 250);
  measuring = true;
  const pollsBefore = await opts.polls();
  await new Promise((resolve) => setTimeout(resolve, opts.seconds * 1000));
  const polls = (await opts.polls()) - pollsBefore;
  measuring = false;
  clearInterval(sampler);
  for (const socket of sockets) socket.close(1000);
  lags.sort((a, b) => a - b);
  return {
    subscribers: opts.subscribers,
    seconds: opts.seconds,
    deliveries: lags.length,
    lagP50Ms: percentile(lags, 50),
    lagP99Ms: percentile(lags, 99),
    upstreamPollsPerSecond: Math.round((polls / opts.seconds) * 100) / 100,
    gatewayRssBaselineMb: Math.round(baseline),
    gatewayRssPeakMb: Math.round(peak),
    rssPerSubscriberKb: Math.round(((peak - baseline) * 1024) / opts.subscribers),
  };
}
