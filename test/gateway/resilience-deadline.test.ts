import { createClient } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBackends } from '../../src/backends/index.js';
import { loadConfig } from '../../src/config.js';
import { readCredentials } from '../../src/admission/credentials.js';
import { createContext } from '../../src/context.js';
import type { EmbeddedServices } from '../../src/embedded/index.js';
import { PollerRegistry } from '../../src/subscriptions/pollers.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';

/**
 * The request deadline as the context carries it: every call of a request gets it, a spent one
 * sends nothing, and a subscription's stream (whose context lives as long as the stream) is
 * not cut off by the deadline of the request that opened it.
 */

let embedded: EmbeddedServices;
beforeAll(async () => {
  embedded = await startTestEmbedded(await tempDataDir(), ['vmImages', 'containers', 'containerImages']);
});

const UNUSED = { ciImages: 'http://127.0.0.1:9', serverless: 'http://127.0.0.1:9' };
const elapse = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('request deadline in the context', () => {
  it('puts the deadline on every call, and once it is spent fails the next call without sending it', async () => {
    const proxy = await startFaultProxy(embedded.urls.vmImages!);
    const config = loadConfig({ GANTRY_REQUEST_DEADLINE_MS: '150' });
    const backends = createBackends(config, { ...UNUSED, ...embedded.urls, vmImages: proxy.url });
    track(() => backends.close());
    const before = performance.now();
    const context = createContext({ config, backends }, readCredentials({ authorization: `Bearer ${TOKENS.admin}` }, config));
    const call = context.call('vmImages');
    expect(call.deadline).toBe(context.deadline);
    expect(context.deadline - before).toBeGreaterThanOrEqual(150);
    expect(context.deadline - performance.now()).toBeLessThanOrEqual(150);
    expect((await backends.vmImages.list(call, { limit: 1 })).images).toHaveLength(1);

    // Time passes, as it does in a request that makes one slow call after another.
    await elapse(200);
    await expect(backends.vmImages.list(context.call('vmImages'), { limit: 2 })).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: null });
    expect(proxy.count()).toBe(1);
  });

  it('stops putting the deadline on calls once a resolver opens a stream', async () => {
    const config = loadConfig({ GANTRY_REQUEST_DEADLINE_MS: '150' });
    const pollers = new PollerRegistry({ intervalMs: 60_000 });
    track(() => pollers.close());
    const context = createContext({ config, backends: {} as never, pollers }, readCredentials({ authorization: `Bearer ${TOKENS.admin}` }, config));
    expect(context.call('containers').deadline).toBe(context.deadline);
    const queue = context.pollers.subscribe('test|stream', () => ({ poll: async () => [] }), { caller: 'caller' });
    // The context's registry is the shared one: the stream is there for everyone to see.
    expect(pollers.active.has('test|stream')).toBe(true);
    expect(context.call('containers').deadline).toBeUndefined();
    await queue.return();
  });

  it('resolves the upstream fields of a subscription event long after the deadline of the request that opened it', async () => {
    const gateway = await startTestGateway({ ...UNUSED, ...embedded.urls }, { GANTRY_REQUEST_DEADLINE_MS: '300', GANTRY_POLL_INTERVAL_MS: '100' });
    const { data } = await gqlAt<any>(gateway.url, /* GraphQL */ '{ containers(first: 100) { nodes { id state requestedState } } }');
    const offline = data.containers.nodes.find((c: any) => c.state === 'OFFLINE' && c.requestedState === 'STOPPED').id as string;

    const client = createClient({
      url: `${gateway.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${TOKENS.admin}` },
    });
    track(() => client.dispose());
    const query = /* GraphQL */ 'subscription ($id: ID!) { containerState(id: $id) { state container { name processes { pid } } } }';
    const events = client.iterate({ query, variables: { id: offline } });
    const first = await events.next();
    expect(first.value?.errors).toBeUndefined();
    expect((first.value?.data as any)?.containerState.state).toBe('OFFLINE');

    // Past the deadline of the request that opened the stream, the container starts.
    await elapse(400);
    await gqlAt(gateway.url, /* GraphQL */ 'mutation ($id: ID!) { powerContainer(input: { id: $id, action: START }) { __typename } }', { id: offline });
    const next = await events.next();
    await events.return?.();
    expect(next.value?.errors).toBeUndefined();
    expect((next.value?.data as any)?.containerState).toMatchObject({
      state: 'STARTING',
      container: { name: expect.any(String), processes: expect.any(Array) },
    });
  });
});
