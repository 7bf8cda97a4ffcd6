import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { RunningService, ServiceContext } from './service.js';

/** How long `close()` waits for requests in flight before cutting their connections. */
const CLOSE_GRACE_MS = 10_000;

/**
 * A Fastify instance set up the way every embedded service needs it: no logger, and on close
 * idle keep-alive connections go at once while requests in flight (an upload) may finish.
 * `frameworkErrors` answers what Fastify refuses before routing (a malformed URL) in the
 * service's own error shape.
 */
export function createServiceApp(options: Pick<FastifyServerOptions, 'frameworkErrors'> = {}): FastifyInstance {
  return Fastify({ logger: false, forceCloseConnections: 'idle', ...options });
}

/** A JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The request path without the query string. */
export function pathOf(request: FastifyRequest): string {
  return request.url.split('?', 1)[0] ?? '';
}

/** The query string, parsed; repeated keys keep every value, in order. */
export function queryOf(request: FastifyRequest): URLSearchParams {
  const mark = request.url.indexOf('?');
  return new URLSearchParams(mark < 0 ? '' : request.url.slice(mark + 1));
}

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), or undefined. */
export function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** `<scheme>://<host[:port]>` as the client addressed us, for absolute links. */
export function rootOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * Puts `header: makeId()` on every response, errors and unknown routes included. Install it
 * before any hook that may refuse a request, so the refusal carries an id too.
 */
export function installRequestId(app: FastifyInstance, header: string, makeId: () => string): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.header(header, makeId());
  });
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader(header)) reply.header(header, makeId());
  });
}

/**
 * Listens on the context's host and port (0 picks a free one) and returns the running service.
 * `close()` lets requests in flight finish but cuts every connection after CLOSE_GRACE_MS, so a
 * stalled client never holds shutdown forever. Call it before the app is ready: it adds hooks.
 */
export async function serve(app: FastifyInstance, context: Pick<ServiceContext, 'host' | 'port'>): Promise<RunningService> {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    // A request that finishes while we close must not leave its keep-alive connection holding close() open.
    if (closing) reply.header('connection', 'close');
  });
  await app.listen({ host: context.host, port: context.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : context.port;
  const host = context.host.includes(':') ? `[${context.host}]` : context.host;
  const close = async (): Promise<void> => {
    const deadline = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
    deadline.unref();
    try {
      await app.close();
    } finally {
      clearTimeout(deadline);
    }
  };
  return { url: `http://${host}:${port}`, close };
}
