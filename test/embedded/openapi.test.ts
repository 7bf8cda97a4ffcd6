import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendKey } from '../../src/backend-keys.js';
import { buildCiImagesApp } from '../../src/embedded/ci-images/server.js';
import { CI_IMAGE_SEEDS } from '../../src/embedded/ci-images/seed.js';
import { CiImageStore } from '../../src/embedded/ci-images/store.js';
import { CI_IMAGES_OPENAPI } from '../../src/embedded/ci-images/openapi.js';
import { CONTAINER_IMAGE_SEEDS } from '../../src/embedded/container-images/seed.js';
import { buildContainerImagesApp } from '../../src/embedded/container-images/server.js';
import { ContainerImageStore } from '../../src/embedded/container-images/store.js';
import { CONTAINER_IMAGES_OPENAPI } from '../../src/embedded/container-images/openapi.js';
import { CONTAINERS_OPENAPI } from '../../src/embedded/containers/openapi.js';
import { buildContainersApp } from '../../src/embedded/containers/server.js';
import { ContainerStore } from '../../src/embedded/containers/store.js';
import { blobDir, openDatabase } from '../../src/embedded/db.js';
import { startEmbedded } from '../../src/embedded/index.js';
import { OPENAPI_PATH, type OpenApiDocument } from '../../src/embedded/openapi.js';
import { buildQcow2Header } from '../../src/embedded/qcow2.js';
import { SERVERLESS_OPENAPI } from '../../src/embedded/serverless/openapi.js';
import { buildServerlessApp } from '../../src/embedded/serverless/server.js';
import { ServerlessStore } from '../../src/embedded/serverless/store.js';
import { JSON_PATCH_TYPE } from '../../src/embedded/vm-images/errors.js';
import { VM_IMAGES_OPENAPI } from '../../src/embedded/vm-images/openapi.js';
import { buildVmImagesApp } from '../../src/embedded/vm-images/server.js';
import { VmImageStore } from '../../src/embedded/vm-images/store.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { seedWith } from './containers-harness.js';
import { TOKENS, httpCaller, type AuthHeaders, type Call, type CallOptions, type Reply } from './harness.js';
import { EXTENSION, checkReply, checkValue, deref, documentedOperations, findOperation, routeShape, routesOf, validateDocument } from './openapi-check.js';
import { seedId as vmSeedId } from './vm-images-harness.js';
import { seedNamed } from './serverless-harness.js';

/** The five documents, with how each service takes its token. */
const SERVICES: ReadonlyArray<{ key: BackendKey; doc: OpenApiDocument; auth: AuthHeaders }> = [
  { key: 'vmImages', doc: VM_IMAGES_OPENAPI, auth: (token) => ({ 'x-auth-token': token }) },
  { key: 'ciImages', doc: CI_IMAGES_OPENAPI, auth: (token) => ({ authorization: `Bearer ${token}` }) },
  { key: 'containerImages', doc: CONTAINER_IMAGES_OPENAPI, auth: (token) => ({ authorization: `Bearer ${token}` }) },
  { key: 'containers', doc: CONTAINERS_OPENAPI, auth: (token) => ({ authorization: `Bearer ${token}` }) },
  { key: 'serverless', doc: SERVERLESS_OPENAPI, auth: (token) => ({ authorization: `Bearer ${token}` }) },
];
const docOf = (key: BackendKey): OpenApiDocument => SERVICES.find((service) => service.key === key)!.doc;

/** A QCOW2 v3 file: a header for a 1 GiB disk, then random bytes. */
function qcow2(kib = 4): Buffer {
  const data = randomBytes(kib * 1024);
  buildQcow2Header(1024 ** 3).copy(data, 0);
  return data;
}

