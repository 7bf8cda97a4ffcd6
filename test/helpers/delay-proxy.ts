import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { track } from './leftovers.js';

export interface DelayProxy {
  url: string;
  /** Every request that reached the proxy: method, path and the credential headers it carried. */
  seen: Array<{ method: string; path: string; token: string | undefined }>;
}

/**
 * An HTTP proxy on 127.0.0.1:0 in front of a backend that holds each request for `delayMs`
 * before forwarding it, so that concurrent gateway requests overlap upstream for certain.
 */
export async function startDelayProxy(target: string, delayMs: number): Promise<DelayProxy> {
  const seen: DelayProxy['seen'] = [];
  const server = createServer((req, res) => {
    const token = (req.headers['x-auth-token'] ?? req.headers.authorization) as string | undefined;
    seen.push({ method: req.method ?? 'GET', path: req.url ?? '/', token });
    setTimeout(() => {
      const headers = { ...req.headers };
      delete headers.host;
      delete headers.connection;
      request(`${target}${req.url}`, { method: req.method as 'GET', headers, body: req.method === 'GET' || req.method === 'HEAD' ? null : req })
        .then(async (upstream) => {
          const out: Record<string, string> = {};
          for (const [name, value] of Object.entries(upstream.headers)) if (typeof value === 'string') out[name] = value;
          res.writeHead(upstream.statusCode, out);
          for await (const chunk of upstream.body) res.write(chunk);
          res.end();
        })
        .catch(() => res.destroy());
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  track(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}
