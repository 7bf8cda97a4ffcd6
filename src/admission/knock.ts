import type { IncomingMessage } from 'node:http';
import { cookieValue, DEVELOPER_KEY_COOKIE, DEVELOPER_KEY_HEADER } from './developer-keys.js';

/** The ways in. Logs and metrics name them; the admission step treats them alike. */
export type Transport = 'http' | 'sse' | 'ws' | 'files' | 'mcp';

/** What a GraphQL operation names its document with: a text, or a trusted document's hash. */
export interface OperationParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

/**
 * What an entry presents to the admission step for one operation (or one byte-route request):
 * where it came from and what the caller sent, read the same way on every transport.
 */
export interface Knock {
  transport: Transport;
  /** The client address (the TCP peer). */
  address: string;
  /** `Authorization` (HTTP) or `connectionParams.authorization` (graphql-ws). */
  authorization: string | null;
  /** `X-Gantry-Backend-Tokens` (HTTP) or `connectionParams.backendTokens` (graphql-ws). */
  backendTokens: string | Record<string, unknown> | null;
  /** `X-Gantry-Developer-Key` or its cookie (HTTP), `connectionParams.developerKey` (graphql-ws). */
  developerKey: unknown;
  /** `X-Gantry-Router-Secret` (HTTP) or `connectionParams.routerSecret` (graphql-ws): a federation router. */
  routerSecret: unknown;
  /** The operation's parameters; byte routes have none. */
  operation?: OperationParams;
}

/** Header a federation router sends its shared secret in (GANTRY_SUBGRAPH_ROUTER_SECRET). */
const ROUTER_SECRET_HEADER = 'x-gantry-router-secret';

/** A header by its lower-case name: node's header map and fetch's Headers both fit behind it. */
export type HeaderReader = (name: string) => string | null | undefined;

/** The client address of a request or WebSocket upgrade. */
export function clientAddress(req: IncomingMessage | undefined): string {
  return req?.socket.remoteAddress ?? 'unknown';
}

/** Reads a node-style header map (a repeated header joined, as fetch's Headers would). */
export const headerMap =
  (headers: Readonly<Record<string, string | string[] | undefined>>): HeaderReader =>
  (name) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };

/** Reads node's header map of a request. */
export const nodeHeaders = (req: IncomingMessage): HeaderReader => headerMap(req.headers);

/** An HTTP request's knock (Yoga, the fast path, SSE, byte routes). */
export function knockFromHeaders(transport: Transport, address: string, header: HeaderReader, operation?: OperationParams): Knock {
  return {
    transport,
    address,
    authorization: header('authorization') ?? null,
    backendTokens: header('x-gantry-backend-tokens') ?? null,
    developerKey: header(DEVELOPER_KEY_HEADER) ?? cookieValue(header('cookie'), DEVELOPER_KEY_COOKIE),
    routerSecret: header(ROUTER_SECRET_HEADER),
    ...(operation ? { operation } : {}),
  };
}

/** A graphql-ws operation's knock: credentials come from the socket's connectionParams. */
export function knockFromConnectionParams(address: string, params: Readonly<Record<string, unknown>> | undefined, operation?: OperationParams): Knock {
  const backendTokens = params?.backendTokens;
  return {
    transport: 'ws',
    address,
    authorization: typeof params?.authorization === 'string' ? params.authorization : null,
    backendTokens:
      typeof backendTokens === 'string' || (typeof backendTokens === 'object' && backendTokens !== null)
        ? (backendTokens as string | Record<string, unknown>)
        : null,
    developerKey: params?.developerKey,
    routerSecret: params?.routerSecret,
    ...(operation ? { operation } : {}),
  };
}
