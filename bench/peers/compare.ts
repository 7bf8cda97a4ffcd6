/**
 * Side by side, on the same backends: Gantry, Hive Gateway over a Mesh-composed supergraph,
 * and the floor (a plain undici reverse proxy sending the equivalent REST call). Per scenario
 * and peer: a warm-up, then ROUNDS alternating runs (gantry, gantry-wide, hive, floor, gantry, …) whose
 * results are averaged, upstream calls per operation (counted by the counting proxies every
 * peer talks through), and the peer's peak RSS.
 */
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { rssMb, TOKEN } from '../processes.js';

/**
 * `gantry-wide`: the same gateway with V8's own young generation (WIDE_NODE_FLAGS in
 * processes.ts); `gantry-plain`: the same gateway with GANTRY_FAST_EXECUTION=false
 * (BENCH_PLAIN=1); `gantry-before`: another checkout's build (BENCH_BASELINE=<its root>).
 */
export type PeerName = 'gantry' | 'gantry-wide' | 'gantry-plain' | 'gantry-before' | 'gantry-mcp' | 'hive' | 'floor';

export interface PeerRequest {
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface Scenario {
  name: string;
  /** What each peer is sent; a peer without an entry does not run the scenario. */
  requests: Partial<Record<PeerName, PeerRequest>>;
  /** Checks one answer of a peer (so a peer answering errors fast cannot win). */
  check?: Partial<Record<PeerName, (body: any) => boolean>>;
}

export interface Peer {
  name: PeerName;
  url: string;
  process?: ChildProcess;
}

export interface PeerResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  upstreamCallsPerOperation: number;
  errors: number;
  peakRssMb: number | null;
}

const auth = { authorization: `Bearer ${TOKEN}`, 'x-auth-token': TOKEN };

/** A GraphQL POST as every GraphQL peer gets it (both credential headers: each peer forwards the one its backend wants). */
export function graphqlRequest(query: string, variables: Record<string, unknown> = {}): PeerRequest {
  return { path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query, variables }) };
}

/** A REST call through the floor proxy: `/<backendKey>/<path>`. */
export function restRequest(backend: string, path: string): PeerRequest {
  return { path: `/${backend}${path}`, method: 'GET', headers: auth };
}

async function once(peer: Peer, request: PeerRequest): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${peer.url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: request.body } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // the floor may answer something that is not JSON; the status says enough
  }
  return { status: response.status, body };
}

function drive(peer: Peer, request: PeerRequest, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${peer.url}${request.path}`,
    method: request.method,
    connections,
    duration: seconds,
    headers: request.headers,
    ...(request.body ? { body: request.body } : {}),
    // `[<id>]` in a body becomes a fresh id per request: JSON-RPC calls (MCP) need their own.
    idReplacement: true,
  });
}

export async function compare(options: {
  scenarios: Scenario[];
  peers: Peer[];
  seconds: number;
  rounds: number;
  connections: number;
  warmupSeconds: number;
  /** Only scenarios whose name contains this (BENCH_SCENARIO). */
  only?: string;
  /** Total upstream requests seen so far by the counting proxies. */
  upstreamRequests: () => Promise<number>;
}): Promise<Array<{ scenario: string; peers: Partial<Record<PeerName, PeerResult>>; ratios: Record<string, number | null> }>> {
  const out = [];
  for (const scenario of options.scenarios.filter((s) => !options.only || s.name.includes(options.only))) {
    const peers = options.peers.filter((p) => scenario.requests[p.name]);
    const calls = new Map<PeerName, number>();
    for (const peer of peers) {
      const request = scenario.requests[peer.name]!;
      // The fewest calls over a few sequential requests: background calls (readiness probes,
      // a previous run's stragglers) can only add, never remove.
      let answer = await once(peer, request);
      let fewest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 5; i++) {
        const before = await options.upstreamRequests();
        answer = await once(peer, request);
        fewest = Math.min(fewest, (await options.upstreamRequests()) - before);
      }
      calls.set(peer.name, fewest);
      const ok = answer.status < 400 && (scenario.check?.[peer.name]?.(answer.body) ?? true);
      if (!ok) throw new Error(`${peer.name} cannot run "${scenario.name}": ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      await drive(peer, request, options.warmupSeconds, options.connections);
    }
    const runs = new Map<PeerName, autocannon.Result[]>();
    const peaks = new Map<PeerName, number>();
    for (let round = 0; round < options.rounds; round++) {
      for (const peer of peers) {
        let peak = peer.process?.pid ? rssMb(peer.process.pid) : 0;
        const sampler = setInterval(() => {
          if (peer.process?.pid) peak = Math.max(peak, rssMb(peer.process.pid));
        }, 250);
        const result = await drive(peer, scenario.requests[peer.name]!, options.seconds / options.rounds, options.connections);
        clearInterval(sampler);
        runs.set(peer.name, [...(runs.get(peer.name) ?? []), result]);
        peaks.set(peer.name, Math.max(peaks.get(peer.name) ?? 0, peak));
      }
    }
    const results: Partial<Record<PeerName, PeerResult>> = {};
    for (const peer of peers) {
      const rs = runs.get(peer.name)!;
      const mean = (f: (r: autocannon.Result) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
      results[peer.name] = {
        requestsPerSecond: Math.round(mean((r) => r.requests.average)),
        latencyP50Ms: Math.round(mean((r) => r.latency.p50) * 100) / 100,
        latencyP99Ms: Math.round(mean((r) => r.latency.p99) * 100) / 100,
        // Closed loop: each connection sends its next request when the last answer arrives, so
        // the mean latency is connections / throughput, exact where autocannon's histogram
        // only has whole milliseconds.
        latencyMeanMs: Math.round((options.connections / mean((r) => r.requests.average)) * 1_000_000) / 1000,
        upstreamCallsPerOperation: calls.get(peer.name)!,
        errors: rs.reduce((s, r) => s + r.errors + r.non2xx, 0),
        peakRssMb: peer.process?.pid ? Math.round(peaks.get(peer.name)!) : null,
      };
    }
    const g = results.gantry;
    const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? Math.round((a / b) * 100) / 100 : null);
    out.push({
      scenario: scenario.name,
      peers: results,
      ratios: {
        'rps gantry/hive': ratio(g?.requestsPerSecond, results.hive?.requestsPerSecond),
        'p99 gantry/hive': ratio(g?.latencyP99Ms, results.hive?.latencyP99Ms),
        'rps gantry/floor': ratio(g?.requestsPerSecond, results.floor?.requestsPerSecond),
        'rps wide/hive': ratio(results['gantry-wide']?.requestsPerSecond, results.hive?.requestsPerSecond),
        'rps gantry/wide': ratio(g?.requestsPerSecond, results['gantry-wide']?.requestsPerSecond),
        ...(results['gantry-plain'] ? { 'rps gantry/plain': ratio(g?.requestsPerSecond, results['gantry-plain'].requestsPerSecond) } : {}),
        ...(results['gantry-mcp']
          ? {
              'rps mcp/graphql': ratio(results['gantry-mcp'].requestsPerSecond, g?.requestsPerSecond),
              'p99 mcp/graphql': ratio(results['gantry-mcp'].latencyP99Ms, g?.latencyP99Ms),
            }
          : {}),
        ...(results['gantry-before']
          ? {
              'rps gantry/before': ratio(g?.requestsPerSecond, results['gantry-before'].requestsPerSecond),
              'p99 gantry/before': ratio(g?.latencyP99Ms, results['gantry-before'].latencyP99Ms),
            }
          : {}),
      },
    });
  }
  return out;
}
