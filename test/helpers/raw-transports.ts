import { request } from 'undici';
import WebSocket from 'ws';
import { track } from './leftovers.js';
import type { Operation } from './transports.js';

/**
 * Protocol-level exchanges that show what a client library hides: the HTTP status of an SSE
 * answer, the close code of a WebSocket. Used where a test compares outcomes across transports.
 */

/** One result as a transport delivered it: an HTTP status (or a WebSocket close code) and the first errors. */
export interface Outcome {
  status: number;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  data?: unknown;
  /** Set when the WebSocket was closed instead of answering. */
  closeCode?: number;
}

/** A POST asking for `text/event-stream` (graphql-sse's distinct connections mode); the first `next` event's payload. */
export async function sseExchange(url: string, operation: Operation, headers: Record<string, string> = {}): Promise<Outcome> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify(operation),
  });
  const text = await response.body.text();
  const contentType = String(response.headers['content-type'] ?? '');
  if (!contentType.includes('text/event-stream')) return { status: response.statusCode, ...(text ? (JSON.parse(text) as object) : {}) };
  const next = /event: next\ndata: (.*)\n/.exec(text);
  return { status: response.statusCode, ...(next ? (JSON.parse(next[1]!) as object) : {}) };
}

/**
 * graphql-transport-ws by hand: connection_init with `connectionParams`, one subscribe per
 * payload, and the first `next` or `error` of the last one (or the close code, if the socket
 * closes first).
 */
export async function wsExchange(url: string, connectionParams: Record<string, unknown>, payloads: Operation[]): Promise<Outcome> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  socket.on('error', () => {});
  track(() => socket.terminate());
  return new Promise((resolve) => {
    const lastId = String(payloads.length);
    socket.on('close', (code) => resolve({ status: 101, closeCode: code }));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: string; type: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        payloads.forEach((payload, index) => {
          socket.send(JSON.stringify({ id: String(index + 1), type: 'subscribe', payload: { ...payload, query: payload.query ?? '' } }));
        });
      } else if (message.id === lastId && message.type === 'next') {
        resolve({ status: 101, ...(message.payload as object) });
      } else if (message.id === lastId && message.type === 'error') {
        resolve({ status: 101, errors: message.payload as Outcome['errors'] });
      }
    });
  });
}
