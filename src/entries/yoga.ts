import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Admission, Admitted } from '../admission/admission.js';
import { cookieValue, DEVELOPER_KEY_COOKIE, DEVELOPER_KEY_HEADER } from '../admission/developer-keys.js';
import type { Config } from '../config/schema.js';
import { type Context, type ContextDeps, createContext } from '../context.js';
import { graphiqlExamples } from '../graphiql-example.js';
import { useGraphiqlPage } from '../plugins/use-graphiql-page.js';
import type { Metrics } from '../metrics.js';
import { useCompiledQueries } from '../overrides/use-compiled-queries.js';
import { useReleasedContextCaches } from '../overrides/use-released-context-caches.js';
import { useSharedSubscriptionExecution } from '../overrides/use-shared-subscription-execution.js';
import { useExtraErrors } from '../plugins/use-extra-errors.js';
import { useOperationEnd } from '../plugins/use-operation-end.js';
import { useOperationLog } from '../plugins/use-operation-log.js';
import { TRACE_HEADER, useUpstreamTrace } from '../plugins/use-upstream-trace.js';
import { createPolicy } from '../policy.js';
import { schema } from '../schema/index.js';
import { buildSubgraphSchema } from '../subgraph/schema.js';
import type { Tracing } from '../tracing.js';

export const GRAPHQL_PATH = '/graphql';

/** What every operation's initial context holds, whichever entry brought it. */
export interface InitialContext {
  request?: Request;
  /** graphql-ws connectionParams, for WebSocket operations. */
  connectionParams?: Readonly<Record<string, unknown>>;
  socket?: object;
  /** graphql-ws: aborts when the socket closes, or the client completed the operation. */
  callerGone?: AbortSignal;
  /** Set by the admission step before the operation runs (see policy.ts, useAdmission). */
  admitted?: Admitted;
  /** Set by the fast path, which serves the request itself. */
  path?: 'fast';
}

export type GatewayYoga = YogaServerInstance<Record<string, unknown>, Context>;

export interface YogaOptions {
  config: Config;
  deps: ContextDeps;
  admission: Admission;
  logger: Logger;
  metrics: Metrics;
  /** Set by start(), before the first request: the SDK is imported only when tracing is on. */
  tracing: () => Tracing | undefined;
  /** Token pre-filled in GraphiQL's headers (embedded mode only: it is a dev token). */
  graphiqlToken?: string | undefined;
}

/**
 * Yoga, as every GraphQL entry uses it: its own HTTP handling (GET, POST, SSE) and, through
 * `yoga.getEnveloped`, the envelope the fast path and graphql-ws run operations in. One plugin
 * list: the policy (admission included), compiled queries, the upstream trace, errors beside
 * data, the operation log, shared subscription execution, released per-operation caches and the
 * operation's end (nothing runs for an operation that has answered or whose caller left).
 */
export function createGatewayYoga(options: YogaOptions): GatewayYoga {
  const { config, deps, admission, logger, metrics } = options;
  const fast = config.fastExecution;
  return createYoga<Record<string, unknown>, Context>({
    // GANTRY_SUBGRAPH: the same schema with the federation fields (src/subgraph/), for every way in.
    schema: config.subgraph.enabled ? buildSubgraphSchema() : schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    // GraphiQL served from the package, not a CDN, so it works on air-gapped machines. Loaded
    // on the first page view: the bundle costs ~50 MB of heap that API traffic never needs.
    renderGraphiQL: async (graphiql) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiql),
    logging: logger.child({ component: 'yoga' }),
    plugins: [
      ...createPolicy(config, admission),
      ...(fast ? [useCompiledQueries(logger.child({ component: 'executor' }))] : []),
      useUpstreamTrace(),
      useExtraErrors(),
      useOperationLog(logger.child({ component: 'operations' }), metrics, options.tracing),
      useSharedSubscriptionExecution(),
      useReleasedContextCaches(),
      useOperationEnd(),
      useGraphiqlPage(),
    ],
    // Cross-origin calls only from the allow-list (GANTRY_CORS_ORIGINS); a foreign origin gets
    // no CORS headers at all, so its page can read nothing, least of all with credentials.
    cors: (request) => {
      const origin = request.headers.get('origin');
      return origin !== null && config.corsOrigins.includes(origin) ? { origin: [origin], credentials: true } : false;
    },
    // No file uploads through GraphQL (the byte routes take files), so no multipart bodies.
    multipart: false,
    // The admission step's door refused bodies over GANTRY_MAX_REQUEST_BYTES or without a
    // Content-Length before a byte was read; Yoga's own limit would count every body again.
    maxRequestBodySize: false,
    graphiql: (request) =>
      admission.mayIntrospect(request.headers.get(DEVELOPER_KEY_HEADER) ?? cookieValue(request.headers.get('cookie'), DEVELOPER_KEY_COOKIE)) && {
        title: 'Gantry',
        ...graphiqlExamples(options.graphiqlToken),
      },
    context: (initial): Context => contextFor(deps, initial as InitialContext),
  });
}

/** The operation's context, from the caller the admission step read. */
function contextFor(deps: ContextDeps, initial: InitialContext): Context {
  const { admitted } = initial;
  // Every entry admits before the envelope builds a context; one that did not is a gateway bug.
  if (!admitted) throw new Error('an operation reached the executor without passing admission');
  if (initial.connectionParams !== undefined) {
    return createContext(deps, admitted.credentials, {
      transport: 'ws',
      // The trace names upstream paths: in production only a developer key's holder gets it.
      traceUpstream: admitted.mayIntrospect && initial.connectionParams.trace === 'upstream',
      ...(initial.socket ? { socket: initial.socket } : {}),
      callerGone: initial.callerGone,
      mayFederate: admitted.mayFederate,
    });
  }
  const request = initial.request;
  // A caller's (or proxy's) request id is kept when it looks like one, so logs line up.
  const requestId = request?.headers.get('x-request-id');
  return createContext(deps, admitted.credentials, {
    transport: admitted.transport,
    path: initial.path ?? 'yoga',
    traceUpstream: admitted.mayIntrospect && request?.headers.get(TRACE_HEADER) === 'upstream',
    // Aborts when the client goes before its answer (Yoga's Request, the fast path's view, or
    // the signal an entry without a Request passes, as MCP does).
    callerGone: initial.callerGone ?? request?.signal,
    mayFederate: admitted.mayFederate,
    ...(requestId && /^[\w.:-]{1,128}$/.test(requestId) ? { requestId } : {}),
  });
}
