import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Time a client has to send a request's headers, from its connection or its previous request. */
  headersTimeoutMs: number;
  /** Time a client has to send a GraphQL request's body (at most GANTRY_MAX_REQUEST_BYTES). */
  bodyTimeoutMs: number;
  /** Open connections one address may hold (0: no cap). */
  maxConnectionsPerAddress: number;
}

/** Node's defaults and what this sets instead, in one place: the server's own timeouts. */
export function serverTimeouts(limits: ConnectionLimits) {
  return {
    // A connection that never sends a request is closed at the headers timeout; Node checks
    // for it every connectionsCheckingInterval (30 s by default, so 60 s became 90).
    headersTimeout: limits.headersTimeoutMs,
    connectionsCheckingInterval: 1_000,
    // Node's requestTimeout would cut image uploads, which take what they take: GraphQL bodies
    // get their own timer (limitBodyTime), the byte routes their per-credential budgets.
    requestTimeout: 0,
    keepAliveTimeout: 5_000,
  };
}

/**
 * The per-address cap on open connections (WebSockets included): past it a new connection is
 * closed before a byte is read, so one client cannot hold the server's sockets.
 */
export function capConnectionsPerAddress(server: Server, max: number): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const held = open.get(address) ?? 0;
    if (held >= max) {
      socket.destroy();
      return;
    }
    open.set(address, held + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

/** A request body that has not fully arrived by `timeoutMs` (one dripping in) loses its connection. */
export function limitBodyTime(req: IncomingMessage, timeoutMs: number): void {
  if (req.complete || req.method === 'GET') return;
  const timer = setTimeout(() => {
    if (!req.complete) req.socket.destroy();
  }, timeoutMs);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
}
