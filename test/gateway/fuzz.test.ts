import fc from 'fast-check';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import type { Gateway } from '../../src/server.js';

/**
 * Hostile bodies, generated: whatever arrives, the gateway answers with less than 500, stays
 * up, and leaves no unhandled rejection (vitest fails the run on one). Bounded runs.
 */

let gateway: Gateway;
beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  gateway = await startTestGateway(embedded.urls);
});

const FIELDS = [
  'vmImages',
  'vmImage',
  'containerImages',
  'containers',
  'serverlessContainers',
  'ciImages',
  'node',
  'nodes',
  'gpuModels',
  '__schema',
  '__typename',
];
/** Almost-GraphQL: real field names, random arguments and punctuation. */
const graphqlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...FIELDS,
        '{',
        '}',
        '(',
        ')',
        ':',
        '$',
        '...',
        'first:',
        'id:',
        '"x"',
        '1e999',
        '-1',
        'null',
        '@skip(if: true)',
        'query',
        'mutation',
        'subscription',
        'fragment F on Query',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));
const anyJson = fc.jsonValue({ maxDepth: 4 });
const body = fc.oneof(
  fc
    .record(
      {
        query: fc.oneof(graphqlish, fc.string(), anyJson),
        variables: fc.oneof(anyJson, fc.dictionary(fc.string(), anyJson)),
        operationName: fc.oneof(fc.string(), anyJson),
        extensions: anyJson,
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  anyJson.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/graphql-response+json',
  'application/graphql',
  'text/plain',
  'application/x-www-form-urlencoded',
  '',
  'application/json; charset=utf-16',
);

describe('fuzzed requests', () => {
  it('POST: never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(body, contentType, async (payload, type) => {
        const response = await request(`${gateway.url}/graphql`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKENS.admin}`, ...(type ? { 'content-type': type } : {}) },
          body: payload,
        });
        await response.body.dump();
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('GET: never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        graphqlish,
        fc.oneof(
          fc.string(),
          anyJson.map((v) => JSON.stringify(v)),
        ),
        async (query, variables) => {
          const response = await request(`${gateway.url}/graphql?${new URLSearchParams({ query, variables })}`, {
            headers: { authorization: `Bearer ${TOKENS.admin}` },
          });
          await response.body.dump();
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('WebSocket: any message gets an answer or a protocol close code, never an internal error (4500)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          body,
          graphqlish.map((query) => JSON.stringify({ id: '1', type: 'subscribe', payload: { query } })),
        ),
        async (message) => {
          const socket = new WebSocket(`${gateway.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
          track(() => socket.terminate());
          await new Promise((resolve) => socket.once('open', resolve));
          const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
          const acked = new Promise((resolve) => socket.once('message', resolve));
          socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKENS.admin}` } }));
          await acked;
          socket.send(message);
          const code = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(0), 150))]);
          socket.terminate();
          expect(code).not.toBe(4500);
          expect(code === 0 || (code >= 4400 && code < 4500) || code === 1000).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);

  it('is still up and answering afterwards', async () => {
    const response = await request(`${gateway.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(await response.body.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
