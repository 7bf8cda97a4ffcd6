/**
 * The federation scenario: an entity list of 50 VM images resolved through Hive Gateway, beside
 * the same 50 asked of Gantry directly (`nodes(ids)`). The supergraph is Gantry's subgraph
 * (GANTRY_SUBGRAPH=true, a process of its own) composed with a small "teams" subgraph
 * (peers/teams.ts) by @theguild/federation-composition; Hive Gateway runs from its CLI with a
 * config that forwards the caller's token and the router secret, as docs/federation.md says.
 * Both peers reach the VM image service through the same counting proxy, so upstream calls per
 * operation compare directly.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { graphqlRequest, type Peer, type Scenario } from './peers/compare.js';
import { children, firstMatch, graphql, ROOT, start, TOKEN } from './processes.js';

// Composition from the gateway's own node_modules, with the graphql it uses (the bench's
// dependencies hold another copy).
const fromRoot = createRequire(new URL('../package.json', import.meta.url));
const { composeServices } = fromRoot('@theguild/federation-composition') as typeof import('@theguild/federation-composition');
const { parse } = fromRoot('graphql') as typeof import('graphql');

const SECRET = 'bench-router-secret-0123456789';
const IMAGES = 50;
export const FEDERATION_SCENARIO = `Federation: ${IMAGES} VM images by reference (Hive Gateway over the subgraph) beside nodes(ids) on Gantry`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function federationScenario(
  gatewayEnv: (extra: Record<string, string>) => Record<string, string>,
  dir: string,
): Promise<{ scenario: Scenario; peers: Peer[]; processes: ChildProcess[] }> {
  const subgraph = start([], gatewayEnv({ GANTRY_SUBGRAPH: 'true', GANTRY_SUBGRAPH_ROUTER_SECRET: SECRET }));
  const gantryUrl = (await firstMatch(subgraph, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!;
  const ids: string[] = [];
  for (let i = 0; i < IMAGES; i++) {
    const created = await graphql(
      gantryUrl,
      'mutation($name: String!) { createVmImage(input: { name: $name }) { ... on CreateVmImageSuccess { vmImage { id } } } }',
      {
        name: `bench-federated-${i}`,
      },
    );
    ids.push(created.data.createVmImage.vmImage.id);
  }

  const teams = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/peers/teams.ts'), JSON.stringify(ids)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(teams);
  const teamsUrl = (JSON.parse((await firstMatch(teams, /^\{.*\}$/m))[0]) as { url: string }).url;

  const sdlOf = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    return ((await response.json()) as { data: { _service: { sdl: string } } }).data._service.sdl;
  };
  const composed = composeServices([
    {
      name: 'gantry',
      typeDefs: parse(await sdlOf(`${gantryUrl}/graphql`, { 'x-gantry-router-secret': SECRET, authorization: `Bearer ${TOKEN}` })),
      url: `${gantryUrl}/graphql`,
    },
    { name: 'teams', typeDefs: parse(await sdlOf(teamsUrl)), url: teamsUrl },
  ]);
  if (!composed.supergraphSdl) throw new Error(`composition failed: ${composed.errors?.map((error) => error.message).join('; ')}`);
  writeFileSync(join(dir, 'federated-supergraph.graphql'), composed.supergraphSdl);
  // The router config docs/federation.md gives: the caller's token and the secret, to gantry only.
  writeFileSync(
    join(dir, 'gateway.config.mjs'),
    `export const gatewayConfig = { transportEntries: { gantry: { headers: [['authorization', '{context.headers.authorization}'], ['x-gantry-router-secret', ${JSON.stringify(SECRET)}]] } } };\n`,
  );
  const port = await freePort();
  const hive = spawn(
    join(ROOT, 'bench/node_modules/.bin/hive-gateway'),
    ['supergraph', join(dir, 'federated-supergraph.graphql'), '--config-path', join(dir, 'gateway.config.mjs'), '--host', '127.0.0.1', '--port', String(port)],
    { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(hive);
  hive.stderr!.on('data', (chunk: Buffer) => hive.stdout!.emit('data', chunk));
  await firstMatch(hive, /Listening on/, 60_000);

  const named = (images: Array<{ name?: string } | null>) => images.length === IMAGES && images.every((image, i) => image?.name === `bench-federated-${i}`);
  return {
    scenario: {
      name: FEDERATION_SCENARIO,
      requests: {
        gantry: graphqlRequest('query($ids: [ID!]!) { nodes(ids: $ids) { ... on VmImage { id name } } }', { ids }),
        hive: graphqlRequest('{ teams { id images { id name } } }'),
      },
      check: {
        gantry: (body) => named(body?.data?.nodes ?? []),
        hive: (body) => !body?.errors && named(body?.data?.teams?.[0]?.images ?? []),
      },
    },
    peers: [
      { name: 'gantry', url: gantryUrl, process: subgraph },
      { name: 'hive', url: `http://127.0.0.1:${port}`, process: hive },
    ],
    processes: [subgraph, teams, hive],
  };
}
