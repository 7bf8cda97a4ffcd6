import { beforeAll, describe, expect, it } from 'vitest';
import {
  ContainerImageByIdDocument,
  ContainerImageDependenciesDocument,
  ContainerImagesPageDocument,
  CreateContainerImageDocument,
  DeleteContainerImageDocument,
  UpdateContainerImageDocument,
  type CreateContainerImageInput,
} from '../generated/graphql.js';
import { startDelayProxy } from '../helpers/delay-proxy.js';
import { gqlAt, startStack, startTestGateway, TOKENS, type Stack } from '../helpers/harness.js';

const TRACE = { 'x-gantry-trace': 'upstream' };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});

async function traced(query: string, variables: Record<string, unknown> = {}, token = TOKENS.admin) {
  const response = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...TRACE },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: any; errors?: any[]; extensions: { upstream: Array<{ path: string; batchSize: number; method: string }> } };
}

const NEW_IMAGE: CreateContainerImageInput = {
  label: 'Gateway Test App',
  role: 'app',
  roleClass: 'WEB',
  registryImagePath: 'example/app',
  registryImageTag: '1.0',
  minCpu: 0.5,
  minMemory: 256,
};

async function create(input: Partial<CreateContainerImageInput> = {}, token = TOKENS.admin) {
  const { data, errors } = await stack.gql(CreateContainerImageDocument, { input: { ...NEW_IMAGE, ...input } }, { token });
  expect(errors).toBeUndefined();
  if (data.createContainerImage.__typename !== 'CreateContainerImageSuccess') throw new Error(JSON.stringify(data.createContainerImage));
  return data.createContainerImage.containerImage;
}

describe('containerImages connection', () => {
  it('pages by label with page/per_page cursors to the end, without duplicates', async () => {
    const { data: all } = await stack.gql(ContainerImagesPageDocument, { first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 30; i++) {
      const { data, errors }: any = await stack.gql(ContainerImagesPageDocument, { first: 40, after });
      expect(errors).toBeUndefined();
      seen.push(...data.containerImages.edges.map((e: any) => e.node.id));
      if (!data.containerImages.pageInfo.hasNextPage) break;
      after = data.containerImages.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 100)).toEqual(all.containerImages!.edges.map((e) => e.node.id));
    const labels = all.containerImages!.edges.map((e) => e.node.label.toLowerCase());
    expect(labels).toEqual([...labels].sort());
  });

  it('filters owned images and load balancers, and searches by label', async () => {
    const owned = await stack.gql(ContainerImagesPageDocument, { first: 100, scope: 'OWNED' }, { token: TOKENS.other });
    expect(owned.data.containerImages!.edges.length).toBeGreaterThan(0);
    expect(owned.data.containerImages!.edges.every((e) => e.node.isSystemImage === false)).toBe(true);
    const lbs = await stack.gql(ContainerImagesPageDocument, { first: 100, scope: 'LOAD_BALANCERS' });
    expect(lbs.data.containerImages!.edges.length).toBeGreaterThan(0);
    expect(lbs.data.containerImages!.edges.every((e) => e.node.isLoadBalancer)).toBe(true);
    const search = await stack.gql(ContainerImagesPageDocument, { first: 100, label: 'PRESS' });
    expect(search.data.containerImages!.edges.length).toBeGreaterThan(0);
    expect(search.data.containerImages!.edges.every((e) => e.node.label.toLowerCase().includes('press'))).toBe(true);
  });

  it('exposes min_cpu as a number and never relays a generated password', async () => {
    const { data } = await stack.gql(ContainerImagesPageDocument, { first: 100 });
    const nodes = data.containerImages!.edges.map((e) => e.node);
    expect(nodes.every((n) => typeof n.minCpu === 'number')).toBe(true);
    const passwords = nodes.flatMap((n) => n.settingsParams).filter((p) => p.paramType === 'PASSWORD');
    expect(passwords.length).toBeGreaterThan(0);
    expect(passwords.every((p) => p.value === null)).toBe(true);
  });
});

