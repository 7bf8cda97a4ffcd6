import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Backends } from './backends/index.js';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import { createReadinessMonitor, type ReadinessMonitor } from './health.js';
import { createMetrics } from './metrics.js';
import { createTracing, type Tracing } from './tracing.js';
import { useOperationLog } from './plugins/use-operation-log.js';
import { chargeOperation, clientAddress, createPolicy } from './policy.js';
import { schema } from './schema/index.js';
import { PollerRegistry } from './subscriptions/pollers.js';
import { createRedisCoordinator } from './subscriptions/redis-coordinator.js';
import { sendError } from './transfer/respond.js';
import { handleCiImageDownload, handleCiImageUpload } from './transfer/ci-images.js';
import { handleVmImageData } from './transfer/vm-images.js';
import { graphiqlExamples } from './graphiql-example.js';
import { TRACE_HEADER, useUpstreamTrace } from './plugins/use-upstream-trace.js';
import { useSharedSubscriptionExecution } from './plugins/use-shared-subscription-execution.js';
import { useExtraErrors } from './plugins/use-extra-errors.js';
import { createFastPost } from './fast-post.js';
import { useCompiledQueries } from './plugins/use-compiled-queries.js';
import { useReleasedContextCaches } from './plugins/use-released-context-caches.js';

export interface GatewayOptions {
  config: Config;
  backends: Backends;
  logger: Logger;
  /** Token pre-filled in GraphiQL's headers (embedded mode only: it is a dev token). */
  graphiqlToken?: string;
}

export interface Gateway {
  /** Listens on config.host:config.port; resolves once bound and backends were probed once. */
  start(): Promise<void>;
  /** Stops accepting, closes WebSockets with 1001, waits for in-flight requests (bounded), closes pools. */
  stop(): Promise<void>;
  /** `http://host:port` once started. */
  readonly url: string;
  readonly server: Server;
  readonly readiness: ReadinessMonitor;
  readonly pollers: PollerRegistry;
}

interface ServerContext {
  req?: IncomingMessage;
  /** graphql-ws connectionParams, set for WebSocket operations. */
  connectionParams?: Readonly<Record<string, unknown>>;
}

const GRAPHQL_PATH = '/graphql';
const DRAIN_DEADLINE_MS = 10_000;

/**
 * The gateway as a factory: yoga on node:http, graphql-ws on the same port and path, SSE through
 * Yoga, plus /healthz, /readyz and the byte routes. Nothing listens until start().
 */
