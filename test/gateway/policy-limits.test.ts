import { Readable } from 'node:stream';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDelayProxy, type DelayProxy } from '../helpers/delay-proxy.js';
import { startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { sendOver, TRANSPORTS } from '../helpers/transports.js';
import { waitFor } from '../helpers/wait-for.js';
import type { Gateway } from '../../src/server.js';

/**
 * One policy on every transport: documents over the limits are refused at parse or validation,
 * so no backend ever sees a call for them. A pass-through proxy in front of the container image
 * catalogue counts what reaches it.
 */

let gateway: Gateway;
let catalogue: DelayProxy;
const auth = { authorization: `Bearer ${TOKENS.admin}` };

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  catalogue = await startDelayProxy(embedded.urls.containerImages!, 0);
  gateway = await startTestGateway(
    { ...embedded.urls, containerImages: catalogue.url },
    {
      GANTRY_MAX_DEPTH: '6',
      GANTRY_MAX_ALIASES: '5',
      GANTRY_MAX_TOKENS: '400',
      GANTRY_MAX_DIRECTIVES: '3',
      GANTRY_MAX_COST: '500',
      GANTRY_MAX_REQUEST_BYTES: '4096',
    },
  );
});

const nested = (levels: number) => `{ containerImages(first: 1) { nodes { ${'requiredContainers { '.repeat(levels)}id${' }'.repeat(levels)} } } }`;
const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: containerImages(first: 1) { nodes { id } }`).join(' ')} }`;

/** The calls the catalogue saw while `run` ran. */
async function callsDuring(run: () => Promise<unknown>): Promise<number> {
  const before = catalogue.seen.length;
  await run();
  return catalogue.seen.length - before;
}

