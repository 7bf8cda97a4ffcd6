import { auditServer } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';
import type { Gateway } from '../../src/server.js';

/**
 * The GraphQL-over-HTTP audit suite (the graphql-http package's server audits) against the
 * gateway in its conformance profile: the production profile and its plugins, with
 * introspection allowed (the audits' requests carry a developer key) and a credential.
 */

const DEVELOPER_KEY = 'conformance-key-0123456789';
let gateway: Gateway;

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  gateway = await startTestGateway(embedded.urls, { GANTRY_PROFILE: 'production', GANTRY_DEVELOPER_KEYS: DEVELOPER_KEY });
});

describe('GraphQL over HTTP conformance', () => {
  it('passes every graphql-http server audit: 0 errors, 0 warnings', async () => {
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${TOKENS.admin}`);
      headers.set('x-gantry-developer-key', DEVELOPER_KEY);
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: `${gateway.url}/graphql`, fetchFn });
    const problems = await Promise.all(
      results
        .filter((r) => r.status === 'error' || r.status === 'warn')
        .map(async (r) => `${r.status} ${r.name}: ${'reason' in r ? r.reason : ''} ${'response' in r ? (await r.response.text()).slice(0, 200) : ''}`),
    );
    expect(problems).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(30);
  });
});