export function createGateway(options: GatewayOptions): Gateway {
  const { config, backends, logger } = options;
  const pollers = new PollerRegistry({
    intervalMs: config.pollIntervalMs,
    maxPerCaller: config.maxSubscriptionsPerCaller,
    maxPerSocket: config.maxSubscriptionsPerSocket,
    queueCapacity: config.subscriptionQueueEvents,
    // A lease lasts three polls: a replica that dies hands over within that.
    ...(config.redisUrl ? { coordinator: createRedisCoordinator(config.redisUrl, config.pollIntervalMs * 3) } : {}),
  });
  const metrics = createMetrics(backends, pollers);
  // Set by start(), before the first request: the SDK is imported only when tracing is on.
  let tracing: Tracing | undefined;
  const deps = { config, backends, logger, pollers, onUpstreamCall: metrics.upstream };
  const policy = createPolicy(config);
  const readiness = createReadinessMonitor(backends.probes, config.readinessIntervalMs);

  const yoga: YogaServerInstance<ServerContext, Context> = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    // GraphiQL served from the package, not a CDN, so it works on air-gapped machines. Loaded
    // on the first page view: the bundle costs ~50 MB of heap that API traffic never needs.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    logging: logger.child({ component: 'yoga' }),
    plugins: [
      ...policy.plugins,
      useCompiledQueries(logger.child({ component: 'executor' })),
      useUpstreamTrace(),
      useExtraErrors(),
      useOperationLog(logger.child({ component: 'operations' }), metrics, () => tracing),
      useSharedSubscriptionExecution(),
      useReleasedContextCaches(),
    ],
    // No file uploads through GraphQL (the byte routes take files), so no multipart bodies.
    multipart: false,
    // route() already refused bodies over GANTRY_MAX_REQUEST_BYTES or without a Content-Length,
    // so Yoga's own limit only re-counted every body through a stream pipeline (a tenth of the
    // CPU of a small request, mostly an AbortController's DOMException at the pipe's end).
    maxRequestBodySize: false,
    graphiql: (request) =>
      policy.graphiqlAllowed(request) && {
        title: 'Gantry',
        ...graphiqlExamples(options.graphiqlToken),
      },
    context: (initial): Context => {
      if (initial.connectionParams !== undefined) {
        const params = initial.connectionParams;
        return createContext(
          deps,
          {
            authorization: typeof params.authorization === 'string' ? params.authorization : null,
            backendTokens: (params.backendTokens as string | Record<string, unknown> | undefined) ?? null,
          },
          { traceUpstream: params.trace === 'upstream', socket: (initial as { socket?: object }).socket },
        );
      }
      const request = (initial as unknown as { request: Request }).request;
      // A caller's (or proxy's) request id is kept when it looks like one, so logs line up.
      const requestId = request.headers.get('x-request-id');
      return createContext(
        deps,
        { authorization: request.headers.get('authorization'), backendTokens: request.headers.get('x-gantry-backend-tokens') },
        { traceUpstream: request.headers.get(TRACE_HEADER) === 'upstream', ...(requestId && /^[\w.:-]{1,128}$/.test(requestId) ? { requestId } : {}) },
      );
    },
  });

  const fastPost = createFastPost({ yoga: yoga as never, policy, logger, metrics });

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      sendError(res, error);
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
      return;
    }
    if (path !== '/healthz' && path !== '/readyz') {
      const wait = await policy.rateLimits.address(clientAddress(req));
      if (wait !== undefined) {
        refuse(res, 429, 'RATE_LIMITED', `Too many requests from this address: retry in ${wait} s.`, { 'retry-after': String(wait) });
        return;
      }
    }
    if (path === GRAPHQL_PATH && req.method === 'POST') {
      // Yoga reads the whole body into memory: its size is checked before a byte is read.
      const length = Number(req.headers['content-length']);
      if (req.headers['content-length'] === undefined) {
        refuse(res, 411, 'BAD_USER_INPUT', 'Send the request body with a Content-Length.');
        return;
      }
      if (!Number.isFinite(length) || length > config.limits.maxRequestBytes) {
        refuse(res, 413, 'PAYLOAD_TOO_LARGE', `The request body may have at most ${config.limits.maxRequestBytes} bytes.`);
        return;
      }
      if (await fastPost.handle(req, res)) return;
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
    if (path.startsWith('/files/')) {
      await routeFiles(req, res, path);
      return;
    }
    await yoga.requestListener(req, res);
  }

  /** A refusal in front of Yoga, in the shape of a GraphQL error response; the connection closes (the body is not read). */
  function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', connection: 'close', ...headers });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  }

  /** The byte routes: same credentials as GraphQL, bytes streamed both ways. */
  async function routeFiles(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const context = createContext(deps, {
      authorization: req.headers.authorization ?? null,
      backendTokens: (req.headers['x-gantry-backend-tokens'] as string | undefined) ?? null,
    });
    const vmImage = /^\/files\/vm-images\/([^/]+)$/.exec(path);
    if (vmImage) return handleVmImageData(req, res, vmImage[1]!, context);
    if (path === '/files/ci-images') return handleCiImageUpload(req, res, new URL(req.url ?? '/', 'http://x').searchParams, context);
    const ciImage = /^\/files\/ci-images\/([^/]+)$/.exec(path);
    if (ciImage) return handleCiImageDownload(req, res, ciImage[1]!, context);
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"No such byte route.","extensions":{"code":"NOT_FOUND"}}]}');
  }

  // A message over the limit closes the socket with 1009 (Message Too Big), as RFC 6455 says.
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxRequestBytes });
  server.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '').split('?')[0] !== GRAPHQL_PATH) {
      socket.destroy();
      return;
    }
    const address = clientAddress(req);
    void (async () => {
      // An address that keeps presenting bad credentials, or too many connections, is refused
      // before the WebSocket handshake: no socket, no connection_init to parse.
      const wait = (await policy.rateLimits.authBlocked(address)) ?? (await policy.rateLimits.address(address));
      if (wait !== undefined) {
        socket.end(`HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${wait}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
    })().catch(() => socket.destroy());
  });

  /** Counts a refused credential against the address it came from (see GANTRY_RATE_LIMIT_AUTH_FAILURES). */
  const noteAuthFailure = (req: IncomingMessage | undefined, errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => {
    if (errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) void policy.rateLimits.authFailure(clientAddress(req));
  };

  const wsDisposable = useServer<Record<string, unknown>>(
    {
      // Credentials are read once per socket; a malformed one is refused at connection_init.
      onConnect: (ctx) => {
        try {
          createContext(deps, {
            authorization: typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : null,
            backendTokens: (ctx.connectionParams?.backendTokens as string | Record<string, unknown> | undefined) ?? null,
          });
          return true;
        } catch {
          void policy.rateLimits.authFailure(clientAddress(ctx.extra.request));
          return false;
        }
      },
      onNext: (ctx, _id, _payload, _args, result) => noteAuthFailure(ctx.extra.request, (result as { errors?: [] }).errors),
      onError: (ctx, _id, _payload, errors) => noteAuthFailure(ctx.extra.request, errors as never),
      execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      onSubscribe: async (ctx, _id, payload) => {
        // Any failure here is this operation's error message; graphql-ws would close the whole
        // socket (4500) on a throw, taking the caller's other operations with it.
        try {
          const refused = await chargeOperation(policy.rateLimits, ctx.connectionParams?.authorization, clientAddress(ctx.extra.request));
          if (refused) return [refused];
          const query = policy.trustedDocuments ? policy.trustedDocuments.resolve(payload as never) : payload.query;
          if (query instanceof GraphQLError) return [query];
          // Through yoga.getEnveloped so WebSocket operations share plugins, context and masking.
          const enveloped = yoga.getEnveloped({
            req: ctx.extra.request,
            socket: ctx.extra.socket,
            connectionParams: ctx.connectionParams ?? {},
            params: payload,
          } as never);
          const document = enveloped.parse(query);
          const errors = enveloped.validate(enveloped.schema, document);
          if (errors.length > 0) return errors;
          return {
            schema: enveloped.schema,
            operationName: payload.operationName,
            document,
            variableValues: payload.variables,
            contextValue: await enveloped.contextFactory(),
            rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
          } as never;
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          logger.error({ err: error }, 'graphql-ws operation failed before it ran');
          return [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL' } })];
        }
      },
    },
    wsServer,
  );

  let url = '';
  let stopping: Promise<void> | undefined;
  return {
    server,
    readiness,
    pollers,
    get url() {
      return url;
    },
    async start() {
      tracing = await createTracing(config.tracing.otlpEndpoint);
      await readiness.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      url = `http://${host}:${address.port}`;
    },
    stop() {
      // Idempotent: a signal handler and a test teardown may both ask.
      stopping ??= (async () => {
        readiness.stop();
        await pollers.close();
        for (const client of wsServer.clients) client.close(1001, 'Going away');
        await wsDisposable.dispose();
        wsServer.close();
        if (server.listening) {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          const deadline = setTimeout(() => server.closeAllConnections(), DRAIN_DEADLINE_MS);
          deadline.unref();
          await closed;
          clearTimeout(deadline);
        }
        await backends.close();
        await tracing?.shutdown();
      })();
      return stopping;
    },
  };
}
