import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.js';
import { type DelayProxy, startDelayProxy } from '../helpers/delay-proxy.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';

/**
 * Gantry as a federation subgraph (GANTRY_SUBGRAPH=true), asked directly as a router would ask
 * it: `_service`, `_entities` by each key, per-entity errors, batching counted at the upstream,
 * and the router secret. Hive Gateway in front of it is test/federation/hive-gateway.test.ts.
 */
const SECRET = 'router-secret-for-the-tests';
const ROUTER = { 'x-gantry-router-secret': SECRET };
const ENTITIES =
  'query($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on Node { id } ... on VmImage { name } ... on Container { containerName: name } ... on GpuModel { code } } }';

let subgraph: Gateway;
let vmImages: DelayProxy;
let containers: DelayProxy;

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  // Proxies in front of two backends count the calls that reach them.
  vmImages = await startDelayProxy(embedded.urls.vmImages!, 0);
  containers = await startDelayProxy(embedded.urls.containers!, 0);
  subgraph = await startTestGateway(
    { ...embedded.urls, vmImages: vmImages.url, containers: containers.url },
    { GANTRY_SUBGRAPH: 'true', GANTRY_SUBGRAPH_ROUTER_SECRET: SECRET },
  );
}, 60_000);

const asRouter = (query: string, variables?: Record<string, unknown>, token: string = TOKENS.admin) =>
  gqlAt(subgraph.url, query, variables, { token, headers: ROUTER });

/** The calls that reached a backend while `run` ran. */
async function callsDuring(proxy: DelayProxy, run: () => Promise<unknown>): Promise<number> {
  const before = proxy.seen.length;
  await run();
  return proxy.seen.length - before;
}

