import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Admission } from '../admission/admission.js';
import type { Backends } from '../backends/index.js';
import type { ContextDeps } from '../context.js';
import type { ReadinessMonitor } from '../health.js';
import type { FastPost } from '../overrides/fast-post.js';
import { sendError } from '../transfer/respond.js';
import { routeFiles } from './byte-routes.js';
import { limitBodyTime } from './connection-limits.js';
import { CONSOLE_PATH, type ConsoleRoute } from './console.js';
import { MCP_PATH, type McpEntry, PROTECTED_RESOURCE_PATH } from './mcp.js';
import type { MetricsRoute } from './metrics-route.js';
import { GRAPHQL_PATH, type GatewayYoga } from './yoga.js';

export interface RouterOptions {
  yoga: GatewayYoga;
  admission: Admission;
  deps: ContextDeps;
  backends: Backends;
  readiness: ReadinessMonitor;
  /** Undefined when /metrics is not served on the gateway's port (GANTRY_METRICS_PORT). */
  metricsRoute: MetricsRoute | undefined;
  logger: Logger;
  /** The Model Context Protocol at /mcp. */
  mcp: McpEntry;
  /** Undefined when GANTRY_FAST_EXECUTION=false: every GraphQL request goes to Yoga. */
  fastPost: FastPost | undefined;
  /** The web console at /console. */
  console: ConsoleRoute;
}

/**
 * node:http's request listener: metrics and health first (never limited), then the admission
 * step's door for everything else, then the GraphQL endpoint (the fast path, else Yoga) or the
 * byte routes.
 */
export function createRouter(options: RouterOptions): RequestListener {
  const { yoga, admission, metricsRoute, readiness, backends, fastPost, logger, mcp } = options;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/metrics' && metricsRoute) {
      await metricsRoute(req, res);
      return;
    }
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (path === '/readyz') {
      // Each backend's last probe, and its circuit breaker (an open one fails calls at once).
      const breakers = backends.breakerStates();
      const report = Object.fromEntries(
        Object.entries(readiness.report()).map(([key, health]) => [key, { ...health, breaker: breakers[key as keyof typeof breakers] }]),
      );
      const body = JSON.stringify({ status: readiness.ready ? 'ready' : 'unavailable', backends: report });
      res.writeHead(readiness.ready ? 200 : 503, { 'content-type': 'application/json' }).end(body);
      return;
    }
    const refusal = await admission.door(req, { limitBody: path === GRAPHQL_PATH || path === MCP_PATH });
    if (refusal) {
      refuse(res, refusal);
      return;
    }
    if (path === GRAPHQL_PATH) limitBodyTime(req, options.deps.config.connections.bodyTimeoutMs);
    if (path === GRAPHQL_PATH && req.method === 'POST' && fastPost && (await fastPost.handle(req, res))) return;
    if (path === MCP_PATH || path === PROTECTED_RESOURCE_PATH) {
      await mcp.handle(req, res, path);
      return;
    }
    if (path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`)) {
      options.console(req, res, path);
      return;
    }
    if (path.startsWith('/files/')) {
      await routeFiles(req, res, path, options);
      return;
    }
    await yoga.requestListener(req, res);
  }

  return (req, res) => {
    void route(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      sendError(res, error);
    });
  };
}

/** A refusal at the door, in the shape of a GraphQL error response; the connection closes (the body is not read). */
function refuse(res: ServerResponse, refusal: GraphQLError): void {
  const { http, ...extensions } = refusal.extensions as { http?: { status: number; headers?: Record<string, string> } };
  res.writeHead(http?.status ?? 400, { 'content-type': 'application/json', connection: 'close', ...http?.headers });
  res.end(JSON.stringify({ errors: [{ message: refusal.message, extensions }] }));
}
