import { createClient as createWsClient, type Client } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Gateway } from '../../src/server.js';
import { ContainersPageDocument } from '../generated/graphql.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { waitFor } from '../helpers/wait-for.js';

let gateway: Gateway;
let online: string;
const STATE = 'subscription($id: ID!) { containerState(id: $id) { state } }';

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  gateway = await startTestGateway(embedded.urls, {
    GANTRY_POLL_INTERVAL_MS: '200',
    GANTRY_MAX_SUBSCRIPTIONS_PER_SOCKET: '3',
    GANTRY_MAX_SUBSCRIPTIONS_PER_CALLER: '5',
  });
  const { data } = await gqlAt(gateway.url, ContainersPageDocument, { first: 100 });
  online = data.containers!.edges.map((e) => e.node).find((c) => c.state === 'ONLINE')!.id;
});

function ws(token = TOKENS.admin, lazy = true): Client {
  const client = createWsClient({
    url: `${gateway.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy,
    onNonLazyError: () => {},
    connectionParams: { authorization: `Bearer ${token}` },
  });
  track(() => client.dispose());
  return client;
}

/** The first result of a subscription, or the errors it was refused with. */
async function first(iterator: AsyncIterableIterator<any>) {
  try {
    return (await iterator.next()).value;
  } catch (errors) {
    return { errors };
  }
}

describe('subscription limits', () => {
  it('refuses the fourth subscription on one socket, and keeps the socket and the other three', async () => {
    const client = ws();
    const iterators = [1, 2, 3, 4].map(() => client.iterate({ query: STATE, variables: { id: online } }));
    const results = [];
    for (const it of iterators) results.push(await first(it));
    // The four race to the server; whichever comes fourth is the one refused.
    expect(results.filter((r) => r.data?.containerState?.state)).toHaveLength(3);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toHaveLength(1);
    const query = await first(client.iterate({ query: '{ __typename }' }));
    expect(query.data).toEqual({ __typename: 'Query' });
    await Promise.all(iterators.map((it) => it.return?.()));
    await waitFor(() => gateway.pollers.callers.size === 0);
  });

  it('refuses a caller past its cap across sockets, but not another caller', async () => {
    const iterators = [ws(), ws(), ws()].flatMap((client) => [1, 2].map(() => client.iterate({ query: STATE, variables: { id: online } })));
    const results = [];
    for (const it of iterators) results.push(await first(it));
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toHaveLength(1);
    const readerStream = ws(TOKENS.reader).iterate({ query: STATE, variables: { id: online } });
    const other = await first(readerStream);
    expect(other.data?.containerState?.state).toBeTruthy();
    await Promise.all([...iterators, readerStream].map((it) => it.return?.()));
  });

  it('leaves no poller and no count behind after a churn of 200 sockets that drop without saying goodbye', async () => {
    await waitFor(() => gateway.pollers.active.size === 0);
    // This process runs the gateway: its timers and sockets are ours to count.
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const timersBefore = timers();
    const listenersBefore = gateway.server.listenerCount('upgrade') + gateway.server.listenerCount('request');
    const connections = () => new Promise<number>((resolve) => gateway.server.getConnections((_e, n) => resolve(n)));
    const connectionsBefore = await connections();
    const tokens = [TOKENS.admin, TOKENS.reader, TOKENS.other];
    const clients = Array.from({ length: 200 }, (_, i) => ws(tokens[i % 3], false));
    // Each client subscribes; with the caps above most are refused, the rest stream.
    const iterators = clients.map((c) => c.iterate({ query: STATE, variables: { id: online } }));
    await Promise.all(iterators.map((it) => first(it)));
    expect(gateway.pollers.active.size).toBeGreaterThan(0);
    await Promise.all(clients.map((c) => c.dispose()));
    await waitFor(() => gateway.pollers.active.size === 0 && gateway.pollers.callers.size === 0);
    // No poll timer, keep-alive or socket outlives them.
    await waitFor(() => timers() <= timersBefore);
    expect(gateway.server.listenerCount('upgrade') + gateway.server.listenerCount('request')).toBe(listenersBefore);
    await waitFor(async () => (await connections()) <= connectionsBefore);
  }, 30_000);

  it('ends the work of a subscription whose id is re-used: the socket is closed with 4409 and its poller stops', async () => {
    await waitFor(() => gateway.pollers.active.size === 0);
    const socket = new WebSocket(`${gateway.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    track(() => socket.terminate());
    const messages: Array<{ type: string }> = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKENS.admin}` } }));
    await waitFor(() => messages.some((m) => m.type === 'connection_ack'));
    const subscribe = JSON.stringify({ id: 'same', type: 'subscribe', payload: { query: STATE, variables: { id: online } } });
    socket.send(subscribe);
    await waitFor(() => messages.some((m) => m.type === 'next'));
    expect(gateway.pollers.active.size).toBe(1);
    socket.send(subscribe);
    expect(await closed).toBe(4409);
    await waitFor(() => gateway.pollers.active.size === 0 && gateway.pollers.callers.size === 0);
  }, 20_000);
});
