import { createServer } from 'node:http';
import { Transform } from 'node:stream';
import { request } from 'undici';
import { listenTracked } from './leftovers.js';

export interface DelayProxy {
  url: string;
  /** Every request that reached the proxy: method, path and the credential headers it carried. */
  seen: Array<{ method: string; path: string; token: string | undefined; traceparent: string | undefined }>;
}

export interface FaultOptions {
  /** Hold each request this long before forwarding it. */
  delayMs?: number;
  /** Kill the connection to the backend and the client after this many request-body bytes. */
  cutRequestAfter?: number;
  /** Kill the client connection after this many response-body bytes. */
  cutResponseAfter?: number;
  /** Answer a request itself instead of forwarding it, when this returns a reply (read per request, so a test can flip it). */
  reply?: (method: string, path: string) => { status: number; body: unknown } | undefined;
}

/** Passes `limit` bytes, then fails: the proxy's way of dying half way through a body. */
function cutAfter(limit: number, onCut: () => void): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      if (seen + chunk.length > limit) {
        this.push(chunk.subarray(0, Math.max(0, limit - seen)));
        seen = limit;
        onCut();
        callback(new Error('fault proxy cut the stream'));
        return;
      }
      seen += chunk.length;
      callback(null, chunk);
    },
  });
}

/**
 * An HTTP proxy on 127.0.0.1:0 in front of a backend: it can hold requests (so concurrent
 * gateway requests overlap upstream for certain), die half way through a request or a
 * response body, the way a crashing backend does, or answer for the backend (a revoked token's
 * 401, say, which the embedded services have no way to produce).
 */
export async function startDelayProxy(target: string, delayOrFaults: number | FaultOptions): Promise<DelayProxy> {
  const faults: FaultOptions = typeof delayOrFaults === 'number' ? { delayMs: delayOrFaults } : delayOrFaults;
  const seen: DelayProxy['seen'] = [];
  const server = createServer((req, res) => {
    const token = (req.headers['x-auth-token'] ?? req.headers.authorization) as string | undefined;
    seen.push({ method: req.method ?? 'GET', path: req.url ?? '/', token, traceparent: req.headers.traceparent as string | undefined });
    const kill = () => {
      req.socket?.destroy();
      res.destroy();
    };
    const injected = faults.reply?.(req.method ?? 'GET', req.url ?? '/');
    if (injected) {
      req.resume();
      res.writeHead(injected.status, { 'content-type': 'application/json' }).end(JSON.stringify(injected.body));
      return;
    }
    setTimeout(() => {
      const headers = { ...req.headers };
      delete headers.host;
      delete headers.connection;
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const body = hasBody ? (faults.cutRequestAfter !== undefined ? req.pipe(cutAfter(faults.cutRequestAfter, kill)) : req) : null;
      request(`${target}${req.url}`, { method: req.method as 'GET', headers, body })
        .then(async (upstream) => {
          const out: Record<string, string> = {};
          for (const [name, value] of Object.entries(upstream.headers)) if (typeof value === 'string') out[name] = value;
          res.writeHead(upstream.statusCode, out);
          let sent = 0;
          for await (const chunk of upstream.body) {
            const piece = chunk as Buffer;
            if (faults.cutResponseAfter !== undefined && sent + piece.length > faults.cutResponseAfter) {
              res.write(piece.subarray(0, faults.cutResponseAfter - sent));
              upstream.body.destroy();
              kill();
              return;
            }
            sent += piece.length;
            res.write(piece);
          }
          res.end();
        })
        .catch(() => kill());
    }, faults.delayMs ?? 0);
  });
  const url = await listenTracked(server);
  return { url, seen };
}
