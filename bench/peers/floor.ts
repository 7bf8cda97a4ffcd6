/**
 * The floor: a plain reverse proxy on undici, the least any gateway must cost. A request for
 * `/<backendKey>/<path>` is forwarded as is (method, headers, body) to that backend over a
 * keep-alive Pool, and the answer streamed back. No parsing, no GraphQL: what is left between
 * it and the gateway is the price of GraphQL itself.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { forward } from './forward.js';

export interface FloorProxy {
  url: string;
  close(): Promise<void>;
}

export async function startFloorProxy(backends: Record<string, string>): Promise<FloorProxy> {
  const pools = new Map(Object.entries(backends).map(([key, url]) => [key, new Pool(url, { connections: 32, keepAliveTimeout: 10_000 })]));
  const server = createServer((req, res) => {
    const [, key, ...rest] = (req.url ?? '/').split('/');
    const pool = pools.get(key ?? '');
    if (!pool) {
      res.writeHead(404).end();
      return;
    }
    forward(pool, `/${rest.join('/')}`, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...pools.values()].map((pool) => pool.close()));
    },
  };
}
