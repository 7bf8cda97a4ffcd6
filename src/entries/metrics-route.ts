import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Config } from '../config/schema.js';
import type { Metrics } from '../metrics.js';

/**
 * /metrics, which names operations and backends. Where it is served is a setting
 * (GANTRY_METRICS_PORT): on the gateway's own port (unset), only on a port of its own (so a
 * load balancer in front of the gateway's port never exposes it), or nowhere (`off`). Who may
 * read it: with GANTRY_METRICS_KEY set, only its holder; without one, everyone in development
 * and nobody in production.
 */
export type MetricsRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function metricsGate(config: Config): (authorization: string | undefined) => 'served' | 'unauthorized' | 'hidden' {
  const key = config.metricsKey;
  if (key === undefined) return () => (config.profile === 'production' ? 'hidden' : 'served');
  const expected = Buffer.from(`Bearer ${key}`);
  return (authorization) => {
    const given = Buffer.from(authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected) ? 'served' : 'unauthorized';
  };
}

export function createMetricsRoute(config: Config, metrics: Metrics): MetricsRoute {
  const access = metricsGate(config);
  return async (req, res) => {
    const verdict = access(req.headers.authorization);
    if (verdict === 'served') res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
    else if (verdict === 'unauthorized')
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain' }).end('Send the metrics key.\n');
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.\n');
  };
}

/** Whether the gateway's own port answers /metrics (the setting is unset). */
export const metricsOnGatewayPort = (config: Config): boolean => config.metricsPort === undefined;

/** The listener of a separate metrics port: /metrics and nothing else. Undefined when the setting asks for none. */
export function createMetricsServer(config: Config, route: MetricsRoute): Server | undefined {
  if (typeof config.metricsPort !== 'number') return undefined;
  return createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] === '/metrics') {
      void route(req, res).catch(() => res.writeHead(500).end());
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.\n');
  });
}
