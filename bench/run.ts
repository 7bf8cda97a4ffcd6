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
import { runTransfers } from './transfers.js';
import { runFanout } from './fanout.js';
import { FEDERATION_SCENARIO, federationScenario } from './federation.js';
import { mcpScenario } from './mcp.js';
import { compare, type Peer, type Scenario } from './peers/compare.js';
import { pairedAddedLatency, type PairedLatency } from './peers/paired.js';
import { startHiveGateway } from './peers/hive.js';
import { benchScenarios } from './scenarios.js';
import { httpTargets } from './targets.js';
import { BENCH_GATEWAY_ENV, firstMatch, graphql, ROOT, rssMb, start, startProxyProcess, stopAll, TOKEN, WIDE_NODE_FLAGS } from './processes.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const WARMUP = 2;
/** Alternating runs per scenario and peer (each BENCH_DURATION / ROUNDS seconds). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
/** BENCH_PEERS=0 leaves Hive Gateway out (it needs a few hundred MB of bench dependencies). */
const PEERS = process.env.BENCH_PEERS !== '0';
const TRANSFER_MIB = Number(process.env.BENCH_TRANSFER_MIB ?? 1024);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 5000);
const FANOUT_SECONDS = Number(process.env.BENCH_FANOUT_SECONDS ?? 10);
/** Pairs of one-second slices (gateway, floor) for the latency added at concurrency 1. */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 12);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The root of another checkout with its build (`npm run build` there): its gateway runs as `gantry-before`. */
const BASELINE = process.env.BENCH_BASELINE;
/** BENCH_PLAIN=1 adds `gantry-plain`: this gateway with GANTRY_FAST_EXECUTION=false. */
const PLAIN = process.env.BENCH_PLAIN === '1';

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-bench-'));
  try {
    const embedded = start(['embedded', '--only', 'vmImages,ciImages,containerImages,containers,serverless'], {
      GANTRY_DATA_DIR: dataDir,
      GANTRY_TOKEN_ADMIN: TOKEN,
    });
    const urls = JSON.parse((await firstMatch(embedded, /^\{.*\}$/m))[0]) as Record<string, string>;
    // Every peer reaches the JSON APIs through counting proxies, the same for all of them:
    // upstream calls per operation are counted there (and the fan-out counts log polls). They
    // run in a process of their own, away from the load generator's event loop.
    const counting = await startProxyProcess('counting', {
      vmImages: urls.vmImages!,
      containerImages: urls.containerImages!,
      containers: urls.containers!,
      serverless: urls.serverless!,
    });
    const backendUrls = counting.urls;
    const counts = async () => (await (await fetch(`${counting.control}/counts`)).json()) as { requests: number; polls: Record<string, number> };
    const upstreamRequests = async () => (await counts()).requests;
    const containerPolls = async () => (await counts()).polls.containers ?? 0;
    /** One comparison with this run's settings (BENCH_DURATION, BENCH_ROUNDS, BENCH_CONNECTIONS). */
    const measure = (scenarios: Scenario[], peers: Peer[], options: { only?: string | undefined; connections?: number } = {}) =>
      compare({ scenarios, peers, seconds: DURATION, rounds: ROUNDS, connections: CONNECTIONS, warmupSeconds: WARMUP, upstreamRequests, ...options });
    const gatewayEnv = (extra: Record<string, string> = {}) => ({
      ...BENCH_GATEWAY_ENV,
      GANTRY_DATA_DIR: dataDir,
      GANTRY_VM_IMAGES_URL: backendUrls.vmImages!,
      GANTRY_CONTAINER_IMAGES_URL: backendUrls.containerImages!,
      GANTRY_CI_IMAGES_URL: urls.ciImages!,
      GANTRY_CONTAINERS_URL: backendUrls.containers!,
      GANTRY_SERVERLESS_URL: backendUrls.serverless!,
      ...extra,
    });
    const gateway = start([], gatewayEnv());
    const gatewayUrl = (await firstMatch(gateway, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!;

    const firstImage = (await graphql(gatewayUrl, '{ vmImages(first: 1) { nodes { id upstreamId } } }')).data.vmImages.nodes[0] as {
      id: string;
      upstreamId: string;
    };
    let comparison: Awaited<ReturnType<typeof compare>> = [];
    let serial: Awaited<ReturnType<typeof compare>> = [];
    let added: PairedLatency | undefined;
    let addedOverBaseline: PairedLatency | undefined;
    // BENCH_DURATION=0 skips the HTTP scenarios (to profile the fan-out alone, for instance).
    if (DURATION > 0) {
      const floor = await startProxyProcess('floor', backendUrls);
      const hive = PEERS ? await startHiveGateway(backendUrls, dataDir) : undefined;
      // The same gateway with V8's own young generation, as a peer of its own (processes.ts).
      const wide = start([], gatewayEnv(), WIDE_NODE_FLAGS);
      const wideUrl = (await firstMatch(wide, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!;
      const extra: Peer[] = [];
      if (PLAIN) {
        const plain = start([], gatewayEnv({ GANTRY_FAST_EXECUTION: 'false' }));
        extra.push({ name: 'gantry-plain', url: (await firstMatch(plain, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!, process: plain });
      }
      if (BASELINE) {
        const before = start([], gatewayEnv(), undefined, BASELINE);
        extra.push({ name: 'gantry-before', url: (await firstMatch(before, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!, process: before });
      }
      const peers: Peer[] = [
        { name: 'gantry', url: gatewayUrl, process: gateway },
        { name: 'gantry-wide', url: wideUrl, process: wide },
        ...extra,
        ...(hive ? [{ name: 'hive' as const, url: hive.url, process: hive.child }] : []),
        { name: 'floor', url: floor.urls.floor!, process: floor.child },
      ];
      const scenarios = benchScenarios(firstImage).map((s) => ({
        ...s,
        requests: { ...s.requests, 'gantry-wide': s.requests.gantry, 'gantry-plain': s.requests.gantry, 'gantry-before': s.requests.gantry },
        check: { ...s.check, 'gantry-wide': s.check?.gantry, 'gantry-plain': s.check?.gantry, 'gantry-before': s.check?.gantry },
      }));
      comparison = await measure(scenarios, peers, { only: process.env.BENCH_SCENARIO });
      // What a gateway adds to one request: concurrency 1, the single entity only.
      serial = await measure(scenarios.slice(0, 1), peers, { connections: 1 });
      // The target's figure: the gateway and the floor in turns, one-second slices (peers/paired.ts).
      added = await pairedAddedLatency({
        gateway: peers[0]!,
        floor: peers.find((p) => p.name === 'floor')!,
        gatewayRequest: scenarios[0]!.requests.gantry!,
        floorRequest: scenarios[0]!.requests.floor!,
        pairs: PAIRS,
        sliceSeconds: 1,
      });
      // Against the commit before a change, at concurrency 1: the same paired slices, the
      // baseline in the floor's place (its difference is what the change added per request).
      const before = peers.find((p) => p.name === 'gantry-before');
      if (before) {
        addedOverBaseline = await pairedAddedLatency({
          gateway: peers[0]!,
          floor: before,
          gatewayRequest: scenarios[0]!.requests.gantry!,
          floorRequest: scenarios[0]!.requests.gantry!,
          pairs: PAIRS,
          sliceSeconds: 1,
        });
      }
      // MCP beside GraphQL: the same document as a tool call and as a query, on a gateway process
      // of its own (the SDK it loads on the first /mcp request stays out of the others' memory).
      const mcpGateway = start([], gatewayEnv());
      const mcpUrl = (await firstMatch(mcpGateway, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!;
      comparison.push(
        ...(await measure(
          [await mcpScenario(mcpUrl, firstImage)],
          [
            { name: 'gantry', url: mcpUrl, process: mcpGateway },
            { name: 'gantry-mcp', url: mcpUrl },
          ],
        )),
      );
      mcpGateway.kill('SIGTERM');
      // Federation: 50 entities through Hive Gateway beside the same list asked of Gantry, on
      // processes of their own (a subgraph-mode gateway, the teams subgraph, Hive Gateway).
      if (PEERS && (!process.env.BENCH_SCENARIO || FEDERATION_SCENARIO.includes(process.env.BENCH_SCENARIO))) {
        const federated = await federationScenario(gatewayEnv, dataDir);
        comparison.push(...(await measure([federated.scenario], federated.peers)));
        for (const child of federated.processes) child.kill('SIGTERM');
      }
      // The peers are done: the fan-out and the transfers measure the gateway alone, without
      // Hive Gateway's or a second gateway's timers on the same two cores.
      for (const peer of peers) if (peer.name !== 'gantry') peer.process?.kill('SIGTERM');
    }

    let fanout: Awaited<ReturnType<typeof runFanout>> | undefined;
    let fanoutReplicas: Awaited<ReturnType<typeof runFanout>> | undefined;
    if (SUBSCRIBERS > 0) {
      const containers = (await graphql(gatewayUrl, '{ containers(first: 100) { nodes { id state } } }')).data.containers.nodes as Array<{
        id: string;
        state: string;
      }>;
      const online = containers.find((c) => c.state === 'ONLINE')!.id;
      fanout = await runFanout({
        gatewayUrls: [gatewayUrl],
        token: TOKEN,
        containerId: online,
        subscribers: SUBSCRIBERS,
        seconds: FANOUT_SECONDS,
        polls: containerPolls,
        rss: () => rssMb(gateway.pid!),
      });
      // Two more gateway processes sharing Redis, 1,000 subscribers each: still one poller.
      const replicas = [start([], gatewayEnv({ REDIS_URL })), start([], gatewayEnv({ REDIS_URL }))];
      const replicaUrls = await Promise.all(replicas.map(async (r) => (await firstMatch(r, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!));
      fanoutReplicas = await runFanout({
        gatewayUrls: replicaUrls,
        token: TOKEN,
        containerId: online,
        subscribers: 2000,
        seconds: FANOUT_SECONDS,
        polls: containerPolls,
        rss: () => rssMb(replicas[0]!.pid!),
      });
    }

    const transfers =
      TRANSFER_MIB > 0
        ? await runTransfers({ gatewayUrl, ciImagesUrl: urls.ciImages!, token: TOKEN, sizeMiB: TRANSFER_MIB, rss: () => rssMb(gateway.pid!) })
        : undefined;

    const targets = httpTargets(comparison, serial, added);
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      durationSeconds: DURATION,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      comparison,
      serial,
      serialAdded: added,
      serialAddedOverBaseline: addedOverBaseline,
      targets,
      transfers,
      fanout,
      fanoutReplicas,
    };
    writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nGantry bench: ${DURATION}s per scenario and peer (${ROUNDS} alternating rounds), ${CONNECTIONS} connections, ${process.version}\n`);
    const rows = (list: typeof comparison) =>
      list.flatMap((c) =>
        Object.entries(c.peers).map(([peer, r]) => ({
          scenario: c.scenario,
          peer,
          'req/s': r.requestsPerSecond,
          'p50 ms': r.latencyP50Ms,
          'p99 ms': r.latencyP99Ms,
          'mean ms': r.latencyMeanMs,
          'upstream calls/op': r.upstreamCallsPerOperation,
          errors: r.errors,
          'RSS MB': r.peakRssMb ?? '',
        })),
      );
    console.table(rows(comparison));
    console.table(comparison.map((c) => ({ scenario: c.scenario, ...c.ratios })));
    if (serial.length) {
      console.log('\nConcurrency 1 (what each adds to one request):');
      console.table(rows(serial));
      const difference = (serial[0]!.peers.gantry?.latencyMeanMs ?? 0) - (serial[0]!.peers.floor?.latencyMeanMs ?? 0);
      console.log(`difference of the means above: ${difference.toFixed(3)} ms`);
    }
    if (added) {
      console.log(
        `gateway latency added over the plain proxy at concurrency 1: ${added.addedMedianMs.toFixed(3)} ms (target < 0.3 ms), median of ${added.pairsMs.length} paired one-second differences [${added.pairsMs.join(', ')}]; means ${added.gatewayMeanMs} against ${added.floorMeanMs} ms`,
      );
    }
    if (addedOverBaseline) {
      console.log(
        `latency added over gantry-before at concurrency 1: ${addedOverBaseline.addedMedianMs.toFixed(3)} ms, median of ${addedOverBaseline.pairsMs.length} paired one-second differences [${addedOverBaseline.pairsMs.join(', ')}]; means ${addedOverBaseline.gatewayMeanMs} against ${addedOverBaseline.floorMeanMs} ms`,
      );
    }
    if (targets.length) {
      console.log('\nTargets:');
      console.table(targets);
      const missed = targets.filter((t) => !t.met);
      if (missed.length) {
        console.error('bench targets missed:', missed.map((t) => t.target).join('; '));
        process.exitCode = 1;
      }
    }
    if (fanout && fanoutReplicas) {
      console.log(`\nSubscription fan-out, containerLogs of one container, ${FANOUT_SECONDS}s (poll interval 2 s):`);
      console.table({
        [`1 gateway, ${fanout.subscribers} subscribers`]: fanout,
        [`2 gateways + Redis, ${fanoutReplicas.subscribers} subscribers`]: fanoutReplicas,
      });
      if (
        fanout.lagP99Ms >= 250 ||
        fanout.gatewayRssPeakMb >= 400 ||
        fanout.upstreamPollsPerSecond > 0.6 ||
        fanoutReplicas.upstreamPollsPerSecond > 0.6 ||
        fanout.deliveries === 0
      ) {
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
      console.log(
        `sha256 equal end to end: ${transfers.sha256Equal}; gateway RSS ${transfers.gatewayRssBaselineMb} MB idle, ${transfers.gatewayRssPeakMb} MB peak (+${transfers.gatewayRssRiseMb} MB)`,
      );
      if (!transfers.sha256Equal || transfers.gatewayRssRiseMb >= 64 || transfers.ratio.upload < 0.5 || transfers.ratio.download < 0.5) {
        console.error('bench targets missed: byte transfers (sha256 equal, RSS rise < 64 MB, at least half the direct speed)');
        process.exitCode = 1;
      }
    }
    const failed = comparison.flatMap((c) =>
      Object.entries(c.peers)
        .filter(([, r]) => r.errors > 0)
        .map(([peer]) => `${c.scenario} (${peer})`),
    );
    if (failed.length) {
      console.error('bench runs with errors:', failed.join(', '));
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
