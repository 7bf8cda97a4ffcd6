import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { request } from 'undici';
import { listenTracked } from './leftovers.js';

/**
 * What the proxy does with one request. `latencyMs` (any kind) holds the request first.
 * - pass: forward to the backend and relay its answer
 * - hang: never answer (the connection stays open until the caller gives up)
 * - reset: destroy the connection without a byte of response
 * - status: answer this status itself (502/503 with Retry-After, 429, 500…), with a body that
 *   names internal things a client must never see
 * - malformed: 200 application/json whose body is not JSON
 * - truncated: 200 with a Content-Length larger than what is sent, then close
 * - html: 200 text/html, a proxy's or login wall's page
 * - redirect: `status` (301/302/307/308) to `location`
 */
type Fault = { latencyMs?: number } & (
  | { kind: 'pass' }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'status'; status: number; retryAfter?: string | number; body?: string; contentType?: string }
  | { kind: 'malformed' }
  | { kind: 'truncated' }
  | { kind: 'html' }
  | { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string }
);

interface FaultRequest {
  method: string;
  /** Path and query as received. */
  path: string;
  /** The credential it carried (X-Auth-Token or Authorization), to prove where tokens go. */
  token: string | undefined;
  /** 1-based position among every request this proxy received. */
  n: number;
}

/** Decides per request; undefined passes it through. */
type FaultRule = (request: FaultRequest) => Fault | undefined;

export interface FaultProxy {
  url: string;
  /** Every request received, in order. */
  requests: FaultRequest[];
  /** Requests received matching a method and a path prefix (or pattern). */
  count(filter?: { method?: string; path?: string | RegExp }): number;
  /** From now on every request gets `fault` (or what the rule says). */
  set(fault: Fault | FaultRule): void;
  /** The next `times` requests (that `match`, if given) get `fault`; then `set`'s behaviour again. */
  next(times: number, fault: Fault, match?: (request: FaultRequest) => boolean): void;
  /** Back to passing everything through. */
  clear(): void;
  /** Requests held open by `hang` right now. */
  readonly hanging: number;
}

/** Text a backend might leak in an error body: tests assert none of it reaches a client. */
export const LEAKY_TEXT = 'db-internal.corp.example:5432 password=hunter2';

const PASS: Fault = { kind: 'pass' };

/**
 * An HTTP proxy on 127.0.0.1:0 in front of a backend (an embedded service, usually) whose
 * behaviour a test switches at runtime, per request: latency, hangs, resets, error statuses
 * with Retry-After, broken bodies, wrong content types, redirects. It counts what it receives.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const requests: FaultRequest[] = [];
  let rule: FaultRule = () => undefined;
  let queued: Array<{ left: number; fault: Fault; match: ((request: FaultRequest) => boolean) | undefined }> = [];
  let hanging = 0;

  const decide = (seen: FaultRequest): Fault => {
    const entry = queued.find((q) => q.left > 0 && (q.match === undefined || q.match(seen)));
    if (entry) {
      entry.left -= 1;
      queued = queued.filter((q) => q.left > 0);
      return entry.fault;
    }
    return rule(seen) ?? PASS;
  };

  const server = createServer((req, res) => {
    const seen: FaultRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      token: (req.headers['x-auth-token'] ?? req.headers.authorization) as string | undefined,
      n: requests.length + 1,
    };
    requests.push(seen);
    const fault = decide(seen);
    const act = () => void apply(fault, req, res);
    if (fault.latencyMs) setTimeout(act, fault.latencyMs);
    else act();
  });

  async function apply(fault: Fault, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (res.destroyed) return;
    switch (fault.kind) {
      case 'hang':
        hanging += 1;
        res.once('close', () => (hanging -= 1));
        req.resume();
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'status': {
        req.resume();
        const headers: Record<string, string> = { 'content-type': fault.contentType ?? 'application/json' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
        res.writeHead(fault.status, headers).end(fault.body ?? JSON.stringify({ message: `upstream failure at ${LEAKY_TEXT}` }));
        return;
      }
      case 'malformed':
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json' }).end(`{"images": [{"id": "${LEAKY_TEXT}"`);
        return;
      case 'truncated':
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
        res.write(`{"images": [{"id": "${LEAKY_TEXT}"`, () => setTimeout(() => req.socket.destroy(), 10));
        return;
      case 'html':
        req.resume();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><body><h1>Sign in</h1><p>${LEAKY_TEXT}</p></body></html>`);
        return;
      case 'redirect':
        req.resume();
        res.writeHead(fault.status, { location: fault.location, 'content-type': 'text/html' }).end(`<a href="${fault.location}">moved</a>`);
        return;
      case 'pass':
        return forward(req, res);
    }
  }

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.connection;
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    try {
      const upstream = await request(`${target}${req.url}`, { method: req.method as 'GET', headers, body: hasBody ? req : null });
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(upstream.headers)) if (typeof value === 'string') out[name] = value;
      res.writeHead(upstream.statusCode, out);
      for await (const chunk of upstream.body) res.write(chunk);
      res.end();
    } catch {
      req.socket.destroy();
    }
  }

  const url = await listenTracked(server);
  return {
    url,
    requests,
    count(filter = {}) {
      return requests.filter(
        (r) =>
          (filter.method === undefined || r.method === filter.method) &&
          (filter.path === undefined || (typeof filter.path === 'string' ? r.path.startsWith(filter.path) : filter.path.test(r.path))),
      ).length;
    },
    set(fault) {
      rule = typeof fault === 'function' ? fault : () => fault;
    },
    next(times, fault, match) {
      queued.push({ left: times, fault, match });
    },
    clear() {
      rule = () => undefined;
      queued = [];
    },
    get hanging() {
      return hanging;
    },
  };
}
