/**
 * Subscription fan-out: N graphql-ws subscribers on one container's logs. Reports the delivery
 * lag from the moment the gateway's poller read a line (`readAt`) to its arrival at each
 * subscriber (p50/p99), the upstream polls per second (counted by a pass-through proxy in
 * front of the containers service), and the gateway's RSS with its cost per subscriber.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';

export interface CountingProxy {
  url: string;
  polls: () => number;
  close: () => Promise<void>;
}

/** Forwards to the containers service and counts the log polls that pass. */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  let polls = 0;
  const server = createServer((req, res) => {
    if (req.url?.includes('/logs')) polls += 1;
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.connection;
    request(`${target}${req.url}`, { method: req.method as 'GET', headers, body: req.method === 'GET' ? null : req })
      .then(async (upstream) => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(upstream.headers)) if (typeof v === 'string') out[k] = v;
        res.writeHead(upstream.statusCode, out).end(Buffer.from(await upstream.body.arrayBuffer()));
      })
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    polls: () => polls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
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

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function runFanout(opts: {
  gatewayUrls: string[];
  token: string;
  containerId: string;
  subscribers: number;
  seconds: number;
  polls: () => number;
  rss: () => number;
}): Promise<FanoutResult> {
  const baseline = opts.rss();
  const clients: Client[] = [];
  const lags: number[] = [];
  const query = 'subscription($id: ID!) { containerLogs(id: $id) { readAt } }';
  let measuring = false;
  const connected: Array<Promise<void>> = [];
  for (let i = 0; i < opts.subscribers; i++) {
    const url = opts.gatewayUrls[i % opts.gatewayUrls.length]!;
    const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${opts.token}` } });
    clients.push(client);
    connected.push(new Promise((resolve) => client.on('connected', () => resolve())));
    client.subscribe(
      { query, variables: { id: opts.containerId } },
      {
        next: (result) => {
          const readAt = (result.data as { containerLogs?: { readAt: string } } | undefined)?.containerLogs?.readAt;
          if (measuring && readAt) lags.push(Date.now() - Date.parse(readAt));
        },
        error: () => {},
        complete: () => {},
      },
    );
  }
  await Promise.all(connected);
  let peak = opts.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, opts.rss())), 250);
  measuring = true;
  const pollsBefore = opts.polls();
  await new Promise((resolve) => setTimeout(resolve, opts.seconds * 1000));
  const polls = opts.polls() - pollsBefore;
  measuring = false;
  clearInterval(sampler);
  await Promise.all(clients.map((c) => c.dispose()));
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
