import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import pino, { type Logger } from 'pino';
import { request } from 'undici';
import type { BackendKey } from '../../src/backend-keys.js';
import { createBackends } from '../../src/backends/index.js';
import { loadConfig } from '../../src/config.js';
import { startEmbedded, type EmbeddedServices } from '../../src/embedded/index.js';
import type { EmbeddedTokens } from '../../src/embedded/tokens.js';
import { createGateway, type Gateway } from '../../src/server.js';
import { tempDataDir, track } from './leftovers.js';

export const TOKENS: EmbeddedTokens = { admin: 'test-admin-token', reader: 'test-reader-token', other: 'test-other-token' };

const ALL_EMBEDDED: BackendKey[] = ['vmImages', 'ciImages', 'containerImages', 'containers', 'serverless'];

export async function startTestEmbedded(dataDir: string, only: BackendKey[] = ALL_EMBEDDED, clock?: () => number): Promise<EmbeddedServices> {
  const embedded = await startEmbedded({ dataDir, tokens: TOKENS, only, ...(clock ? { clock } : {}) });
  track(() => embedded.close());
  return embedded;
}

/**
 * A gateway on 127.0.0.1:0 pointed at the given backend URLs; stopped after the file's tests.
 * `graphiqlToken` is pre-filled in GraphiQL's headers, as `npm start` does with the admin token.
 */
export async function startTestGateway(
  urls: Partial<Record<BackendKey, string>>,
  env: Record<string, string> = {},
  options: { graphiqlToken?: string; devTokens?: EmbeddedTokens; logger?: Logger } = {},
): Promise<Gateway> {
  // Rate limits are off unless a test turns them on: suites fire hundreds of requests a second
  // from 127.0.0.1, and the limits have tests of their own (test/gateway/policy-*.test.ts).
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    GANTRY_RATE_LIMIT_PER_ADDRESS: '0',
    GANTRY_RATE_LIMIT_PER_CREDENTIAL: '0',
    GANTRY_RATE_LIMIT_AUTH_FAILURES: '0',
    // Tests poll every 50 ms, where one stream costs 20 polls a second: the poll budget has
    // its own tests (test/gateway/hostile-streams.test.ts).
    GANTRY_MAX_POLLS_PER_SECOND_PER_CALLER: '1000000',
    ...env,
  });
  const { logger = pino({ level: 'silent' }), ...rest } = options;
  const backends = createBackends(config, urls, logger);
  const gateway = createGateway({ config, backends, logger, ...rest });
  await gateway.start();
  track(() => gateway.stop());
  return gateway;
}

export interface Stack {
  gateway: Gateway;
  embedded: EmbeddedServices;
  dataDir: string;
  /** Sends a GraphQL operation over HTTP POST as `token` (admin by default; null for none). */
  gql: <T = any, V = Record<string, unknown>>(query: Operation<T, V>, variables?: V, options?: GqlOptions) => Promise<GqlResult<T>>;
}

export interface GqlOptions {
  token?: string | null;
  headers?: Record<string, string>;
}

export interface GqlResult<T> {
  status: number;
  data: T;
  errors: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }> | undefined;
}

/** A typed document from test/generated, or a plain query string. */
export type Operation<T, V> = TypedDocumentNode<T, V> | string;

export async function gqlAt<T = any, V = Record<string, unknown>>(
  url: string,
  operation: Operation<T, V>,
  variables?: V,
  options: GqlOptions = {},
): Promise<GqlResult<T>> {
  const query = typeof operation === 'string' ? operation : print(operation);
  const token = options.token === undefined ? TOKENS.admin : options.token;
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: variables ?? {} }),
  });
  const body = (await response.body.json()) as { data: T; errors?: GqlResult<T>['errors'] };
  return { status: response.statusCode, data: body.data, errors: body.errors };
}

/** Embedded VM image service + gateway, each on its own loopback port, fresh data dir. */
export async function startStack(options: { dataDir?: string; env?: Record<string, string>; clock?: () => number } = {}): Promise<Stack> {
  const dataDir = options.dataDir ?? (await tempDataDir());
  const embedded = await startTestEmbedded(dataDir, ALL_EMBEDDED, options.clock);
  const gateway = await startTestGateway(embedded.urls, options.env);
  return { gateway, embedded, dataDir, gql: (query, variables, opts) => gqlAt(gateway.url, query, variables, opts) };
}
