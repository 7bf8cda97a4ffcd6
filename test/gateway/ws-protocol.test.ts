import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import type { Gateway } from '../../src/server.js';

/** graphql-ws close codes as its PROTOCOL.md gives them, on the gateway's socket. */

let gateway: Gateway;
beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  gateway = await startTestGateway(embedded.urls);
});

async function connect(protocol = 'graphql-transport-ws') {
  const socket = new WebSocket(`${gateway.url.replace('http', 'ws')}/graphql`, protocol);
  track(() => socket.terminate());
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
  const messages: Array<{ type: string }> = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve) => socket.once('open', resolve));
  return { socket, closed, messages };
}

const init = (token = TOKENS.admin) => JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });

describe('graphql-ws close codes (PROTOCOL.md)', () => {
  it('4400 for a message that is not valid JSON of the protocol', async () => {
    const { socket, closed } = await connect();
    socket.send('{not json');
    expect((await closed).code).toBe(4400);
  });

  it('4401 for a subscribe before the connection was acknowledged', async () => {
    const { socket, closed } = await connect();
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } }));
    expect((await closed).code).toBe(4401);
  });

  it('4403 for credentials refused at connection_init', async () => {
    const { socket, closed } = await connect();
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Basic nope' } }));
    expect((await closed).code).toBe(4403);
  });

  it('4429 for a second connection_init', async () => {
    const { socket, closed, messages } = await connect();
    socket.send(init());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages.some((m) => m.type === 'connection_ack')).toBe(true);
    socket.send(init());
    expect((await closed).code).toBe(4429);
  });

  it('4408 when no connection_init comes in time', async () => {
    const { closed } = await connect();
    expect((await closed).code).toBe(4408);
  }, 10_000);

  it('answers ping with pong and keeps the socket', async () => {
    const { socket, messages } = await connect();
    socket.send(init());
    socket.send(JSON.stringify({ type: 'ping' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages.map((m) => m.type)).toEqual(['connection_ack', 'pong']);
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it('never opens a socket for a client that asks only for another subprotocol', async () => {
    // The server selects no subprotocol, so the client fails the handshake itself (RFC 6455
    // 4.1); with graphql-transport-ws among the offers it is the one selected.
    const socket = new WebSocket(`${gateway.url.replace('http', 'ws')}/graphql`, 'graphql-ws');
    track(() => socket.terminate());
    let opened = false;
    socket.on('open', () => (opened = true));
    const error = await new Promise<Error>((resolve) => socket.once('error', resolve));
    expect(error.message).toMatch(/subprotocol/);
    expect(opened).toBe(false);
    const both = await connect();
    expect(both.socket.protocol).toBe('graphql-transport-ws');
  });
});
