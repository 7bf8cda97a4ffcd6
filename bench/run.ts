/**
 * `npm run bench`: the embedded backends and the gateway each in their own process, driven by
 * autocannon on 127.0.0.1, bounded in time. Prints a table and writes bench/results/latest.json.
 * Per scenario: requests per second, p50/p99 latency, upstream calls per operation (from the
 * gateway's own trace), and the gateway's peak RSS during the run.
 *
 * BENCH_DURATION (seconds, default 10), BENCH_CONNECTIONS (default 16) and BENCH_TRANSFER_MIB
 * (default 1024; 0 skips the byte transfers) tune a run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { runTransfers } from './transfers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const WARMUP = 2;
const TOKEN = 'bench-admin-token';
const TRANSFER_MIB = Number(process.env.BENCH_TRANSFER_MIB ?? 1024);

interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The most upstream calls per operation allowed; the run fails above it. */
  maxCalls?: number;
}

const children: ChildProcess[] = [];
function start(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'bin/gantry.js'), ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
}

function firstMatch(child: ChildProcess, pattern: RegExp, deadlineMs = 20_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${deadlineMs} ms`)), deadlineMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, trace = false) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...(trace ? { 'x-gantry-trace': 'upstream' } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[]; extensions?: { upstream?: unknown[] } };
  if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
  return body;
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
    const embedded = start(['embedded', '--only', 'vmImages,ciImages,containerImages'], { GANTRY_DATA_DIR: dataDir, GANTRY_TOKEN_ADMIN: TOKEN });
    const urls = JSON.parse((await firstMatch(embedded, /^\{.*\}$/m))[0]) as Record<string, string>;
    const gateway = start([], {
      PORT: '0',
      GANTRY_DATA_DIR: dataDir,
      GANTRY_VM_IMAGES_URL: urls.vmImages!,
      GANTRY_CONTAINER_IMAGES_URL: urls.containerImages!,
      GANTRY_CI_IMAGES_URL: urls.ciImages!,
      // Backends not benchmarked yet still need a URL; nothing calls them.
      GANTRY_CONTAINERS_URL: 'http://127.0.0.1:9',
      GANTRY_SERVERLESS_URL: 'http://127.0.0.1:9',
    });
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
    for (const scenario of scenarios) {
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

    const transfers =
      TRANSFER_MIB > 0
        ? await runTransfers({ gatewayUrl, ciImagesUrl: urls.ciImages!, token: TOKEN, sizeMiB: TRANSFER_MIB, rss: () => rssMb(gateway.pid!) })
        : undefined;

    const report = { date: new Date().toISOString(), node: process.version, durationSeconds: DURATION, connections: CONNECTIONS, results, transfers };
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
    for (const child of children) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
