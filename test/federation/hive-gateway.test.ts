import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.js';
import { type DelayProxy, startDelayProxy } from '../helpers/delay-proxy.js';
import { compose, gantrySdl, startHiveGateway, startTeamsSubgraph, type Team } from '../helpers/federation.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';

/**
 * Gantry behind a real federation router: its subgraph composed with a "teams" subgraph by
 * @theguild/federation-composition, served by Hive Gateway (@graphql-hive/gateway), all on
 * 127.0.0.1. Queries cross both subgraphs; entity lists are counted at Gantry's upstream;
 * subscriptions go through the router to Gantry over graphql-ws; two users never meet.
 */
const SECRET = 'router-secret-for-the-tests';
const MISSING_IMAGE = Buffer.from('VmImage:00000000-0000-4000-8000-000000000000').toString('base64url');

let gantry: Gateway;
let router: string;
let vmImages: DelayProxy;
let composition: ReturnType<typeof compose>;
const teams: Team[] = [];

beforeAll(async () => {
  // The embedded fleet samples metrics every 30 s of its clock: a clock 30 times as fast samples
  // each second, so containerMetrics has events to stream within the test.
  const start = Date.now();
  const embedded = await startTestEmbedded(await tempDataDir(), undefined, () => start + (Date.now() - start) * 30);
  vmImages = await startDelayProxy(embedded.urls.vmImages!, 0);
  gantry = await startTestGateway(
    { ...embedded.urls, vmImages: vmImages.url },
    { GANTRY_SUBGRAPH: 'true', GANTRY_SUBGRAPH_ROUTER_SECRET: SECRET, GANTRY_POLL_INTERVAL_MS: '200' },
  );
  // Team "platform" holds 50 VM images; "web" the demo containers and one image that no longer exists.
  const images: string[] = [];
  for (let i = 0; i < 50; i++) {
    const created = await gqlAt(
      gantry.url,
      'mutation($name: String!) { createVmImage(input: { name: $name }) { ... on CreateVmImageSuccess { vmImage { id } } } }',
      {
        name: `team-image-${i}`,
      },
    );
    images.push(created.data.createVmImage.vmImage.id);
  }
  const listed = await gqlAt(gantry.url, '{ containers(first: 3) { nodes { upstreamId } } }');
  const containers = (listed.data.containers.nodes as Array<{ upstreamId: string }>).map((node) => node.upstreamId);
  teams.push({ id: 'platform', name: 'Platform', containers: [], images }, { id: 'web', name: 'Web', containers, images: [images[0]!, MISSING_IMAGE] });

  const teamsSubgraph = await startTeamsSubgraph(() => teams);
  composition = compose([
    { name: 'gantry', sdl: await gantrySdl(gantry.url, SECRET), url: `${gantry.url}/graphql` },
    { name: 'teams', sdl: teamsSubgraph.sdl, url: teamsSubgraph.url },
  ]);
  router = await startHiveGateway(composition.supergraphSdl!, SECRET);
}, 120_000);