describe('the subgraph', () => {
  it('serves `_service { sdl }` as subgraph.graphql has it, a @key on every Node type', async () => {
    const { data, errors } = await asRouter('{ _service { sdl } }');
    expect(errors).toBeUndefined();
    const served = data._service.sdl as string;
    expect(served).toBe(readFileSync(new URL('../../subgraph.graphql', import.meta.url), 'utf8'));
    for (const type of ['VmImage', 'CiImage', 'ContainerImage', 'Container', 'ServerlessContainer', 'ContainerRevision', 'GpuModel']) {
      expect(data._service.sdl).toMatch(new RegExp(`type ${type} implements [^{]*@key\\(fields: "id"\\)`));
    }
    expect(data._service.sdl).toMatch(/type VmImage implements [^{]*@key\(fields: "upstreamId"\)/);
    expect(data._service.sdl).toMatch(/type GpuModel implements [^{]*@key\(fields: "code"\)/);
  });

  it('resolves entities by global id and by upstream id, each like the standalone lookup', async () => {
    const listed = await gqlAt(subgraph.url, '{ vmImages(first: 2) { nodes { id upstreamId name } } containers(first: 1) { nodes { id upstreamId name } } }');
    const [first, second] = listed.data.vmImages.nodes;
    const container = listed.data.containers.nodes[0];
    const { data, errors } = await asRouter(ENTITIES, {
      representations: [
        { __typename: 'VmImage', id: first.id },
        { __typename: 'VmImage', upstreamId: second.upstreamId },
        { __typename: 'Container', upstreamId: container.upstreamId },
        { __typename: 'GpuModel', code: 'a100' },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([
      { __typename: 'VmImage', id: first.id, name: first.name },
      { __typename: 'VmImage', id: second.id, name: second.name },
      { __typename: 'Container', id: container.id, containerName: container.name },
      { __typename: 'GpuModel', id: expect.any(String), code: 'a100' },
    ]);
  });

  it('gives a missing, malformed or foreign representation its own null and error; the rest resolve', async () => {
    const listed = await gqlAt(subgraph.url, '{ vmImages(first: 1) { nodes { id name } } }');
    const image = listed.data.vmImages.nodes[0];
    const { data, errors } = await asRouter(ENTITIES, {
      representations: [
        { __typename: 'VmImage', upstreamId: '00000000-0000-4000-8000-000000000000' },
        { __typename: 'Team', id: 'team-1' },
        { __typename: 'VmImage', id: 'not a global id' },
        { __typename: 'VmImage' },
        'just a string',
        { __typename: 'VmImage', id: image.id },
      ],
    });
    expect(data._entities.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(data._entities[5]).toEqual({ __typename: 'VmImage', id: image.id, name: image.name });
    const byIndex = Object.fromEntries((errors ?? []).map((error) => [error.path?.[1], error.extensions?.code]));
    expect(byIndex).toEqual({ 0: 'NOT_FOUND', 1: 'BAD_USER_INPUT', 2: 'BAD_USER_INPUT', 3: 'BAD_USER_INPUT', 4: 'BAD_USER_INPUT' });
    expect(errors?.find((error) => error.path?.[1] === 1)?.message).toContain('"Team" is not an entity of this subgraph');
  });

  it('batches 50 references of a type into the upstream calls of the matching `nodes` list', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const created = await gqlAt(
        subgraph.url,
        'mutation($name: String!) { createVmImage(input: { name: $name }) { ... on CreateVmImageSuccess { vmImage { id } } } }',
        {
          name: `federated-${i}`,
        },
      );
      ids.push(created.data.createVmImage.vmImage.id);
    }
    const asEntities = await callsDuring(vmImages, async () => {
      const { data, errors } = await asRouter(ENTITIES, { representations: ids.map((id) => ({ __typename: 'VmImage', id })) });
      expect(errors).toBeUndefined();
      expect(data._entities.map((entity: { id: string }) => entity.id)).toEqual(ids);
    });
    const asNodes = await callsDuring(vmImages, () => gqlAt(subgraph.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }));
    // Glance's `id=in:` takes them all at once.
    expect(asEntities).toBe(1);
    expect(asEntities).toBe(asNodes);

    // Containers have no multi-get: one GET each, the same as `nodes`, and never one per field.
    const list = await gqlAt(subgraph.url, '{ containers(first: 50) { nodes { id } } }');
    const containerIds = (list.data.containers.nodes as Array<{ id: string }>).map((node) => node.id);
    const representations = [...containerIds, ...containerIds].map((id) => ({ __typename: 'Container', id }));
    const containerEntities = await callsDuring(containers, () => asRouter(ENTITIES, { representations }));
    const containerNodes = await callsDuring(containers, () => gqlAt(subgraph.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: containerIds }));
    expect(containerEntities).toBe(containerIds.length);
    expect(containerEntities).toBe(containerNodes);
  });

  it('answers `_entities` and `_service` only to the router when GANTRY_SUBGRAPH_ROUTER_SECRET is set; other fields to anyone', async () => {
    const withoutSecret = await gqlAt(subgraph.url, '{ _service { sdl } }');
    expect(withoutSecret.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const wrongSecret = await gqlAt(
      subgraph.url,
      ENTITIES,
      { representations: [{ __typename: 'GpuModel', code: 'a100' }] },
      { headers: { 'x-gantry-router-secret': 'not-the-router-secret' } },
    );
    expect(wrongSecret.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(wrongSecret.data?._entities ?? null).toBeNull();
    const plain = await gqlAt(subgraph.url, '{ gpuModels(first: 1) { nodes { code } } }');
    expect(plain.errors).toBeUndefined();
  });

  it('keeps each caller to its own credential: entities resolve as the caller the router forwards', async () => {
    // An image the admin sees and the other user does not, asked of the standalone lookup.
    const seen = async (token: string) =>
      new Set(
        ((await gqlAt(subgraph.url, '{ vmImages(first: 100) { nodes { id } } }', {}, { token })).data.vmImages.nodes as Array<{ id: string }>).map((n) => n.id),
      );
    const others = await seen(TOKENS.other);
    const privateId = [...(await seen(TOKENS.admin))].find((id) => !others.has(id))!;
    expect(privateId).toBeDefined();
    const asAdmin = await asRouter(ENTITIES, { representations: [{ __typename: 'VmImage', id: privateId }] });
    expect(asAdmin.data._entities[0]?.id).toBe(privateId);
    const asOther = await asRouter(ENTITIES, { representations: [{ __typename: 'VmImage', id: privateId }] }, TOKENS.other);
    expect(asOther.data._entities).toEqual([null]);
    expect(asOther.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await gqlAt(subgraph.url, ENTITIES, { representations: [{ __typename: 'VmImage', id: privateId }] }, { token: null, headers: ROUTER });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the subgraph with trusted documents on', () => {
  it("runs the router's query plans, which carry the secret, and still refuses a client's own text", async () => {
    const embedded = await startTestEmbedded(await tempDataDir());
    const trusted = await startTestGateway(embedded.urls, {
      GANTRY_SUBGRAPH: 'true',
      GANTRY_SUBGRAPH_ROUTER_SECRET: SECRET,
      GANTRY_TRUSTED_DOCUMENTS: 'client/generated/persisted-documents.json',
    });
    const plan = await gqlAt(trusted.url, ENTITIES, { representations: [{ __typename: 'GpuModel', code: 'a100' }] }, { headers: ROUTER });
    expect(plan.errors).toBeUndefined();
    expect(plan.data._entities[0].code).toBe('a100');
    const client = await gqlAt(trusted.url, '{ gpuModels(first: 1) { nodes { code } } }');
    expect(client.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
  });
});

describe('the standalone gateway', () => {
  it('has no federation fields', async () => {
    const embedded = await startTestEmbedded(await tempDataDir());
    const standalone = await startTestGateway(embedded.urls);
    const { errors } = await gqlAt(standalone.url, '{ _service { sdl } }');
    expect(errors?.[0]?.message).toContain('Cannot query field "_service"');
  });

  it('gives a router secret no power when subgraph mode is off: trusted documents still hold for it', async () => {
    const embedded = await startTestEmbedded(await tempDataDir());
    const standalone = await startTestGateway(embedded.urls, {
      GANTRY_SUBGRAPH_ROUTER_SECRET: SECRET,
      GANTRY_TRUSTED_DOCUMENTS: 'client/generated/persisted-documents.json',
    });
    const { errors } = await gqlAt(standalone.url, '{ gpuModels(first: 1) { nodes { code } } }', {}, { headers: ROUTER });
    expect(errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
  });
});
