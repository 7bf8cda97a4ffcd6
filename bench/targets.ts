/**
 * The HTTP targets of the bench (issue 9), checked against one run's figures: a row per target
 * with the figure and whether it is met. run.ts prints them and exits 1 when one is missed.
 */
import type { PeerResult } from './peers/compare.js';
import type { PairedLatency } from './peers/paired.js';

interface ScenarioResult {
  scenario: string;
  peers: Partial<Record<string, PeerResult>>;
}

export interface TargetRow {
  target: string;
  figure: string;
  met: boolean;
}

export function httpTargets(comparison: ScenarioResult[], serial: ScenarioResult[], added: PairedLatency | undefined): TargetRow[] {
  const rows: TargetRow[] = [];
  const find = (prefix: string) => comparison.find((c) => c.scenario.startsWith(prefix));
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? a / b : undefined);
  const single = find('single entity');
  const rps = ratio(single?.peers.gantry?.requestsPerSecond, single?.peers.hive?.requestsPerSecond);
  if (rps !== undefined) rows.push({ target: 'single entity: req/s ≥ 5x Hive Gateway', figure: `${rps.toFixed(2)}x`, met: rps >= 5 });
  const p99 = ratio(single?.peers.gantry?.latencyP99Ms, single?.peers.hive?.latencyP99Ms);
  if (p99 !== undefined) rows.push({ target: "single entity: p99 ≤ 1/3 of Hive Gateway's", figure: `${p99.toFixed(2)}x`, met: p99 <= 1 / 3 });
  if (added)
    rows.push({
      target: 'latency added over the floor at concurrency 1 < 0.3 ms',
      figure: `${added.addedMedianMs.toFixed(3)} ms`,
      met: added.addedMedianMs < 0.3,
    });
  const n1 = find('N+1');
  const n1Ratio = ratio(n1?.peers.gantry?.requestsPerSecond, n1?.peers.hive?.requestsPerSecond);
  if (n1Ratio !== undefined) {
    rows.push({
      target: 'N+1: req/s ≥ 10x Hive Gateway',
      figure: `${n1Ratio.toFixed(2)}x (upstream calls/op ${n1!.peers.gantry!.upstreamCallsPerOperation} vs ${n1!.peers.hive!.upstreamCallsPerOperation})`,
      met: n1Ratio >= 10,
    });
  }
  const mcp = find('MCP');
  const mcpRps = ratio(mcp?.peers.gantry?.requestsPerSecond, mcp?.peers['gantry-mcp']?.requestsPerSecond);
  const mcpP99 = ratio(mcp?.peers['gantry-mcp']?.latencyP99Ms, mcp?.peers.gantry?.latencyP99Ms);
  if (mcpRps !== undefined && mcpP99 !== undefined) {
    rows.push({
      target: 'MCP tool call costs at most 1.5x the same GraphQL query (req/s and p99)',
      figure: `GraphQL/MCP req/s ${mcpRps.toFixed(2)}x, MCP/GraphQL p99 ${mcpP99.toFixed(2)}x`,
      met: mcpRps <= 1.5 && mcpP99 <= 1.5,
    });
  }
  // The MCP scenario's gateway serves MCP too (its SDK and sessions): the budget is the GraphQL gateway's.
  const peaks = [...comparison.filter((c) => c !== mcp), ...serial].map((c) => c.peers.gantry?.peakRssMb).filter((mb): mb is number => typeof mb === 'number');
  if (peaks.length) {
    const peak = Math.max(...peaks);
    rows.push({ target: 'gateway RSS under load < 150 MB (every HTTP scenario)', figure: `${Math.min(...peaks)}–${peak} MB`, met: peak < 150 });
  }
  return rows;
}