describe('the OpenAPI checkers themselves', () => {
  const doc: any = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/things/{id}': {
        get: {
          operationId: 'getThing',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: {
            '200': {
              description: 'ok',
              headers: { 'X-Id': { required: true, schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            '204': { description: 'none' },
          },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'integer' },
            name: { type: 'string', nullable: true },
            kind: { type: 'string', enum: ['a', 'b'] },
            when: { type: 'string', format: 'date-time' },
            tags: { type: 'array', items: { type: 'string' } },
            child: { $ref: '#/components/schemas/Child' },
            extra: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        Child: { type: 'object', properties: { n: { type: 'number' } } },
      },
    },
  };

  it('accepts a sound document and reports what makes one unsound', () => {
    expect(validateDocument(doc)).toEqual([]);
    const broken = structuredClone(doc);
    broken.openapi = '3.1.0';
    delete broken.paths['/things/{id}'].get.operationId;
    broken.paths['/things/{id}'].get.parameters = [];
    broken.paths['/other'] = {
      post: {
        operationId: 'get-thing',
        responses: { '200': { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } },
      },
    };
    broken.components.schemas.Thing.properties.tags = { type: ['array', 'null'], prefixItems: [] };
    broken.components.schemas.Thing.required = ['id', 'nope'];
    const problems = validateDocument(broken).join('\n');
    expect(problems).toContain('is not 3.0.x');
    expect(problems).toContain('no operationId');
    expect(problems).toContain('path template {id} has no path parameter');
    expect(problems).toContain('operationId get-thing is not a camelCase name');
    expect(problems).toContain('$ref #/components/schemas/Missing does not resolve');
    expect(problems).toContain("'prefixItems' is not an OpenAPI 3.0 schema keyword");
    expect(problems).toContain('type ["array","null"] is not one of');
    expect(problems).toContain("required 'nope' is not among the properties");
  });

  it('walks a body against a schema, following $refs, and reports every mismatch', () => {
    const schema = { $ref: '#/components/schemas/Thing' };
    expect(checkValue(doc, schema, { id: 1, name: null, kind: 'a', when: '2025-01-01T00:00:00Z', tags: ['x'], child: { n: 1.5 }, extra: { k: 'v' } })).toEqual(
      [],
    );
    const problems = checkValue(doc, schema, {
      name: 'x',
      kind: 'c',
      when: 'yesterday',
      tags: [1],
      child: { n: 'one', m: 2 },
      extra: { k: 3 },
      surprise: true,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        '$.kind: "c" is not one of ["a","b"]',
        '$.when: "yesterday" is not a date-time',
        '$.tags[0]: number, documented as string',
        '$.child.n: string, documented as number',
        '$.child.m: undocumented property',
        '$.extra.k: number, documented as string',
        '$.surprise: undocumented property',
        '$.id: required but missing',
      ]),
    );
    expect(checkValue(doc, schema, { id: null })).toEqual(['$.id: null, but the schema is not nullable']);
    expect(checkValue(doc, schema, [])).toEqual(['$: an array, documented as object']);
    expect(checkValue(doc, { oneOf: [{ type: 'number' }, { type: 'string' }] }, true)).toHaveLength(1);
  });

  it('checks a reply: documented status, required headers, media type and body', () => {
    const json = (status: number, body: unknown, headers: Record<string, string> = { 'x-id': '1' }) => ({
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      raw: Buffer.from(JSON.stringify(body)),
    });
    expect(checkReply(doc, 'GET', '/things/1?x=1', json(200, { id: 1 }))).toEqual([]);
    expect(checkReply(doc, 'GET', '/things/1', json(404, { id: 1 }))[0]).toContain('status 404 is not documented');
    expect(checkReply(doc, 'GET', '/things/1', json(200, { id: 1 }, {}))).toEqual(['getThing 200: required header X-Id is missing']);
    expect(checkReply(doc, 'GET', '/things/1', json(200, { id: '1' }))).toEqual(['getThing 200 body.id: string, documented as integer']);
    expect(checkReply(doc, 'GET', '/things/1', json(204, {}))[0]).toContain('documents no body');
    expect(checkReply(doc, 'GET', '/things/1', { status: 200, headers: { 'x-id': '1' }, raw: Buffer.alloc(0) })[0]).toContain('but there was none');
    expect(checkReply(doc, 'GET', '/things/1', { status: 200, headers: { 'x-id': '1', 'content-type': 'text/html' }, raw: Buffer.from('<p>') })[0]).toContain(
      'media type text/html is not documented',
    );
    expect(checkReply(doc, 'DELETE', '/things/1', json(200, {}))).toEqual(['DELETE /things/1: no documented operation']);
  });
});

