/**
 * `npm run bench:cpu-ab`: the gateway's CPU per 1,000 requests, this build against another
 * checkout's (BENCH_BASELINE, as `npm run bench` takes it), scenario by scenario.
 *
 * Why CPU, and why many processes: on a two-core machine, throughput swings with whatever else
 * runs, and one gateway process can settle 30–40% dearer per request than another of the very
 * same build (seen on the list scenarios, run after run). A comparison of one process against
 * one process then measures that luck. Here each trial starts a fresh pair of gateways, drives
 * one at a time (alternating, a fixed number of requests each) and reads what each spent from
 * `/proc/<pid>/stat`; which build goes first alternates by trial; a build's figure is the median
 * over trials of its processes' medians.
 * BENCH_AB_TRIALS (default 6), BENCH_AB_ROUNDS (default 3), BENCH_SCENARIO as in run.ts.
 * Writes bench/results/cpu-ab.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { PeerRequest } from './peers/compare.js';
import { BENCH_GATEWAY_ENV, backendEnv, cpuMs, firstMatch, graphql, ROOT, start, stopAll, TOKEN } from './processes.js';
import { benchScenarios } from './scenarios.js';

const BASELINE = process.env.BENCH_BASELINE;
const TRIALS = Number(process.env.BENCH_AB_TRIALS ?? 6);
const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 3);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Requests per measured run: a few seconds of each scenario at 16 connections. */
const AMOUNTS: Record<string, number> = { single: 20_000, three: 6_000, VM: 6_000 };
const amountOf = (name: string) => AMOUNTS[name.split(' ')[0]!.replace(':', '')] ?? 1_500;

async function main() {
  if (!BASELINE) throw new Error('set BENCH_BASELINE to the root of another checkout, built (npm run build there)');
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-cpu-ab-'));
  try {
    const embedded = start(['embedded'], { GANTRY_DATA_DIR: dataDir, GANTRY_TOKEN_ADMIN: TOKEN });
    const urls = JSON.parse((await firstMatch(embedded, /^\{.*\}$/m))[0]) as Record<string, string>;
    const env = {
      ...BENCH_GATEWAY_ENV,
      GANTRY_DATA_DIR: dataDir,
      ...backendEnv(urls),
    };
    const builds = { now: ROOT, before: BASELINE };
    const perProcess: Record<string, Record<'now' | 'before', number[]>> = {};
    for (let trial = 0; trial < TRIALS; trial++) {
      // Which build starts and runs first alternates by trial: a pair's first process can be
      // systematically dearer on a scenario than its second, whatever the build.
      const order = trial % 2 ? (['before', 'now'] as const) : (['now', 'before'] as const);
      const gateways = await Promise.all(
        order.map(async (name) => {
          const child = start([], env, undefined, builds[name]);
          return { name, child, url: (await firstMatch(child, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]! };
        }),
      );
      const image = (await graphql(gateways[0]!.url, '{ vmImages(first: 1) { nodes { id upstreamId } } }')).data.vmImages.nodes[0];
      const scenarios = benchScenarios(image).filter((s) => !process.env.BENCH_SCENARIO || s.name.includes(process.env.BENCH_SCENARIO));
      for (const scenario of scenarios) {
        const request = scenario.requests.gantry as PeerRequest;
        const amount = amountOf(scenario.name);
        const runs: Record<'now' | 'before', number[]> = { now: [], before: [] };
        // Round 0 warms both up (JIT, caches, compiled queries) and is not counted.
        for (let round = 0; round <= ROUNDS; round++) {
          for (const g of round % 2 ? [...gateways].reverse() : gateways) {
            const before = cpuMs(g.child.pid!);
            await autocannon({
              url: `${g.url}${request.path}`,
              method: request.method,
              headers: request.headers,
              body: request.body ?? '',
              connections: 16,
              amount,
            });
            if (round > 0) runs[g.name].push(((cpuMs(g.child.pid!) - before) / amount) * 1000);
          }
        }
        perProcess[scenario.name] ??= { now: [], before: [] };
        for (const name of ['now', 'before'] as const) perProcess[scenario.name]![name].push(round1(median(runs[name])));
      }
      for (const g of gateways) g.child.kill('SIGTERM');
    }
    const report = Object.entries(perProcess).map(([scenario, p]) => ({
      scenario,
      'now ms/1000': median(p.now),
      'before ms/1000': median(p.before),
      'CPU now/before': Math.round((median(p.now) / median(p.before)) * 100) / 100,
      'now, per process': p.now.join(' '),
      'before, per process': p.before.join(' '),
    }));
    writeFileSync(
      join(ROOT, 'bench/results/cpu-ab.json'),
      `${JSON.stringify({ date: new Date().toISOString(), baseline: BASELINE, trials: TRIALS, rounds: ROUNDS, report }, null, 2)}\n`,
    );
    console.log(`\nGateway CPU per 1,000 requests, ${TRIALS} trials of a fresh pair of processes, ${ROUNDS} rounds each (lower is better):`);
    console.table(report);
  } finally {
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
