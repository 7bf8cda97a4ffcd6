import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.js';
import { type DelayProxy, startDelayProxy } from '../helpers/delay-proxy.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { waitFor } from '../helpers/wait-for.js';

/**
 * Resource subscriptions over MCP sessions: `resources/subscribe` on a container's logs sends
 * `notifications/resources/updated` as lines arrive, fed by the shared pollers (one upstream
 * poll per interval however many sessions watch); `resources/unsubscribe` or the end of the
 * session stops the polls. Polls are counted at a proxy in front of the real containers service.
 */

const POLL_MS = 200;
let gateway: Gateway;
let proxy: DelayProxy;
let online: string;
let urls: Record<string, string>;

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  urls = embedded.urls as Record<string, string>;
  proxy = await startDelayProxy(embedded.urls.containers!, 0);
  gateway = await startTestGateway({ ...embedded.urls, containers: proxy.url }, { GANTRY_POLL_INTERVAL_MS: String(POLL_MS) });
  const { data } = await gqlAt(gateway.url, '{ containers(first: 50) { nodes { id state } } }');
  online = (data.containers.nodes as Array<{ id: string; state: string }>).find((c) => c.state === 'ONLINE')!.id;
});

async function session(token = TOKENS.admin, url = gateway.url) {
  const client = new Client({ name: 'gantry-test', version: '1' });
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
  const updates: string[] = [];
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => void updates.push(notification.params.uri));
  await client.connect(transport);
  track(() => client.close());
  return { client, transport, updates };
}

/** Polls of one container's logs the upstream saw so far. */
const logPolls = () => proxy.seen.filter((call) => /\/logs/.test(call.path)).length;

/** The polls the upstream sees over three intervals, after three to let any in flight land. */
async function pollsOverThreeIntervals(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 3 * POLL_MS));
  const before = logPolls();
  await new Promise((resolve) => setTimeout(resolve, 3 * POLL_MS));
  return logPolls() - before;
}

describe('MCP resource subscriptions', () => {
  it('sends resources/updated as new log lines arrive, then unsubscribe stops the polls', async () => {
    const { client, updates } = await session();
    const uri = `gantry://containers/${online}/logs`;
    const subscribed = Date.now();
    await client.subscribeResource({ uri });
    // The demo container logs a line every 2 s; the poller sees it within an interval.
    await waitFor(() => updates.includes(uri), { deadlineMs: 2_000 + 3 * POLL_MS + 1_000, what: 'a resources/updated notification' });
    expect(Date.now() - subscribed).toBeLessThanOrEqual(2_000 + 3 * POLL_MS + 1_000);
    expect(logPolls()).toBeGreaterThan(0);
    await client.unsubscribeResource({ uri });
    expect(await pollsOverThreeIntervals()).toBe(0);
  });

  it('the end of the session stops the feed', async () => {
    const { client, transport, updates } = await session();
    const uri = `gantry://containers/${online}/state`;
    await client.subscribeResource({ uri });
    // The state stream answers the state now at once.
    await waitFor(() => updates.includes(uri), { deadlineMs: 3_000, what: 'the first state update' });
    await client.subscribeResource({ uri: `gantry://containers/${online}/logs` });
    await waitFor(() => logPolls() > 0);
    await transport.terminateSession();
    expect(await pollsOverThreeIntervals()).toBe(0);
  });

  it('a thousand sessions of one credential watching one container make one poll per interval', async () => {
    // A thousand agents on one address (an agent platform): the per-address connection cap is
    // for hostile clients, so this gateway has it off.
    const crowded = await startTestGateway(
      { ...urls, containers: proxy.url },
      { GANTRY_POLL_INTERVAL_MS: String(POLL_MS), GANTRY_MAX_CONNECTIONS_PER_ADDRESS: '0' },
    );
    const sessions: Array<Awaited<ReturnType<typeof session>>> = [];
    // Opened in waves, as agents arrive: a thousand handshakes at one instant measure the test machine, not the feed.
    for (let wave = 0; wave < 10; wave++) sessions.push(...(await Promise.all(Array.from({ length: 100 }, () => session(TOKENS.admin, crowded.url)))));
    const uri = `gantry://containers/${online}/logs`;
    const before = logPolls();
    await Promise.all(sessions.map(({ client }) => client.subscribeResource({ uri })));
    await waitFor(() => logPolls() > before, { deadlineMs: 10_000, what: 'the shared poller to start' });
    const polls = await pollsOverThreeIntervals();
    // One poller: about 3 in three intervals (with ±10% jitter); one per session would be about 3,000.
    expect(polls).toBeGreaterThanOrEqual(1);
    expect(polls).toBeLessThanOrEqual(5);
    // ...and every session is told of the new lines (the demo container logs one every 2 s).
    await waitFor(() => sessions.every(({ updates }) => updates.includes(uri)), { deadlineMs: 10_000, what: 'an update in every session' });
    await Promise.all(sessions.map(({ transport }) => transport.terminateSession()));
    expect(await pollsOverThreeIntervals()).toBe(0);
  }, 60_000);

  it('an unknown session, or another credential using a session, gets 404; a resource that does not exist cannot be subscribed', async () => {
    const unknown = await request(`${gateway.url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKENS.admin}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': 'no-such-session',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(unknown.statusCode).toBe(404);
    expect(((await unknown.body.json()) as { error: { code: number; message: string } }).error).toMatchObject({ code: -32001 });

    const { client, transport } = await session();
    const stolen = await request(`${gateway.url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKENS.other}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': transport.sessionId!,
        'mcp-protocol-version': '2025-06-18',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(stolen.statusCode).toBe(404);
    await stolen.body.dump();
    await expect(client.subscribeResource({ uri: 'gantry://containers/x/everything' })).rejects.toThrow(/Unknown resource/);
  });
});
