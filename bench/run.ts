/**
 * `npm run bench`: the embedded backends and the gateway each in their own process, driven by
 * autocannon on 127.0.0.1, bounded in time. Prints a table and writes bench/results/latest.json.
 * Per scenario: requests per second, p50/p99 latency, upstream calls per operation (from the
 * gateway's own trace), and the gateway's peak RSS during the run.
 *
 * BENCH_DURATION (seconds, default 10), BENCH_CONNECTIONS (default 16) and BENCH_TRANSFER_MIB
 * (default 1024; 0 skips the byte transfers), BENCH_SUBSCRIBERS (default 5000; 0 skips the
 * subscription fan-out) and BENCH_FANOUT_SECONDS (default 10) tune a run. The two-replica
 * fan-out uses REDIS_URL (default redis://127.0.0.1:6379).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { runTransfers } from './transfers.js';
import { runFanout, startCountingProxy } from './fanout.js';
import { BENCH_GATEWAY_ENV, closers, firstMatch, graphql, ROOT, rssMb, start, stopAll, TOKEN } from './processes.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const WARMUP = 2;
const TRANSFER_MIB = Number(process.env.BENCH_TRANSFER_MIB ?? 1024);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 5000);
const FANOUT_SECONDS = Number(process.env.BENCH_FANOUT_SECONDS ?? 10);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The most upstream calls per operation allowed; the run fails above it. */
  maxCalls?: number;
}