describe('the OpenAPI documents', () => {
  it.each(SERVICES.map((service) => [service.key, service.doc] as const))('%s: is a sound OpenAPI 3.0.3 document', (_key, doc) => {
    expect(doc.openapi).toBe('3.0.3');
    expect(validateDocument(doc)).toEqual([]);
  });

  it('uses operationIds that are unique across all five documents and read as GraphQL fields', () => {
    const ids = SERVICES.flatMap(({ doc }) => documentedOperations(doc).map((operation) => operation.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'listVmImages',
        'getVmImage',
        'createVmImage',
        'updateVmImage',
        'deleteVmImage',
        'uploadVmImageData',
        'downloadVmImageData',
        'deactivateVmImage',
        'reactivateVmImage',
        'listCiImages',
        'getCiImage',
        'createCiImage',
        'deleteCiImage',
        'listContainerImages',
        'getContainerImage',
        'createContainerImage',
        'updateContainerImage',
        'deleteContainerImage',
        'listContainers',
        'getContainer',
        'powerContainer',
        'listContainerLogs',
        'listContainerProcesses',
        'getContainerCpuMetrics',
        'getContainerMemoryMetrics',
        'listServerlessContainers',
        'getServerlessContainer',
        'createServerlessContainer',
        'updateServerlessContainer',
        'deleteServerlessContainer',
        'listServerlessRevisions',
        'listGpuModels',
      ]),
    );
  });

  it('types ids as the APIs do: Glance and Quasarch string UUIDs, Djinn and ComputeStacks integers', () => {
    const idOf = (doc: OpenApiDocument, schema: string) => (doc.components.schemas![schema] as any).properties.id;
    expect(idOf(VM_IMAGES_OPENAPI, 'VmImage')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(idOf(SERVERLESS_OPENAPI, 'ServerlessContainer')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(idOf(CI_IMAGES_OPENAPI, 'CiImage')).toMatchObject({ type: 'integer' });
    expect(idOf(CONTAINER_IMAGES_OPENAPI, 'ContainerImage')).toMatchObject({ type: 'integer' });
    expect(idOf(CONTAINERS_OPENAPI, 'Container')).toMatchObject({ type: 'integer' });
    const param = (doc: OpenApiDocument, path: string) => {
      const item = doc.paths[path]!;
      return (deref(doc, item.parameters![0]) as any).schema;
    };
    expect(param(VM_IMAGES_OPENAPI, '/v2/images/{image_id}')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(param(SERVERLESS_OPENAPI, '/v1/containers/{id}')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(param(CI_IMAGES_OPENAPI, '/images/{id}')).toMatchObject({ type: 'integer' });
    expect(param(CONTAINER_IMAGES_OPENAPI, '/api/container_images/{id}')).toMatchObject({ type: 'integer' });
    expect(param(CONTAINERS_OPENAPI, '/api/containers/{id}')).toMatchObject({ type: 'integer' });
  });

  it('declares the security schemes: Glance an X-Auth-Token header, the others HTTP bearer', () => {
    expect(VM_IMAGES_OPENAPI.components.securitySchemes).toEqual({
      keystoneToken: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Auth-Token' }),
    });
    for (const doc of [CI_IMAGES_OPENAPI, CONTAINER_IMAGES_OPENAPI, CONTAINERS_OPENAPI, SERVERLESS_OPENAPI]) {
      expect(doc.components.securitySchemes).toEqual({ bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
      expect(doc.security).toEqual([{ bearerAuth: [] }]);
    }
    // The open routes say so.
    for (const { doc } of SERVICES) {
      for (const { path, operation } of documentedOperations(doc)) {
        if (path === OPENAPI_PATH || path.endsWith('/health') || path === '/versions' || path === '/') expect(operation.security, path).toEqual([]);
        else expect(operation.security, path).toBeUndefined();
      }
    }
  });

  it('marks the embedded-only extensions', () => {
    const extensions = (doc: OpenApiDocument) =>
      documentedOperations(doc)
        .filter(({ operation }) => operation[EXTENSION] === true)
        .map(({ method, path }) => `${method} ${path}`)
        .sort();
    expect(extensions(VM_IMAGES_OPENAPI)).toEqual(['GET /openapi.json']);
    expect(extensions(CI_IMAGES_OPENAPI)).toEqual(['GET /health', 'GET /openapi.json']);
    expect(extensions(CONTAINER_IMAGES_OPENAPI)).toEqual(['GET /api/health', 'GET /openapi.json']);
    expect(extensions(CONTAINERS_OPENAPI)).toEqual(['GET /api/containers', 'GET /api/health', 'GET /openapi.json']);
    expect(extensions(SERVERLESS_OPENAPI)).toEqual(['GET /health', 'GET /openapi.json']);
    const marked = (doc: OpenApiDocument, schema: string) =>
      Object.entries((doc.components.schemas![schema] as any).properties)
        .filter(([, property]: [string, any]) => property[EXTENSION] === true)
        .map(([name]) => name)
        .sort();
    expect(marked(SERVERLESS_OPENAPI, 'ServerlessRevision')).toEqual([
      'arguments',
      'command',
      'cpu',
      'desiredGPUs',
      'env',
      'ephemeralStorage',
      'gpu',
      'port',
      'ram',
      'serving',
      'status',
    ]);
    expect(marked(SERVERLESS_OPENAPI, 'ServerlessContainer')).toEqual([]);
    expect(marked(CONTAINERS_OPENAPI, 'Container')).toEqual(['container_image_id']);
    expect(marked(CONTAINER_IMAGES_OPENAPI, 'ContainerImage')).toEqual(['container_image_ingress_params', 'volumes']);
  });

  it('documents exactly the routes each service registers', async () => {
    const dir = await tempDataDir();
    const db = openDatabase(dir);
    track(() => db.close());
    const tokens = { ...TOKENS };
    const apps: Record<BackendKey, FastifyInstance> = {
      vmImages: buildVmImagesApp({ store: new VmImageStore(db, blobDir(dir, 'vmImages')), tokens, maxImageBytes: 1024 }),
      ciImages: buildCiImagesApp({ store: new CiImageStore(db, blobDir(dir, 'ciImages')), tokens, maxImageBytes: 1024 }),
      containerImages: buildContainerImagesApp({ store: new ContainerImageStore(db), tokens }),
      containers: buildContainersApp({ store: new ContainerStore(db), tokens, clock: () => Date.now() }),
      serverless: buildServerlessApp({ store: new ServerlessStore(db), tokens, clock: () => Date.now() }),
    } as Record<BackendKey, FastifyInstance>;
    for (const { key, doc } of SERVICES) {
      const app = apps[key];
      track(() => app.close());
      await app.ready();
      // HEAD is Fastify's automatic twin of every GET (the documents say so in their description).
      const served = routesOf(app)
        .filter((route) => route.method !== 'HEAD')
        .map((route) => `${route.method} ${routeShape(route.path)}`)
        .sort();
      const documented = documentedOperations(doc)
        .map((operation) => `${operation.method} ${routeShape(operation.path)}`)
        .sort();
      expect(served.length, `${key} routes`).toBeGreaterThan(3);
      expect(documented, key).toEqual(served);
    }
  });
});

describe('the served documents and their conformance with real responses', () => {
  const urls: Partial<Record<BackendKey, string>> = {};
  const calls: Partial<Record<BackendKey, Call>> = {};
  /** Which operations a conformance check has exercised, by service. */
  const exercised = new Map<BackendKey, Set<string>>();

  beforeAll(async () => {
    const services = await startEmbedded({ dataDir: await tempDataDir(), tokens: { ...TOKENS } });
    track(() => services.close());
    for (const { key, auth } of SERVICES) {
      urls[key] = services.urls[key]!;
      calls[key] = httpCaller(services.urls[key]!, auth);
    }
  });

  /** Calls the service, expects `status`, and expects the reply to conform to the service's document. */
  async function conform(key: BackendKey, method: string, path: string, status: number, options: CallOptions = {}): Promise<Reply> {
    const doc = docOf(key);
    const reply = await calls[key]!(method, path, options);
    expect(reply.status, `${method} ${path}: ${reply.raw.toString('utf8').slice(0, 300)}`).toBe(status);
    expect(checkReply(doc, method, path, reply), `${method} ${path}`).toEqual([]);
    const operationId = findOperation(doc, method, path)!.operation.operationId as string;
    const seen = exercised.get(key) ?? new Set<string>();
    seen.add(operationId);
    exercised.set(key, seen);
    return reply;
  }

  it.each(SERVICES.map((service) => [service.key] as const))(
    '%s: serves GET /openapi.json without a token: the document, with the service root as server',
    async (key) => {
      const reply = await conform(key, 'GET', OPENAPI_PATH, 200, { as: 'none' });
      expect(String(reply.headers['content-type'])).toMatch(/^application\/json/);
      const { servers, ...rest } = reply.body;
      const { servers: _relative, ...expected } = docOf(key);
      expect(servers).toEqual([{ url: urls[key], description: expect.any(String) }]);
      expect(rest).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(validateDocument(reply.body)).toEqual([]);
      // Without a token the other routes still refuse.
      const refused = await calls[key]!(
        'GET',
        documentedOperations(docOf(key)).find(
          (operation) => operation.operation.security === undefined && operation.method === 'GET' && !operation.path.includes('{'),
        )!.path,
        { as: 'none' },
      );
      expect(refused.status).toBeGreaterThanOrEqual(400);
    },
  );

  it('vmImages: lists, shows, creates, patches, uploads, downloads, (de)activates and deletes as documented, errors included', async () => {
    const key = 'vmImages';
    await conform(key, 'GET', '/versions', 200, { as: 'none' });
    await conform(key, 'GET', '/', 300, { as: 'none' });
    const list = await conform(key, 'GET', '/v2/images', 200);
    expect(list.body.images.length).toBeGreaterThan(2);
    const paged = await conform(key, 'GET', '/v2/images?limit=2&sort=name:asc&tag=ubuntu', 200);
    expect(paged.body.next).toEqual(expect.any(String));
    await conform(key, 'GET', '/v2/images?limit=abc', 400);
    await conform(key, 'GET', '/v2/images', 401, { as: 'none' });
    await conform(key, 'GET', '/v2/images', 401, { as: 'none', json: false });
    const shown = await conform(key, 'GET', `/v2/images/${vmSeedId('ubuntu-24.04')}`, 200);
    expect(shown.body.os_distro).toBe('ubuntu');
    await conform(key, 'GET', `/v2/images/${randomUUID()}`, 404);
    await conform(key, 'GET', `/v2/images/${randomUUID()}`, 404, { json: false });

    const created = await conform(key, 'POST', '/v2/images', 201, {
      body: { name: 'openapi-check', disk_format: 'qcow2', container_format: 'bare', tags: ['b', 'a'], min_ram: 64, os_distro: 'cirros' },
    });
    const id = created.body.id as string;
    await conform(key, 'POST', '/v2/images', 403, { body: { name: 'x', status: 'active' } });
    await conform(key, 'POST', '/v2/images', 409, { body: { id } });
    await conform(key, 'POST', '/v2/images', 400, { body: 'not json', headers: { 'content-type': 'text/plain' } });
    for (const name of ['image', 'images', 'member', 'members']) await conform(key, 'GET', `/v2/schemas/${name}`, 200);
    await conform(key, 'GET', '/v2/info/import', 200);
    await conform(key, 'PUT', `/v2/images/${id}/tags/fresh`, 204);
    await conform(key, 'DELETE', `/v2/images/${id}/tags/fresh`, 204);
    await conform(key, 'DELETE', `/v2/images/${id}/tags/fresh`, 404);
    await conform(key, 'POST', `/v2/images/${id}/members`, 200, { body: { member: 'another-project' } });
    await conform(key, 'POST', `/v2/images/${id}/members`, 409, { body: { member: 'another-project' } });
    await conform(key, 'GET', `/v2/images/${id}/members`, 200);
    await conform(key, 'GET', `/v2/images/${id}/members/another-project`, 200);
    await conform(key, 'PUT', `/v2/images/${id}/members/another-project`, 403, { body: { status: 'accepted' } });
    await conform(key, 'DELETE', `/v2/images/${id}/members/another-project`, 204);
    await conform(key, 'GET', `/v2/images/${id}/members/another-project`, 404);
    await conform(key, 'POST', '/v2/images', 403, { as: 'reader', body: { name: 'x' } });
    const patch = (ops: unknown) => ({ body: JSON.stringify(ops), headers: { 'content-type': JSON_PATCH_TYPE } });
    await conform(
      key,
      'PATCH',
      `/v2/images/${id}`,
      200,
      patch([
        { op: 'replace', path: '/name', value: 'renamed' },
        { op: 'add', path: '/hw_disk_bus', value: 'virtio' },
      ]),
    );
    await conform(key, 'PATCH', `/v2/images/${id}`, 409, patch([{ op: 'remove', path: '/nope' }]));
    await conform(key, 'PATCH', `/v2/images/${id}`, 400, patch([{ op: 'add', path: '/tags/-', value: 'x' }]));
    await conform(key, 'PATCH', `/v2/images/${id}`, 415, { body: '[]', headers: { 'content-type': 'application/json' } });
    await conform(key, 'GET', `/v2/images/${id}/file`, 204);
    await conform(key, 'POST', `/v2/images/${id}/actions/deactivate`, 403);

    const data = qcow2();
    await conform(key, 'PUT', `/v2/images/${id}/file`, 204, { body: data, headers: { 'content-type': 'application/octet-stream' } });
    await conform(key, 'PUT', `/v2/images/${id}/file`, 409, { body: data, headers: { 'content-type': 'application/octet-stream' } });
    const whole = await conform(key, 'GET', `/v2/images/${id}/file`, 200, { json: false });
    expect(whole.raw.equals(data)).toBe(true);
    const part = await conform(key, 'GET', `/v2/images/${id}/file`, 206, { json: false, headers: { range: 'bytes=0-9' } });
    expect(part.raw.length).toBe(10);
    await conform(key, 'GET', `/v2/images/${id}/file`, 416, { headers: { range: 'bytes=999999-' } });
    await conform(key, 'POST', `/v2/images/${id}/actions/deactivate`, 204);
    await conform(key, 'GET', `/v2/images/${id}/file`, 403, { as: 'reader' });
    await conform(key, 'POST', `/v2/images/${id}/actions/reactivate`, 204);
    await conform(key, 'PATCH', `/v2/images/${id}`, 200, patch([{ op: 'replace', path: '/protected', value: true }]));
    await conform(key, 'DELETE', `/v2/images/${id}`, 403);
    await conform(key, 'PATCH', `/v2/images/${id}`, 200, patch([{ op: 'replace', path: '/protected', value: false }]));
    await conform(key, 'DELETE', `/v2/images/${id}`, 204);
    await conform(key, 'DELETE', `/v2/images/${id}`, 404);
  });

  it('ciImages: lists, shows, downloads, creates and deletes as documented, errors included', async () => {
    const key = 'ciImages';
    await conform(key, 'GET', '/health', 200, { as: 'none' });
    const list = await conform(key, 'GET', '/images?page=2', 200);
    expect(list.body.length).toBeGreaterThan(0);
    await conform(key, 'GET', '/images?search=nothing-is-called-this', 200);
    await conform(key, 'GET', '/images', 404, { as: 'none' });
    const inNamespace = CI_IMAGE_SEEDS.find((seed) => seed.namespace === 'djinn' && seed.userId === 1)!;
    const shown = await conform(key, 'GET', `/images/${inNamespace.id}`, 200);
    expect(shown.body.namespace).toMatchObject({ path: 'djinn' });
    const file = await conform(key, 'GET', `/images/${inNamespace.id}`, 200, { json: false, headers: { accept: 'application/x-qemu-disk' } });
    expect(file.raw.length).toBe(inNamespace.size);
    await conform(key, 'GET', `/images/${inNamespace.id}`, 206, { json: false, headers: { accept: 'application/x-qemu-disk', range: 'bytes=0-3' } });
    await conform(key, 'GET', `/images/${inNamespace.id}`, 304, {
      json: false,
      headers: { accept: 'application/x-qemu-disk', 'if-modified-since': new Date().toUTCString() },
    });
    await conform(key, 'GET', `/images/${inNamespace.id}`, 416, { headers: { accept: 'application/x-qemu-disk', range: 'bytes=99999999-' } });
    await conform(key, 'GET', '/images/999999', 404);
    await conform(key, 'POST', '/images?name=bad%20name', 400, {
      body: Buffer.from('not a qcow2 file'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    await conform(key, 'POST', '/images?name=x', 404, { as: 'reader', body: qcow2(), headers: { 'content-type': 'application/octet-stream' } });
    const created = await conform(key, 'POST', '/images?name=openapi-check&namespace=djinn', 201, {
      body: qcow2(),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(created.body.namespace_id).toEqual(expect.any(Number));
    await conform(key, 'DELETE', `/images/${created.body.id}`, 204);
    await conform(key, 'DELETE', `/images/${created.body.id}`, 404);
  });

  it('containerImages: lists, shows, creates, updates and deletes as documented, errors included', async () => {
    const key = 'containerImages';
    await conform(key, 'GET', '/api/health', 200, { as: 'none' });
    const list = await conform(key, 'GET', '/api/container_images?per_page=5&page=2', 200);
    expect(list.body.container_images).toHaveLength(5);
    expect(list.headers.link).toEqual(expect.any(String));
    await conform(key, 'GET', '/api/container_images?filter=owned&byname=a', 200);
    await conform(key, 'GET', '/api/container_images', 401, { as: 'none' });
    const required = CONTAINER_IMAGE_SEEDS.find((seed) => CONTAINER_IMAGE_SEEDS.some((other) => other.requires.includes(seed.id)))!;
    const shown = await conform(key, 'GET', `/api/container_images/${required.id}`, 200);
    expect(shown.body.container_image.required_by.length).toBeGreaterThan(0);
    await conform(key, 'GET', '/api/container_images/999999', 404);
    await conform(key, 'GET', '/api/container_images/abc', 404);

    const body = {
      container_image: {
        label: 'OpenAPI Check',
        role: 'node',
        role_class: 'web',
        registry_image_path: 'acme/check',
        registry_image_tag: '1.0.0',
        min_cpu: 0.5,
        env_params_attributes: [{ name: 'PORT', param_type: 'static', static_value: '3000' }],
        setting_params: [{ setting_param: { name: 'secret', param_type: 'password' } }],
        ingress_params_attributes: [{ port: 3000, proto: 'tcp', external_access: true }],
        volumes: [{ volume: { label: 'data', mount_path: '/data' } }],
        required_containers: [required.id],
      },
    };
    await conform(key, 'POST', '/api/container_images', 403, { as: 'reader', body });
    const created = await conform(key, 'POST', '/api/container_images', 201, { body });
    const id = created.body.container_image.id as number;
    expect(created.body.container_image.volumes).toHaveLength(1);
    await conform(key, 'POST', '/api/container_images', 422, { body: { container_image: { label: 'x', min_memory: 'lots' } } });
    await conform(key, 'POST', '/api/container_images', 400, { body: { label: 'no envelope' } });
    await conform(key, 'PATCH', `/api/container_images/${id}`, 202, { body: { container_image: { description: 'patched' } } });
    await conform(key, 'PUT', `/api/container_images/${id}`, 202, { body: { container_image: { min_memory: 256, required_containers: [] } } });
    await conform(key, 'PUT', `/api/container_images/${id}`, 422, { body: { container_image: { role_class: 'nope' } } });
    await conform(key, 'PATCH', '/api/container_images/999999', 404, { body: { container_image: { description: 'x' } } });
    await conform(key, 'DELETE', `/api/container_images/${required.id}`, 500);
    await conform(key, 'DELETE', `/api/container_images/${id}`, 202);
    await conform(key, 'DELETE', `/api/container_images/${id}`, 404);
  });

  it('containers: lists, shows, powers and reads logs, processes and metrics as documented, errors included', async () => {
    const key = 'containers';
    const online = seedWith('online').id;
    await conform(key, 'GET', '/api/health', 200, { as: 'none' });
    const list = await conform(key, 'GET', '/api/containers?per_page=4', 200);
    expect(list.body.containers).toHaveLength(4);
    await conform(key, 'GET', '/api/containers', 401, { as: 'bogus' });
    const shown = await conform(key, 'GET', `/api/containers/${online}`, 200);
    expect(shown.body.container.ingress_rules.length).toBeGreaterThan(0);
    await conform(key, 'GET', '/api/containers/999999', 404);
    const logs = await conform(key, 'GET', `/api/containers/${online}/logs?limit=5`, 200);
    expect(logs.body).toHaveLength(5);
    await conform(key, 'GET', `/api/containers/${online}/logs?limit=0`, 422);
    await conform(key, 'GET', '/api/containers/999999/logs', 404);
    const processes = await conform(key, 'GET', `/api/containers/${online}/container_processes`, 200);
    expect(processes.body.length).toBeGreaterThan(0);
    const cpu = await conform(key, 'GET', `/api/containers/${online}/metrics/cpu`, 200);
    expect(cpu.body.stats.length).toBeGreaterThan(0);
    await conform(key, 'GET', `/api/containers/${online}/metrics/memory`, 200);
    await conform(key, 'PUT', `/api/containers/${online}/power/restart`, 403, { as: 'reader' });
    await conform(key, 'PUT', `/api/containers/${online}/power/restart`, 202);
    await conform(key, 'PUT', `/api/containers/${online}/power/explode`, 422);
    await conform(key, 'PUT', '/api/containers/999999/power/start', 404);
  });

  it('serverless: lists, shows, creates, updates, deletes, lists revisions and GPU models as documented, errors included', async () => {
    const key = 'serverless';
    await conform(key, 'GET', '/health', 200, { as: 'none' });
    const list = await conform(key, 'GET', '/v1/containers?rows=2', 200);
    expect(list.body.items).toHaveLength(2);
    await conform(key, 'GET', '/v1/containers?page=0', 400);
    await conform(key, 'GET', '/v1/containers', 401, { as: 'none' });
    const acme = seedNamed('acme-api');
    await conform(key, 'GET', `/v1/containers/${acme.id}`, 200);
    await conform(key, 'GET', `/v1/containers/${acme.id}`, 403, { as: 'other' });
    await conform(key, 'GET', `/v1/containers/${randomUUID()}`, 404);
    const revisions = await conform(key, 'GET', `/v1/containers/${acme.id}/revisions`, 200);
    expect(revisions.body.items[0]).toMatchObject({ revisionNumber: 3, serving: true });
    await conform(key, 'GET', `/v1/containers/${seedNamed('recommendation-api').id}/revisions`, 200);
    await conform(key, 'GET', `/v1/containers/${acme.id}/revisions?rows=5000`, 400);
    const gpus = await conform(key, 'GET', '/v1/gpu-models?rows=10&page=3', 200);
    expect(gpus.body.items).toHaveLength(5);

    const created = await conform(key, 'POST', '/v1/containers', 201, {
      body: { name: 'openapi-check', image: 'nginx:1.27', cpu: 0.5, ram: '256Mi', gpu: 1, desiredGPUs: ['t4'], env: { A: 'b' }, arguments: ['-v'] },
    });
    const id = created.body.id as string;
    await conform(key, 'POST', '/v1/containers', 400, { body: { name: 'Bad Name', image: 'nginx', cpu: -1 } });
    await conform(key, 'POST', '/v1/containers', 400, { body: 'not json' });
    await conform(key, 'PUT', `/v1/containers/${id}`, 200, { body: { image: 'nginx:1.28', command: 'nginx' } });
    await conform(key, 'PUT', `/v1/containers/${id}`, 400, { body: {} });
    await conform(key, 'PUT', `/v1/containers/${id}`, 403, { as: 'other', body: { image: 'nginx:1.28' } });
    await conform(key, 'DELETE', `/v1/containers/${id}`, 403, { as: 'other' });
    await conform(key, 'DELETE', `/v1/containers/${id}`, 204);
    await conform(key, 'DELETE', `/v1/containers/${id}`, 404);
  });

  it('exercised every documented operation of every service against a real response', () => {
    for (const { key, doc } of SERVICES) {
      const all = documentedOperations(doc)
        .map((operation) => operation.operationId)
        .sort();
      expect([...(exercised.get(key) ?? [])].sort(), key).toEqual(all);
    }
  });
});