const viaRouter = async (query: string, token: string = TOKENS.admin, variables: Record<string, unknown> = {}) => {
  const response = await request(router, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.body.json()) as {
    data?: any;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
};

/** Subscribes through the router over SSE until `enough` says so; the events' data, in order. */
async function streamViaRouter(query: string, id: string, enough: (events: any[]) => boolean): Promise<any[]> {
  const abort = new AbortController();
  const response = await request(router, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${TOKENS.admin}` },
    body: JSON.stringify({ query, variables: { id } }),
    signal: abort.signal,
  });
  expect(response.statusCode).toBe(200);
  const events: any[] = [];
  let buffer = '';
  try {
    for await (const chunk of response.body) {
      buffer += chunk.toString();
      const complete = buffer.slice(0, buffer.lastIndexOf('\n') + 1);
      buffer = buffer.slice(complete.length);
      for (const match of complete.matchAll(/^data: (.+)$/gm)) {
        const payload = JSON.parse(match[1]!) as { data?: unknown; errors?: unknown };
        expect(payload.errors).toBeUndefined();
        if (payload.data) events.push(payload.data);
      }
      if (enough(events)) break;
    }
  } finally {
    abort.abort();
  }
  expect(enough(events)).toBe(true);
  return events;
}

describe('Gantry behind Hive Gateway', () => {
  it('composes with a second subgraph without errors', () => {
    expect(composition.errors ?? []).toEqual([]);
    expect(composition.supergraphSdl).toContain('type Team');
    expect(composition.supergraphSdl).toMatch(/type Container[^{]*@join__type\(graph: GANTRY, key: "upstreamId"\)/);
  });

  it('answers a query that crosses both subgraphs', async () => {
    const { data, errors } = await viaRouter('{ teams { id name containers { upstreamId name state } } }');
    expect(errors).toBeUndefined();
    const web = data.teams.find((team: { id: string }) => team.id === 'web');
    const direct = await gqlAt(gantry.url, '{ containers(first: 3) { nodes { upstreamId name state } } }');
    expect(web.containers).toEqual(direct.data.containers.nodes);
    expect(web.containers).toHaveLength(3);
  });

  it('resolves 50 references with the upstream calls of the matching list, not one per reference', async () => {
    const platform = teams[0]!;
    const before = vmImages.seen.length;
    const { data, errors } = await viaRouter('{ teams { id images { id name } } }');
    const throughRouter = vmImages.seen.length - before;
    expect(errors?.filter((error) => error.path?.[1] !== 1)).toEqual([]);
    const names = data.teams.find((team: { id: string }) => team.id === 'platform').images.map((image: { name: string }) => image.name);
    expect(names).toEqual(platform.images.map((_, i) => `team-image-${i}`));
    const direct = vmImages.seen.length;
    await gqlAt(gantry.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [...platform.images, MISSING_IMAGE] });
    const asList = vmImages.seen.length - direct;
    // One `_entities` call from the router for both teams' 52 references: one `id=in:` list, plus
    // the GET that proves the missing one missing; the same as `nodes` with those ids.
    expect(throughRouter).toBe(asList);
    expect(throughRouter).toBeLessThanOrEqual(2);
  });

  it("gives a reference that no longer exists its own null and error; the team's other images resolve", async () => {
    const { data, errors } = await viaRouter('{ teams { id images { id name } } }');
    const web = data.teams.find((team: { id: string }) => team.id === 'web');
    expect(web.images[0].name).toBe('team-image-0');
    // The router keeps the key the teams subgraph gave (the id) and has nothing else for it.
    expect(web.images[1]).toEqual({ id: MISSING_IMAGE, name: null });
    expect(errors?.some((error) => error.extensions?.code === 'NOT_FOUND')).toBe(true);
  });

  it('keeps two users apart through the router: each sees what its own token sees, even interleaved', async () => {
    const visible = async (token: string) =>
      ((await gqlAt(gantry.url, '{ vmImages(first: 100) { nodes { id } } }', {}, { token })).data.vmImages.nodes as Array<{ id: string }>).map((n) => n.id);
    const adminSees = new Set(await visible(TOKENS.admin));
    const otherSees = new Set(await visible(TOKENS.other));
    const platform = teams[0]!.images;
    // The images the test made are the admin's own: the other user sees none of them.
    expect(platform.every((id) => adminSees.has(id) && !otherSees.has(id))).toBe(true);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => viaRouter('{ teams { id images { id name } } }', i % 2 === 0 ? TOKENS.admin : TOKENS.other)),
    );
    answers.forEach((answer, i) => {
      const images = answer.data.teams.find((team: { id: string }) => team.id === 'platform').images as Array<{ id: string; name: string | null }>;
      // The ids are the teams subgraph's own references; Gantry's fields say who saw what.
      if (i % 2 === 0) {
        expect(images.map((image) => image.name)).toEqual(platform.map((_, n) => `team-image-${n}`));
      } else {
        expect(images.map((image) => image.name)).toEqual(platform.map(() => null));
        expect(answer.errors?.filter((error) => error.extensions?.code === 'NOT_FOUND').length).toBeGreaterThanOrEqual(1);
      }
    });
  });

  it('forwards X-Gantry-Backend-Tokens: a caller with only a VM image token gets its images, and nothing else', async () => {
    const response = await request(router, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-gantry-backend-tokens': `vmImages=${TOKENS.admin}` },
      body: JSON.stringify({ query: '{ teams { id images { name } containers { name } } }' }),
    });
    const { data, errors } = (await response.body.json()) as { data: any; errors?: Array<{ path?: unknown[]; extensions?: Record<string, unknown> }> };
    const web = data.teams.find((team: { id: string }) => team.id === 'web');
    expect(web.images[0].name).toBe('team-image-0');
    expect(web.containers.map((container: { name: string | null } | null) => container?.name ?? null)).toEqual([null, null, null]);
    expect(errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED')).toBe(true);
  });

  it('streams containerLogs, containerMetrics and containerState through the router (client over SSE, router to Gantry over graphql-ws)', async () => {
    const listed = await gqlAt(gantry.url, '{ containers(first: 50) { nodes { id state } } }');
    const online = (listed.data.containers.nodes as Array<{ id: string; state: string }>).find((node) => node.state === 'ONLINE')!;
    const [logs, metrics, state] = await Promise.all([
      streamViaRouter(
        'subscription($id: ID!) { containerLogs(id: $id) { cursor line { message } } }',
        online.id,
        (events) => events.filter((e) => e.containerLogs.line).length >= 2,
      ),
      streamViaRouter(
        'subscription($id: ID!) { containerMetrics(id: $id) { cpuPercent memoryMegabytes timestamp } }',
        online.id,
        (events) => events.length >= 2,
      ),
      streamViaRouter('subscription($id: ID!) { containerState(id: $id) { state } }', online.id, (events) => events.length >= 1),
    ]);
    expect(new Set(logs.map((event) => event.containerLogs.cursor)).size).toBe(logs.length);
    expect(metrics[1].containerMetrics.timestamp > metrics[0].containerMetrics.timestamp).toBe(true);
    expect(state[0].containerState.state).toBe('ONLINE');
  });
});
