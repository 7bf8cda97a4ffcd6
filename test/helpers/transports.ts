import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';
import { track } from './leftovers.js';

/** One GraphQL operation's answer, whatever carried it. */
export interface Answer {
  status: number;
  data?: unknown;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export type Transport = 'GET' | 'POST' | 'SSE' | 'WS';
export const TRANSPORTS: Transport[] = ['GET', 'POST', 'SSE', 'WS'];

export interface Operation {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  documentId?: string;
}

/**
 * Sends one operation over `transport` to a gateway at `url` and collects its first result (or
 * the errors it was refused with). `headers` go with HTTP and SSE; over graphql-ws the
 * Authorization and developer key go in connectionParams, as clients send them there.
 */
export async function sendOver(transport: Transport, url: string, operation: Operation, headers: Record<string, string> = {}): Promise<Answer> {
  if (transport === 'GET' || transport === 'POST') {
    const params = new URLSearchParams();
    if (operation.query) params.set('query', operation.query);
    if (operation.operationName) params.set('operationName', operation.operationName);
    if (operation.variables) params.set('variables', JSON.stringify(operation.variables));
    if (operation.extensions) params.set('extensions', JSON.stringify(operation.extensions));
    if (operation.documentId) params.set('documentId', operation.documentId);
    const response =
      transport === 'GET'
        ? await request(`${url}/graphql?${params}`, { headers: { accept: 'application/graphql-response+json', ...headers } })
        : await request(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
            body: JSON.stringify(operation),
          });
    const text = await response.body.text();
    const body = text ? (JSON.parse(text) as Omit<Answer, 'status'>) : {};
    return { status: response.statusCode, ...body };
  }
  if (transport === 'SSE') {
    const client = createSseClient({ url: `${url}/graphql`, headers, retryAttempts: 0 });
    track(() => client.dispose());
    try {
      const result = await client.iterate(operation as never).next();
      return { status: 200, ...(result.value as object) };
    } catch (error) {
      return { status: 0, errors: Array.isArray(error) ? error : [{ message: String((error as Error).message ?? error) }] };
    }
  }
  const authorization = headers.authorization ?? headers.Authorization;
  const developerKey = headers['x-gantry-developer-key'];
  const client = createWsClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { ...(authorization ? { authorization } : {}), ...(developerKey ? { developerKey } : {}) },
  });
  track(() => client.dispose());
  try {
    // graphql-ws requires a query string in every subscribe message: a trusted-document client sends "" beside the hash.
    const result = await client.iterate({ ...operation, query: operation.query ?? '' } as never).next();
    return { status: 101, ...(result.value as object) };
  } catch (error) {
    return { status: 101, errors: Array.isArray(error) ? error : [{ message: String((error as Error).message ?? error) }] };
  }
}
