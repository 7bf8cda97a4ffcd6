import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ContainersPageDocument, PowerContainerDocument } from '../generated/graphql.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { waitFor } from '../helpers/wait-for.js';
import type { Gateway } from '../../src/server.js';

let gateway: Gateway;
let online: string;
let offline: string;
let theirs: string;

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  gateway = await startTestGateway(embedded.urls, { GANTRY_POLL_INTERVAL_MS: '200' });
  const { data } = await gqlAt(gateway.url, ContainersPageDocument, { first: 100 });
  const nodes = data.containers!.edges.map((e) => e.node);
  online = nodes.find((c) => c.state === 'ONLINE')!.id;
  offline = nodes.find((c) => c.state === 'OFFLINE' && c.requestedState === 'STOPPED')!.id;
  theirs = (await gqlAt(gateway.url, ContainersPageDocument, { first: 100 }, { token: TOKENS.other })).data.containers!.edges[0]!.node.id;
});

function ws(token: string): Client {
  const client = createWsClient({
    url: `${gateway.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  track(() => client.dispose());
  return client;
}

const LOGS = 'subscription($id: ID!, $after: String) { containerLogs(id: $id, after: $after) { cursor gap line { timestamp message } } }';

const SINCE =
  'subscription($id: ID!, $since: DateTime, $after: String) { containerLogs(id: $id, since: $since, after: $after) { cursor gap line { timestamp message } } }';

/** Collects `count` events of a subscription, then stops it. */
async function take(client: Client, query: string, variables: Record<string, unknown>, count: number) {
  const events: any[] = [];
  try {
    for await (const result of client.iterate({ query, variables })) {
      if (result.errors) return { events, errors: result.errors };
      events.push(result.data);
      if (events.length >= count) break;
    }
  } catch (errors) {
    // graphql-ws ends a subscription refused up front with an `error` message.
    return { events, errors: errors as Array<{ extensions?: Record<string, unknown> }> };
  }
  return { events, errors: undefined };
}

describe('subscriptions', () => {
  it('streams new log lines over graphql-ws in order, once, through one shared poller', async () => {
    const a = ws(TOKENS.admin);
    const b = ws(TOKENS.admin);
    const [first, second] = await Promise.all([take(a, LOGS, { id: online }, 3), take(b, LOGS, { id: online }, 2)]);
    expect(first.errors).toBeUndefined();
    const times = first.events.map((e) => Date.parse(e.containerLogs.line.timestamp));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(new Set(first.events.map((e) => e.containerLogs.cursor + e.containerLogs.line.message)).size).toBe(3);
    expect(second.events).toHaveLength(2);
    // Both subscribers stopped: the poller is gone with the last of them.
    await waitFor(() => gateway.pollers.active.size === 0);
  }, 20_000);

  it('keeps one poller per key however many subscribe, and one per credential', async () => {
    const sockets = [ws(TOKENS.admin), ws(TOKENS.admin), ws(TOKENS.reader)];
    const iterators = sockets.map((s) => s.iterate({ query: LOGS, variables: { id: online } }));
    const firsts = iterators.map((it) => it.next());
    await waitFor(() => [...gateway.pollers.active.values()].reduce((n, p) => n + p.subscribers, 0) === 3);
    expect(gateway.pollers.active.size).toBe(2);
    await Promise.all(firsts);
    await Promise.all(iterators.map((it) => it.return?.()));
    await waitFor(() => gateway.pollers.active.size === 0);
  }, 20_000);

  it('gives subscribers of one poller each their own selection of a shared event', async () => {
    const narrow = 'subscription($id: ID!) { containerLogs(id: $id) { cursor } }';
    const [wide, small] = await Promise.all([take(ws(TOKENS.admin), LOGS, { id: online }, 1), take(ws(TOKENS.admin), narrow, { id: online }, 1)]);
    expect(Object.keys(wide.events[0].containerLogs).sort()).toEqual(['cursor', 'gap', 'line']);
    expect(Object.keys(small.events[0].containerLogs)).toEqual(['cursor']);
    await waitFor(() => gateway.pollers.active.size === 0);
  }, 20_000);

  it('resumes after a cursor without missing or repeating a line', async () => {
    const client = ws(TOKENS.admin);
    const { events } = await take(client, LOGS, { id: online }, 2);
    const cursor = events[0].containerLogs.cursor;
    const resumed = await take(ws(TOKENS.admin), LOGS, { id: online, after: cursor }, 2);
    expect(resumed.events[0].containerLogs.line).toEqual(events[1].containerLogs.line);
    expect(Date.parse(resumed.events[1].containerLogs.line.timestamp)).toBeGreaterThanOrEqual(Date.parse(events[1].containerLogs.line.timestamp));
  }, 20_000);

  it('starts from an instant with since, and refuses since together with after', async () => {
    const { events } = await take(ws(TOKENS.admin), LOGS, { id: online }, 2);
    const since = events[0].containerLogs.line.timestamp;
    const replayed = await take(ws(TOKENS.admin), SINCE, { id: online, since }, 2);
    expect(replayed.events[0].containerLogs.line).toEqual(events[0].containerLogs.line);
    expect(replayed.events[1].containerLogs.line).toEqual(events[1].containerLogs.line);
    const both = await take(ws(TOKENS.admin), SINCE, { id: online, since, after: events[0].containerLogs.cursor }, 1);
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }, 20_000);

  it('refuses a container the caller may not read before any event', async () => {
    await waitFor(() => gateway.pollers.active.size === 0); // earlier tests' streams have wound down
    const { events, errors } = await take(ws(TOKENS.reader), LOGS, { id: theirs }, 1);
    expect(events).toHaveLength(0);
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(gateway.pollers.active.size).toBe(0);
  });

  it('shows a power action as STARTING … ONLINE on containerState', async () => {
    const query = 'subscription($id: ID!) { containerState(id: $id) { state requestedState } }';
    const states: string[] = [];
    const iterator = ws(TOKENS.admin).iterate({ query, variables: { id: offline } });
    const first = await iterator.next();
    states.push((first.value?.data as any)?.containerState.state);
    await gqlAt(gateway.url, PowerContainerDocument, { input: { id: offline, action: 'START' } });
    for await (const result of iterator) {
      states.push((result.data as any).containerState.state);
      if (states.at(-1) === 'ONLINE') break;
    }
    expect(states[0]).toBe('OFFLINE');
    expect(states).toContain('STARTING');
    expect(states.at(-1)).toBe('ONLINE');
  }, 20_000);

  it('streams over SSE too', async () => {
    const client = createSseClient({ url: `${gateway.url}/graphql`, headers: { authorization: `Bearer ${TOKENS.admin}` }, retryAttempts: 0 });
    track(() => client.dispose());
    const iterator = client.iterate({ query: LOGS, variables: { id: online } });
    const result = await iterator.next();
    await iterator.return?.();
    expect((result.value?.data as any)?.containerLogs.line.message).toBeTruthy();
  }, 20_000);
});
