import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createAdmission } from './admission/admission.js';
import type { Backends } from './backends/index.js';
import type { Config } from './config/schema.js';
import { guardConnections, serverTimeouts } from './entries/connection-limits.js';
import { attachGraphqlWs } from './entries/graphql-ws.js';
import type { EmbeddedTokens } from './embedded/tokens.js';
import { createConsoleRoute } from './entries/console.js';
import { createRouter } from './entries/http-router.js';
import { createGatewayYoga } from './entries/yoga.js';
import { createReadinessMonitor, type ReadinessMonitor } from './health.js';
import { createMcpEntry } from './entries/mcp.js';
import { createMetricsRoute, createMetricsServer, metricsOnGatewayPort } from './entries/metrics-route.js';
import { createMetrics } from './metrics.js';
import { createFastPost } from './overrides/fast-post.js';
import { PollerRegistry } from './subscriptions/pollers.js';
import { createRedisCoordinator } from './subscriptions/redis-coordinator.js';
import { createTracing, type Tracing } from './tracing.js';

export interface GatewayOptions {
  config: Config;
  backends: Backends;
  logger: Logger;
  /** Token pre-filled in GraphiQL's headers (embedded mode only: it is a dev token). */
  graphiqlToken?: string;
  /** The dev principals the console's sign-in offers (embedded mode on loopback only). */
  devTokens?: EmbeddedTokens;
}

export interface Gateway {
  /** Listens on config.host:config.port; resolves once bound and backends were probed once. */
  start(): Promise<void>;
  /** Stops accepting, closes WebSockets with 1001, waits for in-flight requests (bounded), closes pools. */
  stop(): Promise<void>;
  /** `http://host:port` once started. */
  readonly url: string;
  /** Where /metrics is served once started; undefined when GANTRY_METRICS_PORT=off. */
  readonly metricsUrl: string | undefined;
  readonly server: Server;
  readonly readiness: ReadinessMonitor;
  readonly pollers: PollerRegistry;
}

const DRAIN_DEADLINE_MS = 10_000;

/**
 * The gateway as a factory: one admission step, one Yoga envelope, and the ways in that use
 * them (Yoga's HTTP and SSE, the fast path, graphql-ws, the byte routes), plus /healthz,
 * /readyz and /metrics. Nothing listens until start().
 */
export function createGateway(options: GatewayOptions): Gateway {
  const { config, backends, logger } = options;
  const pollers = new PollerRegistry({
    intervalMs: config.pollIntervalMs,
    maxPerCaller: config.maxSubscriptionsPerCaller,
    maxPerSocket: config.maxSubscriptionsPerSocket,
    maxPollsPerSecondPerCaller: config.maxPollsPerSecondPerCaller,
    queueCapacity: config.subscriptionQueueEvents,
    // A lease lasts three polls: a replica that dies hands over within that.
    ...(config.redisUrl ? { coordinator: createRedisCoordinator(config.redisUrl, config.pollIntervalMs * 3) } : {}),
  });
  const metrics = createMetrics(backends, pollers);
  let tracing: Tracing | undefined;
  const deps = { config, backends, logger, pollers, onUpstreamCall: metrics.upstream };
  const admission = createAdmission(config, logger);
  const readiness = createReadinessMonitor(backends.probes, config.readinessIntervalMs, logger);
  const yoga = createGatewayYoga({ config, deps, admission, logger, metrics, tracing: () => tracing, graphiqlToken: options.graphiqlToken });
  const fastPost = config.fastExecution
    ? createFastPost({ yoga: yoga as never, admission, trustedDocuments: config.trustedDocuments !== undefined, logger, metrics })
    : undefined;
  const connections = config.connections;
  const metricsRoute = createMetricsRoute(config, metrics);
  const mcp = createMcpEntry({ yoga, admission, config, logger });
  const router = createRouter({
    yoga,
    admission,
    deps,
    backends,
    readiness,
    metricsRoute: metricsOnGatewayPort(config) ? metricsRoute : undefined,
    mcp,
    logger,
    fastPost,
    console: createConsoleRoute({ devTokens: options.devTokens, trustedDocuments: config.trustedDocuments !== undefined }),
  });
  const server = createServer(serverTimeouts(connections), router);
  const metricsServer = createMetricsServer(config, metricsRoute);
  guardConnections(server, connections);
  const ws = attachGraphqlWs(server, { yoga, admission, logger, maxMessageBytes: config.limits.maxRequestBytes });

  let url = '';
  let metricsUrl: string | undefined;
  let stopping: Promise<void> | undefined;
  return {
    server,
    readiness,
    pollers,
    get url() {
      return url;
    },
    get metricsUrl() {
      return metricsUrl;
    },
    async start() {
      tracing = await createTracing(config.tracing.otlpEndpoint);
      await Promise.all([readiness.start(), admission.connect()]);
      url = await listen(server, config.port, config.host);
      if (metricsServer) metricsUrl = `${await listen(metricsServer, config.metricsPort as number, config.host)}/metrics`;
      else if (metricsOnGatewayPort(config)) metricsUrl = `${url}/metrics`;
    },
    stop() {
      // Idempotent: a signal handler and a test teardown may both ask.
      stopping ??= (async () => {
        readiness.stop();
        await pollers.close();
        await ws.close();
        await mcp.close();
        if (server.listening) {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          const deadline = setTimeout(() => server.closeAllConnections(), DRAIN_DEADLINE_MS);
          deadline.unref();
          await closed;
          clearTimeout(deadline);
        }
        if (metricsServer?.listening) await new Promise((resolve) => metricsServer.close(resolve));
        await admission.close();
        await backends.close();
        await tracing?.shutdown();
      })();
      return stopping;
    },
  };
}

/** Listens on host:port; resolves to `http://host:port` as bound (port 0 picks one). */
function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
    });
  });
}
