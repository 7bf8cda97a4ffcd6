/**
 * `npm run soak` (not in CI): the gateway under mixed load for SOAK_SECONDS (default 600) with
 * subscription churn, sampling its RSS every 5 s, then the RSS slope (least squares, MB per
 * minute) over the second half, after warm-up. A leak shows as a slope that stays positive;
 * a healthy process levels off. Writes bench/results/soak.json.
 *
 * Load: autocannon at a bounded rate over a mix of queries (a VM image by id, a list of 25,
 * container images with dependencies, serverless containers with revisions), and a churn of
 * graphql-ws sockets: every second SOAK_CHURN (default 20) new sockets subscribe to a
 * container's logs and state, and as many of the oldest leave, half of them without a goodbye.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import WebSocket from 'ws';
import { BENCH_GATEWAY_ENV, firstMatch, graphql, ROOT, rssMb, start, stopAll, TOKEN } from './processes.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CHURN = Number(process.env.SOAK_CHURN ?? 20);
const RATE = Number(process.env.SOAK_RATE ?? 400);

function slopeMbPerMinute(samples: Array<{ t: number; mb: number }>): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanT = samples.reduce((s, p) => s + p.t, 0) / n;
  const meanM = samples.reduce((s, p) => s + p.mb, 0) / n;
  const num = samples.reduce((s, p) => s + (p.t - meanT) * (p.mb - meanM), 0);
  const den = samples.reduce((s, p) => s + (p.t - meanT) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-soak-'));
  try {
    const embedded = start(['embedded'], { GANTRY_DATA_DIR: dataDir, GANTRY_TOKEN_ADMIN: TOKEN });
    const urls = JSON.parse((await firstMatch(embedded, /^\{.*\}$/m))[0]) as Record<string, string>;
    const env: Record<string, string> = { ...BENCH_GATEWAY_ENV, GANTRY_DATA_DIR: dataDir, GANTRY_POLL_INTERVAL_MS: '1000' };
    for (const [key, url] of Object.entries(urls)) env[`GANTRY_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_URL`] = url;
    const gateway = start([], env);
    const gatewayUrl = (await firstMatch(gateway, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!;

    const image = (await graphql(gatewayUrl, '{ vmImages(first: 1) { nodes { id } } }')).data.vmImages.nodes[0].id as string;
    const container = (
      (await graphql(gatewayUrl, '{ containers(first: 50) { nodes { id state } } }')).data.containers.nodes as Array<{ id: string; state: string }>
    ).find((c) => c.state === 'ONLINE')!.id;
    const bodies = [
      { query: 'query($id: ID!) { vmImage(id: $id) { id name size } }', variables: { id: image } },
      { query: '{ vmImages(first: 25) { nodes { id name tags } } }' },
      { query: '{ containerImages(first: 20) { nodes { id label requiredContainers { id label } } } }' },
      { query: '{ serverlessContainers(first: 10) { nodes { name ram { bytes } revisions(first: 3) { nodes { number } } } } }' },
    ].map((b) => JSON.stringify(b));

    const samples: Array<{ t: number; mb: number }> = [];
    const started = Date.now();
    const sampler = setInterval(() => samples.push({ t: (Date.now() - started) / 1000, mb: rssMb(gateway.pid!) }), 5000);

    // Subscription churn.
    const open: WebSocket[] = [];
    let opened = 0;
    const churn = setInterval(() => {
      for (let i = 0; i < CHURN; i++) {
        const socket = new WebSocket(`${gatewayUrl.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
        socket.on('error', () => {});
        socket.on('open', () => {
          socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKEN}` } }));
          socket.send(
            JSON.stringify({
              id: 'l',
              type: 'subscribe',
              payload: { query: 'subscription($id: ID!) { containerLogs(id: $id) { cursor } }', variables: { id: container } },
            }),
          );
          socket.send(
            JSON.stringify({
              id: 's',
              type: 'subscribe',
              payload: { query: 'subscription($id: ID!) { containerState(id: $id) { state } }', variables: { id: container } },
            }),
          );
        });
        open.push(socket);
        opened += 1;
      }
      while (open.length > CHURN * 10) {
        const old = open.shift()!;
        if (opened % 2 === 0) old.close(1000);
        else old.terminate();
      }
    }, 1000);

    const load = await autocannon({
      url: `${gatewayUrl}/graphql`,
      method: 'POST',
      connections: 8,
      overallRate: RATE,
      duration: SECONDS,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      requests: bodies.map((body) => ({ method: 'POST', body })),
    });
    clearInterval(churn);
    clearInterval(sampler);
    for (const socket of open) socket.terminate();

    const secondHalf = samples.filter((s) => s.t >= SECONDS / 2);
    const report = {
      date: new Date().toISOString(),
      seconds: SECONDS,
      requests: load.requests.total,
      errors: load.errors + load.non2xx,
      latencyP99Ms: load.latency.p99,
      socketsOpened: opened,
      rssStartMb: Math.round(samples[0]?.mb ?? 0),
      rssPeakMb: Math.round(Math.max(...samples.map((s) => s.mb))),
      rssEndMb: Math.round(samples.at(-1)?.mb ?? 0),
      rssSlopeSecondHalfMbPerMin: Math.round(slopeMbPerMinute(secondHalf) * 100) / 100,
      samples,
    };
    writeFileSync(join(ROOT, 'bench/results/soak.json'), `${JSON.stringify(report, null, 2)}\n`);
    const { samples: _omit, ...summary } = report;
    console.table(summary);
  } finally {
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