function load(url: string, scenario: Scenario, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} }),
  });
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-bench-'));
  try {
    const embedded = start(['embedded', '--only', 'vmImages,ciImages,containerImages,containers,serverless'], { GANTRY_DATA_DIR: dataDir, GANTRY_TOKEN_ADMIN: TOKEN });
    const urls = JSON.parse((await firstMatch(embedded, /^\{.*\}$/m))[0]) as Record<string, string>;
    // The containers service sits behind a counting proxy: the fan-out counts upstream polls.
    const proxy = await startCountingProxy(urls.containers!);
    const gatewayEnv = (extra: Record<string, string> = {}) => ({
      ...BENCH_GATEWAY_ENV,
      GANTRY_DATA_DIR: dataDir,
      GANTRY_VM_IMAGES_URL: urls.vmImages!,
      GANTRY_CONTAINER_IMAGES_URL: urls.containerImages!,
      GANTRY_CI_IMAGES_URL: urls.ciImages!,
      GANTRY_CONTAINERS_URL: proxy.url,
      GANTRY_SERVERLESS_URL: urls.serverless!,
      ...extra,
    });
    closers.push(() => proxy.close());
    const gateway = start([], gatewayEnv());
    const gatewayUrl = (await firstMatch(gateway, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!;

    const firstImage = (await graphql(gatewayUrl, '{ vmImages(first: 1) { nodes { id } } }')).data.vmImages.nodes[0].id as string;
    const scenarios: Scenario[] = [
      { name: 'vm image by id', query: 'query($id: ID!) { vmImage(id: $id) { id name status size diskFormat tags } }', variables: { id: firstImage }, maxCalls: 1 },
      { name: 'vm images, list of 25 with nested fields', query: '{ vmImages(first: 25) { edges { cursor node { id name status size tags properties { name value } } } } }', maxCalls: 1 },
      {
        name: '100 container images, 2 levels of dependencies',
        query: '{ containerImages(first: 100) { nodes { id label requiredContainers { id label requiredContainers { id label } } requiredBy { id } } } }',
        maxCalls: 3,
      },
    ];

    const results = [];
    // BENCH_DURATION=0 skips the HTTP scenarios (to profile the fan-out alone, for instance).
    for (const scenario of DURATION > 0 ? scenarios : []) {
      const traced = await graphql(gatewayUrl, scenario.query, scenario.variables, true);
      const calls = traced.extensions?.upstream?.length ?? 0;
      await load(gatewayUrl, scenario, WARMUP);
      let peak = rssMb(gateway.pid!);
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(gateway.pid!))), 250);
      const run = await load(gatewayUrl, scenario, DURATION);
      clearInterval(sampler);
      results.push({
        scenario: scenario.name,
        requestsPerSecond: Math.round(run.requests.average),
        latencyP50Ms: run.latency.p50,
        latencyP99Ms: run.latency.p99,
        upstreamCallsPerOperation: calls,
        maxUpstreamCalls: scenario.maxCalls ?? null,
        errors: run.errors + run.non2xx,
        gatewayPeakRssMb: Math.round(peak),
      });
    }

    let fanout;
    let fanoutReplicas;
    if (SUBSCRIBERS > 0) {
      const containers = (await graphql(gatewayUrl, '{ containers(first: 100) { nodes { id state } } }')).data.containers.nodes as Array<{ id: string; state: string }>;
      const online = containers.find((c) => c.state === 'ONLINE')!.id;
      fanout = await runFanout({ gatewayUrls: [gatewayUrl], token: TOKEN, containerId: online, subscribers: SUBSCRIBERS, seconds: FANOUT_SECONDS, polls: proxy.polls, rss: () => rssMb(gateway.pid!) });
      // Two more gateway processes sharing Redis, 1,000 subscribers each: still one poller.
      const replicas = [start([], gatewayEnv({ REDIS_URL })), start([], gatewayEnv({ REDIS_URL }))];
      const replicaUrls = await Promise.all(replicas.map(async (r) => (await firstMatch(r, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!));
      fanoutReplicas = await runFanout({ gatewayUrls: replicaUrls, token: TOKEN, containerId: online, subscribers: 2000, seconds: FANOUT_SECONDS, polls: proxy.polls, rss: () => rssMb(replicas[0]!.pid!) });
    }

    const transfers =
      TRANSFER_MIB > 0
        ? await runTransfers({ gatewayUrl, ciImagesUrl: urls.ciImages!, token: TOKEN, sizeMiB: TRANSFER_MIB, rss: () => rssMb(gateway.pid!) })
        : undefined;

    const report = { date: new Date().toISOString(), node: process.version, durationSeconds: DURATION, connections: CONNECTIONS, results, transfers, fanout, fanoutReplicas };
    writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nGantry bench: ${DURATION}s per scenario, ${CONNECTIONS} connections, ${process.version}\n`);
    console.table(
      results.map((r) => ({
        scenario: r.scenario,
        'req/s': r.requestsPerSecond,
        'p50 ms': r.latencyP50Ms,
        'p99 ms': r.latencyP99Ms,
        'upstream calls/op': r.upstreamCallsPerOperation,
        'errors': r.errors,
        'gateway RSS MB': r.gatewayPeakRssMb,
      })),
    );
    if (fanout && fanoutReplicas) {
      console.log(`\nSubscription fan-out, containerLogs of one container, ${FANOUT_SECONDS}s (poll interval 2 s):`);
      console.table({
        [`1 gateway, ${fanout.subscribers} subscribers`]: fanout,
        [`2 gateways + Redis, ${fanoutReplicas.subscribers} subscribers`]: fanoutReplicas,
      });
      if (fanout.lagP99Ms >= 250 || fanout.gatewayRssPeakMb >= 400 || fanout.upstreamPollsPerSecond > 0.6 || fanoutReplicas.upstreamPollsPerSecond > 0.6 || fanout.deliveries === 0) {
        console.error('bench targets missed: fan-out (p99 < 250 ms, RSS < 400 MB, one poll per interval)');
        process.exitCode = 1;
      }
    }
    if (transfers) {
      console.log(`\nByte transfers, ${transfers.sizeMiB} MiB QCOW2 file (CI images):`);
      console.table({
        'direct to backend': { 'upload MB/s': transfers.direct.uploadMBs, 'download MB/s': transfers.direct.downloadMBs },
        'through gateway': { 'upload MB/s': transfers.gateway.uploadMBs, 'download MB/s': transfers.gateway.downloadMBs },
        'gateway / direct': { 'upload MB/s': transfers.ratio.upload, 'download MB/s': transfers.ratio.download },
      });
      console.log(`sha256 equal end to end: ${transfers.sha256Equal}; gateway RSS ${transfers.gatewayRssBaselineMb} MB idle, ${transfers.gatewayRssPeakMb} MB peak (+${transfers.gatewayRssRiseMb} MB)`);
      if (!transfers.sha256Equal || transfers.gatewayRssRiseMb >= 64 || transfers.ratio.upload < 0.5 || transfers.ratio.download < 0.5) {
        console.error('bench targets missed: byte transfers (sha256 equal, RSS rise < 64 MB, at least half the direct speed)');
        process.exitCode = 1;
      }
    }
    const over = results.filter((r) => r.maxUpstreamCalls !== null && r.upstreamCallsPerOperation > r.maxUpstreamCalls);
    const failed = results.filter((r) => r.errors > 0);
    if (over.length || failed.length) {
      console.error('bench targets missed:', JSON.stringify({ over, failed }));
      process.exitCode = 1;
    }
  } finally {
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
// Sockets of disposed subscription clients may linger a moment; the report is written.
process.exit(process.exitCode ?? 0);
