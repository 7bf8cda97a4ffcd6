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
    // A request whose headers have begun must complete them in time; Node checks every
    // connectionsCheckingInterval (30 s by default, so 60 s became 90).
    headersTimeout: limits.headersTimeoutMs,
    connectionsCheckingInterval: 1_000,
    // Node's requestTimeout would cut image uploads, which take what they take: GraphQL bodies
    // get their own timer (limitBodyTime), the byte routes their per-credential budgets.
    requestTimeout: 0,
    keepAliveTimeout: 5_000,
  };
}

/**
 * What Node leaves open: a connection that never sends a byte (Node's headers timeout only
 * tracks a request once it has begun) is closed after the headers timeout of silence, and
 * one address may hold at most `maxConnectionsPerAddress` connections (WebSockets included):
 * past it a new one is closed before a byte is read.
 */
export function guardConnections(server: Server, limits: ConnectionLimits): void {
  // Node destroys a socket whose timeout fires when nobody handles it. A request clears it
  // (then Node's own timeouts apply: headers, keep-alive); so does a WebSocket upgrade (ws).
  server.on('connection', (socket: Socket) => socket.setTimeout(limits.headersTimeoutMs));
  server.on('request', (req: IncomingMessage) => req.socket.setTimeout(0));
  const max = limits.maxConnectionsPerAddress;
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
