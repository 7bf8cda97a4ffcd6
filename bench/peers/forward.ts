/**
 * Relays one request to a backend over a keep-alive undici Pool and streams the answer back,
 * minus hop-by-hop headers: what the floor proxy and the counting proxies both do.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'undici';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'upgrade']);

export function forward(pool: Pool, path: string, req: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers[name] = value;
  pool
    .request({ method: req.method as 'GET', path, headers, body: req.method === 'GET' || req.method === 'HEAD' ? null : req })
    .then((upstream) => {
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(upstream.headers)) if (typeof value === 'string' && !HOP_BY_HOP.has(name)) out[name] = value;
      res.writeHead(upstream.statusCode, out);
      upstream.body.pipe(res);
    })
    .catch(() => res.destroy());
}
