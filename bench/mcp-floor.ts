/**
 * `npm run bench:mcp-floor`: what an MCP tool call costs the gateway beside the same GraphQL
 * request, in CPU, and how much of that the MCP SDK's own per-call work is, so the 1.5x target
 * of the MCP scenario can be judged against what the SDK leaves.
 *
 * 1. The gateway (real processes, embedded backends): its CPU per 1,000 requests, read from
 *    /proc, for the VmImage document POSTed to /graphql and for the VmImage tool called in one
 *    MCP session (bench/mcp.ts's two requests). Throughput on a two-core machine swings with
 *    whatever else runs; CPU per request does not.
 * 2. The SDK alone, in this process, with a tool that answers a constant (no GraphQL, no HTTP):
 *    its `Server` dispatching `tools/call` from an in-memory transport, and the same through
 *    the `WebStandardStreamableHTTPServerTransport` that /mcp uses (Request in, SSE Response out).
 * Writes bench/results/mcp-floor.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { CallToolRequestSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import autocannon from 'autocannon';
import { mcpScenario } from './mcp.js';
import type { PeerRequest } from './peers/compare.js';
import { BENCH_GATEWAY_ENV, backendEnv, cpuMs, firstMatch, graphql, ROOT, start, stopAll, TOKEN } from './processes.js';

const CALLS = Number(process.env.BENCH_FLOOR_CALLS ?? 8_000);
const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The gateway's CPU per request (µs), median of ROUNDS after a warm-up round, for each request. */
async function gatewayCost(): Promise<Record<'graphql' | 'mcp', number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-mcp-floor-'));
  try {
    const embedded = start(['embedded'], { GANTRY_DATA_DIR: dataDir, GANTRY_TOKEN_ADMIN: TOKEN });
    const urls = JSON.parse((await firstMatch(embedded, /^\{.*\}$/m))[0]) as Record<string, string>;
    const gateway = start([], { ...BENCH_GATEWAY_ENV, GANTRY_DATA_DIR: dataDir, ...backendEnv(urls) });
    const url = (await firstMatch(gateway, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!;
    const image = (await graphql(url, '{ vmImages(first: 1) { nodes { id } } }')).data.vmImages.nodes[0] as { id: string };
    const { requests } = await mcpScenario(url, image);
    const ways = { graphql: requests.gantry as PeerRequest, mcp: requests['gantry-mcp'] as PeerRequest };
    const runs: Record<'graphql' | 'mcp', number[]> = { graphql: [], mcp: [] };
    for (let round = 0; round <= ROUNDS; round++) {
      for (const way of ['graphql', 'mcp'] as const) {
        const request = ways[way];
        const before = cpuMs(gateway.pid!);
        const result = await autocannon({ url: `${url}${request.path}`, ...request, idReplacement: true, connections: 16, amount: CALLS });
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${way}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        if (round > 0) runs[way].push(((cpuMs(gateway.pid!) - before) * 1000) / CALLS);
      }
    }
    return { graphql: median(runs.graphql), mcp: median(runs.mcp) };
  } finally {
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const RESULT = { vmImage: { id: 'VmImage:4a5b', name: 'cirros', status: 'ACTIVE', size: 13_287_936, diskFormat: 'QCOW2', tags: ['demo'] } };
const CALL = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'VmImage', arguments: { id: 'x' } } });

function constantServer(): Server {
  const server = new Server({ name: 'floor', version: '1' }, { capabilities: { tools: {} } });
  server.setRequestHandler(CallToolRequestSchema, async () => ({ content: [{ type: 'text', text: JSON.stringify(RESULT) }], structuredContent: RESULT }));
  return server;
}

/** CPU µs per call of `call`, over CALLS calls, after as many to warm up. */
async function perCall(call: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < CALLS; i++) await call(i);
  const before = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await call(i);
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / CALLS;
}

/** The SDK's Server alone: messages handed to it and answers taken from it in memory. */
async function protocolCost(): Promise<number> {
  const answered = new Map<number, () => void>();
  const transport: Transport = {
    start: async () => {},
    close: async () => {},
    send: async (message) => {
      JSON.stringify(message);
      answered.get((message as { id: number }).id)?.();
    },
  };
  await constantServer().connect(transport);
  return perCall(
    (i) =>
      new Promise<void>((resolve) => {
        answered.set(i, resolve);
        transport.onmessage?.(CALL(i));
      }),
  );
}

/** The Server behind the Streamable HTTP transport /mcp uses, in one session. */
async function transportCost(): Promise<number> {
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: () => 'floor' });
  await constantServer().connect(transport);
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const post = async (body: unknown, more: Record<string, string> = {}) => {
    const response = await transport.handleRequest(new Request('http://127.0.0.1/mcp', { method: 'POST', headers: { ...headers, ...more } }), {
      parsedBody: body,
    });
    return response.arrayBuffer();
  };
  await post({
    jsonrpc: '2.0',
    id: 'init',
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'floor', version: '1' } },
  });
  return perCall((i) => post(CALL(i), { 'mcp-session-id': 'floor', 'mcp-protocol-version': '2025-06-18' }));
}

async function main() {
  const gateway = await gatewayCost();
  const protocol = await protocolCost();
  const transport = await transportCost();
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    callsPerRun: CALLS,
    gatewayCpuMicrosecondsPerRequest: {
      graphql: round1(gateway.graphql),
      mcp: round1(gateway.mcp),
      ratio: round1((gateway.mcp / gateway.graphql) * 100) / 100,
    },
    sdkCpuMicrosecondsPerCall: { server: round1(protocol), serverAndStreamableHttp: round1(transport) },
    // What MCP may add to the GraphQL path for 1.5x, and what the SDK alone adds.
    budgetMicroseconds: round1(gateway.graphql * 0.5),
  };
  writeFileSync(join(ROOT, 'bench/results/mcp-floor.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.table([
    { what: 'gateway: the VmImage document POSTed to /graphql', cpuMicroseconds: report.gatewayCpuMicrosecondsPerRequest.graphql },
    { what: 'gateway: the VmImage tool called over /mcp', cpuMicroseconds: report.gatewayCpuMicrosecondsPerRequest.mcp },
    { what: 'budget: what MCP may add for 1.5x', cpuMicroseconds: report.budgetMicroseconds },
    { what: 'SDK alone: Server, a constant tool', cpuMicroseconds: report.sdkCpuMicrosecondsPerCall.server },
    { what: 'SDK alone: Server + Streamable HTTP transport', cpuMicroseconds: report.sdkCpuMicrosecondsPerCall.serverAndStreamableHttp },
  ]);
  console.log(`MCP/GraphQL CPU per request: ${report.gatewayCpuMicrosecondsPerRequest.ratio}x`);
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
