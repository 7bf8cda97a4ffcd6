import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { regularMediaType } from '../../src/overrides/fast-post.js';
import { fileURLToPath } from 'node:url';
import { startStack, startTestGateway, TOKENS, type Stack } from '../helpers/harness.js';

/**
 * The fast path for JSON POSTs (src/fast-post.ts) must answer exactly as Yoga does. Yoga still
 * serves any request with an Origin header (it answers CORS), so each request is sent twice,
 * once plain and once with an Origin, and the two answers compared: status, content type,
 * Retry-After and body. /metrics says which path served which.
 */

let stack: Stack;
let vmImageId: string;

beforeAll(async () => {
  stack = await startStack();
  vmImageId = (await stack.gql('{ vmImages(first: 1) { nodes { id } } }')).data.vmImages.nodes[0].id;
});

interface Answer {
  status: number;
  contentType: string | undefined;
  retryAfter: string | undefined;
  body: string;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return {
    status: response.statusCode,
    contentType: response.headers['content-type'] as string | undefined,
    retryAfter: response.headers['retry-after'] as string | undefined,
    body: await response.body.text(),
  };
}

async function fastPathCounts(url: string): Promise<Record<string, number>> {
  const text = await (await request(`${url}/metrics`)).body.text();
  const counts: Record<string, number> = { served: 0, handed_over: 0 };
  for (const match of text.matchAll(/^gantry_fast_path_requests_total\{outcome="(\w+)"\} (\d+)$/gm)) counts[match[1]!] = Number(match[2]);
  return counts;
}

const admin = { authorization: `Bearer ${TOKENS.admin}` };
const json = (query: string, variables?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ query, ...(variables ? { variables } : {}), ...extra });

describe('fast path for JSON POSTs', () => {
  const cases: Array<{ name: string; body: () => string; headers: Record<string, string>; path: 'served' | 'handed_over' }> = [
    {
      name: 'a query',
      body: () => json('query($id: ID!) { vmImage(id: $id) { id name status size tags } }', { id: vmImageId }),
      headers: admin,
      path: 'served',
    },
    {
      name: 'a query, Accept: application/graphql-response+json',
      body: () => json('query($id: ID!) { vmImage(id: $id) { id name } }', { id: vmImageId }),
      headers: { ...admin, accept: 'application/graphql-response+json' },
      path: 'served',
    },
    {
      name: 'a not-found entity (null with an error)',
      body: () => json('{ vmImage(id: "Vm1hZ2U6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw") { id } }'),
      headers: admin,
      path: 'served',
    },
    { name: 'no credential', body: () => json('{ vmImages(first: 1) { nodes { id } } }'), headers: {}, path: 'served' },
    {
      name: 'no credential, Accept: application/graphql-response+json',
      body: () => json('{ vmImages(first: 1) { nodes { id } } }'),
      headers: { accept: 'application/graphql-response+json' },
      path: 'served',
    },
    {
      name: 'a reader refused a mutation',
      body: () => json('mutation($id: ID!) { deleteVmImage(input: { id: $id }) { __typename } }', { id: vmImageId }),
      headers: { authorization: `Bearer ${TOKENS.reader}` },
      path: 'served',
    },
    { name: 'a variable of the wrong type', body: () => json('query($id: ID!) { vmImage(id: $id) { id } }', { id: 5.5 }), headers: admin, path: 'served' },
    { name: 'a missing variable', body: () => json('query($id: ID!) { vmImage(id: $id) { id } }'), headers: admin, path: 'served' },
    { name: 'a syntax error', body: () => json('{ vmImage(id: '), headers: admin, path: 'handed_over' },
    { name: 'an unknown field', body: () => json('{ nope }'), headers: admin, path: 'handed_over' },
    { name: 'an unknown operation name', body: () => json('query A { __typename }', undefined, { operationName: 'B' }), headers: admin, path: 'handed_over' },
    { name: 'an unknown parameter', body: () => json('{ __typename }', undefined, { surprise: 1 }), headers: admin, path: 'handed_over' },
    { name: 'variables that are not an object', body: () => JSON.stringify({ query: '{ __typename }', variables: [1] }), headers: admin, path: 'handed_over' },
    { name: 'a batch', body: () => JSON.stringify([{ query: '{ __typename }' }]), headers: admin, path: 'handed_over' },
    { name: 'a body that is not JSON', body: () => '{"query": ', headers: admin, path: 'handed_over' },
    {
      name: 'a subscription',
      body: () => json('subscription($id: ID!) { containerLogs(id: $id) { line } }', { id: 'x' }),
      headers: admin,
      path: 'handed_over',
    },
    { name: 'a malformed credential', body: () => json('{ __typename }'), headers: { authorization: 'Basic nonsense' }, path: 'handed_over' },
  ];

  for (const c of cases) {
    it(`answers ${c.name} exactly as Yoga does (${c.path.replace('_', ' ')})`, async () => {
      const before = await fastPathCounts(stack.gateway.url);
      const fast = await post(stack.gateway.url, c.body(), c.headers);
      const after = await fastPathCounts(stack.gateway.url);
      expect(after[c.path]! - before[c.path]!).toBe(1);
      const yoga = await post(stack.gateway.url, c.body(), { ...c.headers, origin: 'http://127.0.0.1' });
      expect(await fastPathCounts(stack.gateway.url)).toEqual(after);
      expect(fast).toEqual(yoga);
    });
  }

  it('serves the query itself with data and no errors', async () => {
    const answer = await post(stack.gateway.url, cases[0]!.body(), admin);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toMatchObject({ data: { vmImage: { id: vmImageId } } });
  });

  it('leaves streams, other content types and CORS to Yoga without reading the body', async () => {
    const before = await fastPathCounts(stack.gateway.url);
    const sse = await request(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...admin },
      body: json('{ __typename }'),
    });
    expect(sse.headers['content-type']).toContain('text/event-stream');
    expect(await sse.body.text()).toContain('"__typename":"Query"');
    const graphqlBody = await post(stack.gateway.url, json('{ __typename }'), { ...admin, 'content-type': 'application/graphql+json' });
    expect(graphqlBody.status).toBeGreaterThanOrEqual(200);
    expect(await fastPathCounts(stack.gateway.url)).toEqual(before);
  });

  it('charges a request once, whichever path answers it', async () => {
    const gateway = await startTestGateway(stack.embedded.urls, { GANTRY_RATE_LIMIT_PER_CREDENTIAL: '2' });
    // A syntax error is read by the fast path, charged, and handed to Yoga: one charge, not two.
    const syntaxError = await post(gateway.url, json('{ vmImage(id: '), { ...admin, accept: 'application/graphql-response+json' });
    expect(syntaxError.status).toBe(400);
    // The budget is twice the per-second rate (a burst of 4): three more pass, the fifth is refused.
    for (let i = 0; i < 3; i++) expect((await post(gateway.url, json('{ __typename }'), admin)).status).toBe(200);
    const refused = await post(gateway.url, json('{ __typename }'), admin);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(refused.body).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(JSON.parse(refused.body).errors[0].extensions.http).toBeUndefined();
  });
});