describe('operation limits, the same on every transport', () => {
  it.each(TRANSPORTS)('refuses a document nested too deep over %s, before any backend call', async (transport) => {
    let answer: Awaited<ReturnType<typeof sendOver>> | undefined;
    expect(await callsDuring(async () => (answer = await sendOver(transport, gateway.url, { query: nested(8) }, auth)))).toBe(0);
    expect(answer!.data ?? null).toBeNull();
    expect(answer!.errors?.[0]?.message).toMatch(/depth/i);
    // Within the limit it runs, on the same transport.
    const ok = await sendOver(transport, gateway.url, { query: nested(1) }, auth);
    expect(ok.errors).toBeUndefined();
  });

  it.each(TRANSPORTS)('refuses too many aliases over %s, before any backend call', async (transport) => {
    let answer: Awaited<ReturnType<typeof sendOver>> | undefined;
    expect(await callsDuring(async () => (answer = await sendOver(transport, gateway.url, { query: aliased(6) }, auth)))).toBe(0);
    expect(answer!.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it('refuses too many tokens, directives, and too high a cost', async () => {
    const tokens = await sendOver('POST', gateway.url, { query: `{ containerImages(first: 1) { nodes { ${'id '.repeat(400)} } } }` }, auth);
    expect(tokens.errors?.[0]?.message).toMatch(/token/i);
    const directives = await sendOver(
      'POST',
      gateway.url,
      { query: '{ containerImages(first: 1) @include(if: true) @include(if: true) @skip(if: false) @skip(if: false) { nodes { id } } }' },
      auth,
    );
    expect(directives.errors?.[0]?.message).toMatch(/directive/i);
    expect(directives.status).toBe(400);
    expect(directives.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // 50 images, each with its dependencies and theirs: the page size multiplies the cost.
    const costly = await sendOver(
      'POST',
      gateway.url,
      { query: '{ containerImages(first: 50) { nodes { id requiredContainers { id requiredContainers { id } } } } }' },
      auth,
    );
    expect(costly.errors?.[0]?.message).toMatch(/cost/i);
    expect(costly.status).toBe(400);
  });

  it('refuses first above the page cap before any backend call', async () => {
    let answer: Awaited<ReturnType<typeof sendOver>> | undefined;
    const query = 'query($n: Int) { containerImages(first: $n) { nodes { id } } }';
    expect(await callsDuring(async () => (answer = await sendOver('POST', gateway.url, { query, variables: { n: 5000 } }, auth)))).toBe(0);
    expect(answer!.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a request body over GANTRY_MAX_REQUEST_BYTES with 413, and one without a length with 411', async () => {
    const big = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(5000) } }),
    });
    expect(big.statusCode).toBe(413);
    expect(((await big.body.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const chunked = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: Readable.from([Buffer.from('{"query":"{ __typename }"}')]),
    });
    expect(chunked.statusCode).toBe(411);
    await chunked.body.dump();
  });

  it('closes a WebSocket whose message is over the limit with 1009', async () => {
    const socket = new WebSocket(`${gateway.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    track(() => socket.terminate());
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: auth.authorization, pad: 'x'.repeat(5000) } }));
    expect(await closed).toBe(1009);
  });

  it('does not batch: an array of operations is refused whole', async () => {
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    await response.body.dump();
  });

  it('answers one bad operation on a WebSocket with its own error and keeps the socket for the others', async () => {
    const socket = new WebSocket(`${gateway.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    track(() => socket.terminate());
    const messages: Array<{ id?: string; type: string; payload?: any }> = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    let closedWith: number | undefined;
    socket.on('close', (code) => (closedWith = code));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: auth }));
    await waitFor(() => messages.some((m) => m.type === 'connection_ack'));
    socket.send(JSON.stringify({ id: 'syntax', type: 'subscribe', payload: { query: '{ containerImages(first: 1) { nodes { id }' } }));
    socket.send(JSON.stringify({ id: 'deep', type: 'subscribe', payload: { query: nested(8) } }));
    socket.send(JSON.stringify({ id: 'unknown-field', type: 'subscribe', payload: { query: '{ nope }' } }));
    socket.send(JSON.stringify({ id: 'good', type: 'subscribe', payload: { query: '{ containerImages(first: 1) { nodes { id } } }' } }));
    await waitFor(() => messages.some((m) => m.id === 'good' && m.type === 'complete'));
    for (const id of ['syntax', 'deep', 'unknown-field']) expect(messages.find((m) => m.id === id)?.type).toBe('error');
    expect(messages.find((m) => m.id === 'good' && m.type === 'next')?.payload.data.containerImages.nodes).toHaveLength(1);
    expect(closedWith).toBeUndefined();
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it('answers a malformed Authorization header with HTTP 401', async () => {
    const answer = await sendOver('POST', gateway.url, { query: '{ containerImages(first: 1) { nodes { id } } }' }, { authorization: 'Token abc' });
    expect(answer.status).toBe(401);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('CSRF', () => {
  const mutation = 'mutation { deleteContainerImage(input: {id: "Q29udGFpbmVySW1hZ2U6MQ"}) { __typename } }';

  it('refuses a POST a cross-site form could send, before any backend call', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      let status = 0;
      const calls = await callsDuring(async () => {
        const body = type.startsWith('application/x-www') ? new URLSearchParams({ query: mutation }).toString() : JSON.stringify({ query: mutation });
        const response = await request(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': type, ...auth }, body });
        status = response.statusCode;
        await response.body.dump();
      });
      expect(status, type).toBe(403);
      expect(calls).toBe(0);
    }
  });

  it('refuses a mutation over GET', async () => {
    const answer = await sendOver('GET', gateway.url, { query: mutation }, auth);
    expect(answer.status).toBe(405);
  });

  it('lets a form-typed POST through when it carries the CSRF header (no browser adds it cross-site)', async () => {
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-gantry-csrf': '1', ...auth },
      body: new URLSearchParams({ query: '{ __typename }' }).toString(),
    });
    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toMatchObject({ data: { __typename: 'Query' } });
  });
});
