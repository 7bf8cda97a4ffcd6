/**
 * `npx tsx bench/latency.ts`: where one request's time goes at concurrency 1, the case where the
 * bench's "added over the floor" figure is taken. Sequential requests (BENCH_LATENCY_REQUESTS,
 * default 2000) against the embedded VM image service and a gateway, each in its own process;
 * medians of:
 *   - `{ __typename }` through the gateway: HTTP, the fast path and the envelope, no backend;
 *   - the single entity through the gateway, and its upstream call as the gateway timed it
 *     (`X-Gantry-Trace: upstream`);
 *   - the same REST call sent straight to the service by this process.
 * Gateway total minus its upstream call is what the gateway spends itself; its upstream call
 * minus the direct call is what its backend client adds.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { BENCH_GATEWAY_ENV, firstMatch, graphql, start, stopAll, TOKEN } from './processes.js';

const REQUESTS = Number(process.env.BENCH_LATENCY_REQUESTS ?? 2000);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-latency-'));
  const embedded = start(['embedded', '--only', 'vmImages'], { GANTRY_DATA_DIR: dataDir, GANTRY_TOKEN_ADMIN: TOKEN });
  const urls = JSON.parse((await firstMatch(embedded, /^\{.*\}$/m))[0]) as Record<string, string>;
  const gateway = start([], {
    ...BENCH_GATEWAY_ENV,
    GANTRY_DATA_DIR: dataDir,
    GANTRY_VM_IMAGES_URL: urls.vmImages!,
    GANTRY_CI_IMAGES_URL: 'http://127.0.0.1:9',
    GANTRY_CONTAINER_IMAGES_URL: 'http://127.0.0.1:9',
    GANTRY_CONTAINERS_URL: 'http://127.0.0.1:9',
    GANTRY_SERVERLESS_URL: 'http://127.0.0.1:9',
  });
  const url = (await firstMatch(gateway, /Gantry is up: (http:\/\/\S+)\/graphql/))[1]!;
  const image = (await graphql(url, '{ vmImages(first: 1) { nodes { id upstreamId } } }')).data.vmImages.nodes[0] as { id: string; upstreamId: string };
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'x-gantry-trace': 'upstream' };
  const single = JSON.stringify({ query: 'query($id: ID!) { vmImage(id: $id) { id name status size diskFormat tags } }', variables: { id: image.id } });
  const typename = JSON.stringify({ query: '{ __typename }' });
  const times = { typename: [] as number[], total: [] as number[], upstream: [] as number[], direct: [] as number[] };
  for (let i = 0; i < REQUESTS; i++) {
    let started = performance.now();
    await (await request(`${url}/graphql`, { method: 'POST', headers, body: typename })).body.text();
    if (i >= 100) times.typename.push(performance.now() - started);
    started = performance.now();
    const body = (await (await request(`${url}/graphql`, { method: 'POST', headers, body: single })).body.json()) as {
      extensions: { upstream: Array<{ ms: number }> };
    };
    if (i >= 100) times.total.push(performance.now() - started);
    if (i >= 100) times.upstream.push(body.extensions.upstream[0]!.ms);
    started = performance.now();
    await (await request(`${urls.vmImages}/v2/images/${image.upstreamId}`, { headers: { 'x-auth-token': TOKEN } })).body.text();
    if (i >= 100) times.direct.push(performance.now() - started);
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(median(v) * 1000) / 1000])) as Record<keyof typeof times, number>;
  console.table({
    '{ __typename } through the gateway': m.typename,
    'single entity through the gateway': m.total,
    '  of which its upstream call': m.upstream,
    '  of which the gateway itself': Math.round((m.total - m.upstream) * 1000) / 1000,
    'the REST call, direct': m.direct,
    'backend client overhead (upstream - direct)': Math.round((m.upstream - m.direct) * 1000) / 1000,
  });
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void stopAll().then(() => process.exit()));