describe('batching', () => {
  it('resolves 100 images with two levels of dependencies in exactly two upstream calls', async () => {
    const body = await traced(
      `query { containerImages(first: 100) { nodes { id requiredContainers { id requiredContainers { id label } } requiredBy { id } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data.containerImages.nodes as Array<{ id: string; requiredContainers: Array<{ id: string; requiredContainers: unknown[] }> }>;
    expect(nodes).toHaveLength(100);
    const listed = new Set(nodes.map((n) => n.id));
    const outside = nodes.flatMap((n) => n.requiredContainers).filter((r) => !listed.has(r.id));
    expect(outside.length).toBeGreaterThan(0); // the walk does cross the first page
    expect(nodes.some((n) => n.requiredContainers.some((r) => r.requiredContainers.length > 0))).toBe(true);
    expect(body.extensions.upstream.map((c) => `${c.method} ${decodeURIComponent(c.path)}`)).toEqual([
      'GET /api/container_images?page=1&per_page=100',
      'GET /api/container_images?page=2&per_page=100',
    ]);
  });

  it('fetches a few unknown ids one by one, each id once', async () => {
    const { data } = await stack.gql(ContainerImagesPageDocument, { first: 2 });
    const [a, b] = data.containerImages!.edges.map((e) => e.node.id);
    const body = await traced(`{ x: containerImage(id: "${a}") { id } y: containerImage(id: "${b}") { id } z: containerImage(id: "${a}") { label } }`);
    expect(body.errors).toBeUndefined();
    expect(body.extensions.upstream.map((c) => c.path).sort()).toEqual(
      [a, b].map((id) => `/api/container_images/${Buffer.from(id!, 'base64url').toString().split(':')[1]}`).sort(),
    );
  });

  it('never shares a cache entry or an in-flight call between two tokens', async () => {
    const proxy = await startDelayProxy(stack.embedded.urls.containerImages!, 100);
    const gateway = await startTestGateway({ ...stack.embedded.urls, containerImages: proxy.url });
    const mine = await create({ label: 'Admin Only Image' });
    const query = `{ containerImage(id: "${mine.id}") { label } }`;
    const [admin, other] = await Promise.all([gqlAt(gateway.url, query), gqlAt(gateway.url, query, {}, { token: TOKENS.other })]);
    expect(admin.data.containerImage.label).toBe('Admin Only Image');
    expect(other.data.containerImage).toBeNull();
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const lookups = proxy.seen.filter((r) => r.path.startsWith('/api/container_images/'));
    expect(lookups.map((r) => r.token).sort()).toEqual([`Bearer ${TOKENS.admin}`, `Bearer ${TOKENS.other}`].sort());
  });
});

describe('container image mutations', () => {
  it('creates an image with params, ports, volumes and a dependency, kept consistent both ways', async () => {
    const base = await create({ label: 'Gateway Base DB', roleClass: 'DATABASE' });
    const app = await create({
      label: 'Gateway App',
      envParams: [{ name: 'DB_HOST', paramType: 'VARIABLE', envValue: 'db.ip' }],
      settingsParams: [{ name: 'secret', paramType: 'PASSWORD' }],
      ingressParams: [{ port: 443, proto: 'TLS', externalAccess: true }],
      volumes: [{ label: 'data', mountPath: '/data', backupEnabled: true, backupStrategy: 'FILE', keepDaily: 7, preBackup: ['sync'] }],
      requiredContainerIds: [base.id],
    });
    expect(app.requiredContainers).toEqual([{ id: base.id }]);
    expect(app.envParams).toEqual([{ name: 'DB_HOST', paramType: 'VARIABLE', envValue: 'db.ip', staticValue: null }]);
    expect(app.settingsParams).toEqual([{ name: 'secret', paramType: 'PASSWORD', value: null }]);
    expect(app.ingressParams[0]).toMatchObject({ port: 443, proto: 'TLS', externalAccess: true });
    expect(app.volumes[0]).toMatchObject({ mountPath: '/data', backup: { enabled: true, strategy: 'FILE', keepDaily: 7, preBackup: ['sync'] } });
    expect(app.minCpu).toBe(0.5);
    const { data } = await stack.gql(ContainerImageByIdDocument, { id: base.id });
    expect(data.containerImage?.requiredBy).toEqual([{ id: app.id, label: 'Gateway App' }]);
  });

  it('refuses a negative minMemory before calling, and an unknown required id from the API, changing nothing', async () => {
    const before = (await stack.gql(ContainerImagesPageDocument, { first: 100, scope: 'OWNED' })).data.containerImages!.edges.length;
    const negative = await stack.gql(CreateContainerImageDocument, { input: { ...NEW_IMAGE, minMemory: -1 } });
    expect(negative.data.createContainerImage).toMatchObject({ __typename: 'InvalidInputError', fields: [{ path: ['input', 'minMemory'] }] });
    const missing = Buffer.from('ContainerImage:999999').toString('base64url');
    const unknown = await stack.gql(CreateContainerImageDocument, { input: { ...NEW_IMAGE, requiredContainerIds: [missing] } });
    expect(unknown.data.createContainerImage).toMatchObject({ __typename: 'InvalidInputError', fields: [{ path: ['input', 'requiredContainerIds'] }] });
    const after = (await stack.gql(ContainerImagesPageDocument, { first: 100, scope: 'OWNED' })).data.containerImages!.edges.length;
    expect(after).toBe(before);
  });

  it('drops admin-only fields for a caller who is not an admin', async () => {
    const mine = await create({ label: 'Free For Admin', isFree: true });
    expect(mine.isFree).toBe(true);
    const theirs = await create({ label: 'Free For Other', isFree: true }, TOKENS.other);
    expect(theirs.isFree).toBe(false);
  });

  it('refuses an unknown role class at validation', async () => {
    const { status, errors } = await stack.gql(
      'mutation { createContainerImage(input: { label: "x", role: "x", roleClass: QUEUE, registryImagePath: "x", registryImageTag: "1" }) { __typename } }',
    );
    expect(status).toBe(400);
    expect(errors?.[0]?.message).toMatch(/QUEUE/);
  });

  it('refuses a dependency cycle with InvalidInputError and keeps the old dependencies', async () => {
    const lower = await create({ label: 'Cycle Lower' });
    const upper = await create({ label: 'Cycle Upper', requiredContainerIds: [lower.id] });
    const { data } = await stack.gql(UpdateContainerImageDocument, { input: { id: lower.id, requiredContainerIds: [upper.id] } });
    expect(data.updateContainerImage.__typename).toBe('InvalidInputError');
    const { data: after } = await stack.gql(ContainerImageByIdDocument, { id: lower.id });
    expect(after.containerImage?.requiredContainers).toEqual([]);
    expect(after.containerImage?.requiredBy.map((r) => r.id)).toEqual([upper.id]);
  });

  it('updates fields and replaces dependencies', async () => {
    const dep = await create({ label: 'Update Dep' });
    const image = await create({ label: 'Update Me' });
    const { data } = await stack.gql(UpdateContainerImageDocument, {
      input: { id: image.id, description: 'now described', minCpu: 2, requiredContainerIds: [dep.id] },
    });
    if (data.updateContainerImage.__typename !== 'UpdateContainerImageSuccess') throw new Error(JSON.stringify(data));
    expect(data.updateContainerImage.containerImage).toMatchObject({ description: 'now described', minCpu: 2, requiredContainers: [{ id: dep.id }] });
  });

  it('refuses to delete an image others require, with a ConflictError naming them', async () => {
    const lower = await create({ label: 'Needed Base' });
    await create({ label: 'Needs Base', requiredContainerIds: [lower.id] });
    const { data } = await stack.gql(DeleteContainerImageDocument, { input: { id: lower.id } });
    expect(data.deleteContainerImage).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    if (data.deleteContainerImage.__typename === 'ConflictError') expect(data.deleteContainerImage.message).toContain('Needs Base');
    const still = await stack.gql(ContainerImageByIdDocument, { id: lower.id });
    expect(still.data.containerImage?.label).toBe('Needed Base');
  });

  it('deletes an unneeded image, and a reader may not', async () => {
    const image = await create({ label: 'Delete Me' });
    const reader = await stack.gql(DeleteContainerImageDocument, { input: { id: image.id } }, { token: TOKENS.reader });
    expect(reader.data.deleteContainerImage.__typename).toBe('ForbiddenError');
    const { data } = await stack.gql(DeleteContainerImageDocument, { input: { id: image.id } });
    expect(data.deleteContainerImage).toEqual({ __typename: 'DeleteContainerImageSuccess', deletedId: image.id });
    const gone = await stack.gql(ContainerImageByIdDocument, { id: image.id });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('dependencies via the N+1 document', () => {
  it('returns the same tree as a per-image walk', async () => {
    const { data } = await stack.gql(ContainerImageDependenciesDocument, { first: 20 });
    for (const node of data.containerImages!.nodes.slice(0, 5)) {
      const { data: one } = await stack.gql(ContainerImageByIdDocument, { id: node.id });
      expect(node.requiredContainers.map((r) => r.id)).toEqual(one.containerImage?.requiredContainers.map((r) => r.id));
    }
  });
});