describe('fast path with trusted documents', () => {
  const manifest = fileURLToPath(new URL('../../client/generated/persisted-documents.json', import.meta.url));

  it('serves a known document hash, and leaves an unknown hash or a query text to Yoga, answering as Yoga does', async () => {
    const gateway = await startTestGateway(stack.embedded.urls, { GANTRY_TRUSTED_DOCUMENTS: manifest });
    const { readFile } = await import('node:fs/promises');
    const [hash, document] = Object.entries(JSON.parse(await readFile(manifest, 'utf8')) as Record<string, string>).find(([, text]) =>
      text.startsWith('query Images('),
    )!;
    for (const [body, path] of [
      [JSON.stringify({ documentId: hash, variables: { first: 2 } }), 'served'],
      [JSON.stringify({ documentId: 'sha256:unknown' }), 'handed_over'],
      [JSON.stringify({ query: document }), 'handed_over'],
      [JSON.stringify({ documentId: hash, query: '{ __typename }' }), 'handed_over'],
    ] as const) {
      const before = await fastPathCounts(gateway.url);
      const fast = await post(gateway.url, body, admin);
      expect((await fastPathCounts(gateway.url))[path]! - before[path]!).toBe(1);
      expect(fast).toEqual(await post(gateway.url, body, { ...admin, origin: 'http://127.0.0.1' }));
    }
    expect(JSON.parse((await post(gateway.url, JSON.stringify({ documentId: hash, variables: { first: 2 } }), admin)).body).data.images.nodes).toHaveLength(2);
  });
});

describe('regularMediaType (the choice Yoga makes from Accept)', () => {
  it.each([
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json', 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json', 'application/json'],
    ['application/*', 'application/json'],
    ['text/event-stream', undefined],
    ['multipart/mixed', undefined],
    ['application/json; charset=latin1', undefined],
    ['text/html', undefined],
  ])('Accept %s → %s', (accept, expected) => {
    expect(regularMediaType(accept)).toBe(expected);
  });
});
