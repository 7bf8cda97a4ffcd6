/**
 * What a gateway adds to one request at concurrency 1, measured as the median of paired
 * differences. Two long runs one after the other (the gateway's, then the floor's) differ by
 * whatever the machine did meanwhile: on a shared two-core VM, sequential latency drifts by
 * more than the 0.3 ms being measured (the floor alone read 0.99–1.40 ms across runs). Here
 * the gateway and the floor take turns in short slices, in ABBA order so a steady drift
 * cancels, each pair gives one difference, and the median of the differences is the figure.
 */
import autocannon from 'autocannon';
import type { Peer, PeerRequest } from './compare.js';

export interface PairedLatency {
  /** Median over pairs of (gateway mean − floor mean), ms. */
  addedMedianMs: number;
  /** Each pair's difference, ms, in the order measured. */
  pairsMs: number[];
  gatewayMeanMs: number;
  floorMeanMs: number;
  errors: number;
}

/** Mean latency of one closed-loop connection: the run's length over its requests. */
async function meanLatencyMs(peer: Peer, request: PeerRequest, seconds: number): Promise<{ meanMs: number; errors: number }> {
  const result = await autocannon({
    url: `${peer.url}${request.path}`,
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: request.body } : {}),
    connections: 1,
    duration: seconds,
  });
  return { meanMs: (result.duration * 1000) / Math.max(1, result.requests.total), errors: result.errors + result.non2xx };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round3 = (n: number) => Math.round(n * 1000) / 1000;

export async function pairedAddedLatency(options: {
  gateway: Peer;
  floor: Peer;
  gatewayRequest: PeerRequest;
  floorRequest: PeerRequest;
  pairs: number;
  sliceSeconds: number;
}): Promise<PairedLatency> {
  const pairsMs: number[] = [];
  const gatewayMeans: number[] = [];
  const floorMeans: number[] = [];
  let errors = 0;
  for (let i = 0; i < options.pairs; i++) {
    const gatewayFirst = i % 4 === 0 || i % 4 === 3;
    const order = gatewayFirst ? (['gateway', 'floor'] as const) : (['floor', 'gateway'] as const);
    const means: Record<'gateway' | 'floor', number> = { gateway: 0, floor: 0 };
    for (const side of order) {
      const run = await meanLatencyMs(options[side], side === 'gateway' ? options.gatewayRequest : options.floorRequest, options.sliceSeconds);
      means[side] = run.meanMs;
      errors += run.errors;
    }
    gatewayMeans.push(means.gateway);
    floorMeans.push(means.floor);
    pairsMs.push(round3(means.gateway - means.floor));
  }
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  return { addedMedianMs: round3(median(pairsMs)), pairsMs, gatewayMeanMs: round3(mean(gatewayMeans)), floorMeanMs: round3(mean(floorMeans)), errors };
}
