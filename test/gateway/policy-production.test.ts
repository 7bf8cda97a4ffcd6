import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContainerImagesPageDocument } from '../generated/graphql.js';
import { startDelayProxy } from '../helpers/delay-proxy.js';
import { startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { sendOver, TRANSPORTS } from '../helpers/transports.js';
import type { Gateway } from '../../src/server.js';

/**
 * The production profile: the schema stays private to callers without a developer key, field
 * suggestions are hidden, unexpected errors are masked; and trusted documents, when on, are
 * the only documents that run, on every transport.
 */

const DEVELOPER_KEY = 'dev-key-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKENS.admin}` };
const developer = { ...auth, 'x-gantry-developer-key': DEVELOPER_KEY };
const INTROSPECTION = '{ __schema { queryType { name } } }';
const MANIFEST = fileURLToPath(new URL('../generated/persisted-documents.json', import.meta.url));

let gateway: Gateway;
let trusted: Gateway;
let brokenCatalogue = false;

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  // A catalogue that can start answering with a body of the wrong shape: the gateway's own code
  // then fails unexpectedly, which is what masking is for.
  const catalogue = await startDelayProxy(embedded.urls.containerImages!, {
    reply: (_method, path) =>
      brokenCatalogue && path.startsWith('/api/container_images')
        ? { status: 200, body: { container_images: 'not a list', secret: 'internal-db.acme.local' } }
        : undefined,
  });
  const urls = { ...embedded.urls, containerImages: catalogue.url };
  gateway = await startTestGateway(urls, { GANTRY_PROFILE: 'production', GANTRY_DEVELOPER_KEYS: DEVELOPER_KEY });
  trusted = await startTestGateway(urls, { GANTRY_PROFILE: 'production', GANTRY_TRUSTED_DOCUMENTS: MANIFEST });
});

describe('production profile', () => {
  it.each(TRANSPORTS)('refuses introspection over %s without a developer key, and allows it with one', async (transport) => {
    const refused = await sendOver(transport, gateway.url, { query: INTROSPECTION }, auth);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
    const allowed = await sendOver(transport, gateway.url, { query: INTROSPECTION }, developer);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('serves GraphiQL only to a developer (header or cookie)', async () => {
    const page = (headers: Record<string, string>) => request(`${gateway.url}/graphql`, { headers: { accept: 'text/html', ...headers } });
    const anonymous = await page({});
    const anonymousBody = await anonymous.body.text();
    expect(anonymousBody).not.toContain('<html');
    const developerHeaders: Array<Record<string, string>> = [
      { 'x-gantry-developer-key': DEVELOPER_KEY },
      { cookie: `theme=dark; gantry-developer-key=${DEVELOPER_KEY}` },
    ];
    for (const headers of developerHeaders) {
      const opened = await page(headers);
      expect(opened.statusCode).toBe(200);
      expect(await opened.body.text()).toContain('<html');
    }
  });

  it('hides field suggestions', async () => {
    const answer = await sendOver('POST', gateway.url, { query: '{ containerImage { id } nodez }' }, auth);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.errors)).not.toMatch(/Did you mean/);
  });

  it('masks an unexpected failure: no stack, no internal host, no upstream body, no token', async () => {
    brokenCatalogue = true;
    try {
      const response = await request(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ query: '{ containerImages(first: 3) { nodes { id } } }' }),
      });
      const text = await response.body.text();
      expect(response.statusCode).toBeLessThan(500);
      const body = JSON.parse(text) as { errors: Array<{ message: string; extensions?: Record<string, unknown> }> };
      expect(body.errors.length).toBeGreaterThan(0);
      for (const needle of ['internal-db', 'not a list', 'TypeError', ' at ', '127.0.0.1', TOKENS.admin, 'stack', 'originalError']) {
        expect(text, needle).not.toContain(needle);
      }
    } finally {
      brokenCatalogue = false;
    }
  });
});

describe('trusted documents', () => {
  const hash = (ContainerImagesPageDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;

  it('knows the document the test uses (codegen wrote it to the manifest)', () => {
    expect(manifest[hash]).toContain('query ContainerImagesPage');
  });

  it.each(TRANSPORTS)('runs a trusted document by its hash over %s and refuses any other text', async (transport) => {
    const ran = await sendOver(transport, trusted.url, { documentId: hash, variables: { first: 2 } }, auth);
    expect(ran.errors).toBeUndefined();
    expect((ran.data as { containerImages: { edges: unknown[] } }).containerImages.edges).toHaveLength(2);
    const apq = await sendOver(transport, trusted.url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { first: 1 } }, auth);
    expect(apq.errors).toBeUndefined();
    const text = await sendOver(transport, trusted.url, { query: '{ containerImages(first: 1) { nodes { id } } }' }, auth);
    expect(text.data ?? null).toBeNull();
    expect(text.errors?.length).toBeGreaterThan(0);
    const unknown = await sendOver(transport, trusted.url, { documentId: 'sha256:0000' }, auth);
    expect(unknown.data ?? null).toBeNull();
    expect(unknown.errors?.length).toBeGreaterThan(0);
  });
});
