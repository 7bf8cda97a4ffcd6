import { Writable } from 'node:stream';
import pino from 'pino';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackends } from '../../src/backends/index.js';
import { loadConfig } from '../../src/config.js';
import { COMPILE_AFTER_RUNS } from '../../src/overrides/use-compiled-queries.js';
import { createGateway, type Gateway } from '../../src/server.js';
import { startTestEmbedded, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';

/**
 * GANTRY_FAST_EXECUTION only changes how fast an answer comes, never the answer: the same
 * requests go to a gateway with the fast path and compiled queries on, and to one with them
 * off (every request through Yoga and graphql-js), and must come back byte for byte the same.
 * Each operation's log line and metrics say which path and executor served it.
 */

interface Served {
  gateway: Gateway;
  lines: Array<Record<string, unknown>>;
}

async function start(fast: boolean, urls: Record<string, string>): Promise<Served> {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    GANTRY_FAST_EXECUTION: String(fast),
    GANTRY_RATE_LIMIT_PER_ADDRESS: '0',
    GANTRY_RATE_LIMIT_PER_CREDENTIAL: '0',
  });
  const gateway = createGateway({ config, backends: createBackends(config, urls), logger: pino({ level: 'info' }, sink) });
  await gateway.start();
  track(() => gateway.stop());
  return { gateway, lines };
}

let fast: Served;
let plain: Served;
let vmImageId: string;

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  fast = await start(true, embedded.urls as Record<string, string>);
  plain = await start(false, embedded.urls as Record<string, string>);
  const answer = await post(fast.gateway.url, JSON.stringify({ query: '{ vmImages(first: 1) { nodes { id } } }' }), admin);
  vmImageId = JSON.parse(answer.body).data.vmImages.nodes[0].id;
});

const admin = { authorization: `Bearer ${TOKENS.admin}` };

async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return {
    status: response.statusCode,
    contentType: response.headers['content-type'],
    retryAfter: response.headers['retry-after'],
    body: await response.body.text(),
  };
}

const json = (query: string, variables?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ query, ...(variables ? { variables } : {}), ...extra });

const CASES: Array<[string, () => string, Record<string, string>]> = [
  ['a query with variables', () => json('query($id: ID!) { vmImage(id: $id) { id name status size tags } }', { id: vmImageId }), admin],
  [
    'a query asking for graphql-response+json',
    () => json('{ vmImages(first: 2) { nodes { id name } } }'),
    { ...admin, accept: 'application/graphql-response+json' },
  ],
  [
    'nested lists with aliases and fragments',
    () =>
      json(
        '{ containers(first: 5) { nodes { other: name ...C } pageInfo { hasNextPage endCursor } } } fragment C on Container { id name state image { id label requiredContainers { id } } }',
      ),
    admin,
  ],
  [
    'a missing entity beside a list',
    () => json('{ vmImage(id: "Vm1hZ2U6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw") { id } containerImages(first: 1) { nodes { id } } }'),
    admin,
  ],
  [
    'interfaces and unions',
    () => json('{ images(first: 4) { nodes { __typename id name ... on VmImage { diskFormat } } } node(id: "bm9wZQ==") { id } }'),
    admin,
  ],
  ['no credential', () => json('{ vmImages(first: 1) { nodes { id } } }'), {}],
  ['a malformed credential', () => json('{ __typename }'), { authorization: 'Basic nonsense' }],
  [
    'a reader refused a mutation',
    () => json('mutation($id: ID!) { deleteVmImage(input: { id: $id }) { __typename } }', { id: vmImageId }),
    { authorization: `Bearer ${TOKENS.reader}` },
  ],
  ['a variable of the wrong type', () => json('query($n: Int) { vmImages(first: $n) { nodes { id } } }', { n: 'many' }), admin],
  ['a required variable left out', () => json('query($id: ID!) { vmImage(id: $id) { id } }'), admin],
  ['a syntax error', () => json('{ vmImage(id: '), admin],
  ['an unknown field', () => json('{ nope }'), admin],
  ['an unknown parameter', () => json('{ __typename }', undefined, { surprise: 1 }), admin],
  ['a subscription over POST', () => json('subscription($id: ID!) { containerLogs(id: $id) { line } }', { id: 'x' }), admin],
  ['a body that is not JSON', () => '{"query": ', admin],
];

describe('GANTRY_FAST_EXECUTION on and off answer alike', () => {
  it.each(CASES)('%s', async (_name, body, headers) => {
    // Past the compile threshold, so the fast gateway's last answer is a compiled one where it can be.
    const runs = [];
    for (let i = 0; i <= COMPILE_AFTER_RUNS; i++) runs.push(await post(fast.gateway.url, body(), headers));
    const yoga = await post(plain.gateway.url, body(), headers);
    for (const run of runs) expect(run).toEqual(yoga);
  });
});

describe('which path and executor served an operation', () => {
  const query = 'query WhoServedThis { vmImages(first: 1) { nodes { id } } }';
  const servedLines = (served: Served) => served.lines.filter((line) => line.msg === 'operation' && line.operation === 'WhoServedThis');

  it('logs and counts the fast path and the compiled executor, or Yoga and graphql-js when they are off', async () => {
    for (let i = 0; i <= COMPILE_AFTER_RUNS; i++) {
      await post(fast.gateway.url, json(query), admin);
      await post(plain.gateway.url, json(query), admin);
    }
    await post(fast.gateway.url, json(query), { ...admin, origin: 'http://127.0.0.1' });
    const fastLines = servedLines(fast).map((line) => [line.transport, line.path, line.executor]);
    expect(fastLines).toEqual([
      ['http', 'fast', 'graphql-js'],
      ...Array.from({ length: COMPILE_AFTER_RUNS }, () => ['http', 'fast', 'compiled']),
      ['http', 'yoga', 'compiled'],
    ]);
    expect(new Set(servedLines(plain).map((line) => `${line.transport} ${line.path} ${line.executor}`))).toEqual(new Set(['http yoga graphql-js']));

    const metrics = await (await request(`${fast.gateway.url}/metrics`)).body.text();
    expect(metrics).toMatch(
      /gantry_operations_total\{operation="WhoServedThis",type="query",outcome="ok",transport="http",path="fast",executor="compiled"\} 2/,
    );
    const plainMetrics = await (await request(`${plain.gateway.url}/metrics`)).body.text();
    expect(plainMetrics).toMatch(
      /gantry_operations_total\{operation="WhoServedThis",type="query",outcome="ok",transport="http",path="yoga",executor="graphql-js"\} 3/,
    );
    expect(plainMetrics).not.toMatch(/executor="compiled"/);
  });
});
