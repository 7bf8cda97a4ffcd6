import type { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { BackendKey } from './backend-keys.js';
import type { Logger } from 'pino';
import type { CallContext, CallTracing, UpstreamCall } from './backends/http/types.js';
import type { Backends } from './backends/index.js';
import type { Config } from './config/schema.js';
import type { Credentials } from './admission/credentials.js';
import type { Transport } from './admission/knock.js';
import { GantryError, UnauthenticatedError } from './errors.js';
import { AttemptAbort } from './overrides/attempt-abort.js';
import { PollerRegistry } from './subscriptions/pollers.js';

/**
 * Per-request (or per-socket) context for HTTP, SSE and WebSocket alike. Loaders are not
 * listed here: the Pothos dataloader plugin keys them on this object, so they are fresh for
 * every request and die with it.
 */
export interface Context {
  requestId: string;
  /**
   * Set while the operation is traced (GANTRY_OTLP_ENDPOINT): its upstream calls get client
   * spans. A holder, because Yoga hands plugins a merged copy of this object: both copies
   * share the holder.
   */
  tracing: { calls?: CallTracing };
  credentials: Credentials;
  backends: Backends;
  config: Config;
  pollers: PollerRegistry;
  /**
   * How this operation came in and ran, for its log line and metrics: the transport, the path
   * (the fast path for JSON POSTs, or Yoga's own) and the executor (graphql-jit's compiled
   * query, or graphql-js). The compiled-queries plugin sets `executor` when it takes over.
   */
  served: { transport: Transport; path: 'fast' | 'yoga'; executor: 'compiled' | 'graphql-js' };
  /** Upstream calls made for this request, in order: the trace (`extensions.upstream`). */
  upstreamCalls: UpstreamCall[];
  /**
   * Errors beside data: a field that still answers with part of its result (a merged list
   * whose one source failed) records the failure here, and use-extra-errors.ts adds it to the
   * response's errors, with its path.
   */
  extraErrors: GraphQLError[];
  /** The caller asked for the trace in the response (or the dev flag is on). */
  traceUpstream: boolean;
  /** The WebSocket this operation came on (undefined over HTTP and SSE). */
  socket: object | undefined;
  /** Subgraph mode: admission let this caller ask for `_entities` and `_service` (see admission.ts). */
  mayFederate: boolean;
  /**
   * Aborts when the operation is over: it has answered (use-operation-end.ts calls `end`), its
   * stream has ended, or its caller has gone (request aborted, socket closed). Upstream calls
   * carry it: none is started after it, and one in flight is aborted.
   */
  readonly signal: AttemptAbort;
  /** Marks the operation over (idempotent). */
  end(): void;
  /**
   * When this request's time for upstream calls runs out (GANTRY_REQUEST_DEADLINE_MS after
   * the context was made), on the performance.now() clock. Every call made through `call()`
   * carries it, until the operation opens a subscription stream (see createContext).
   */
  readonly deadline: number;
  /** The caller's token for a backend; throws UNAUTHENTICATED when there is none. */
  tokenFor(backend: BackendKey): string;
  /** What a backend client needs for one call made for this caller. */
  call(backend: BackendKey, batchSize?: number): CallContext;
}

export interface ContextDeps {
  backends: Backends;
  config: Config;
  /** Subscription pollers, shared by every request and socket of this process. */
  pollers?: PollerRegistry;
  /** Upstream calls are logged here at debug level, with the request id. */
  logger?: Logger;
  /** Sees every upstream call (metrics). */
  onUpstreamCall?: (call: UpstreamCall) => void;
}

export interface ContextOptions {
  requestId?: string;
  /** How the operation came in. @default http */
  transport?: Transport;
  /** Which HTTP path serves it. @default yoga */
  path?: 'fast' | 'yoga';
  /** The caller asked for `extensions.upstream`. */
  traceUpstream?: boolean;
  /** The WebSocket an operation came on, for per-socket limits. */
  socket?: object;
  /** Aborts when the caller goes away (the HTTP request aborted, the WebSocket closed). */
  callerGone?: AbortSignal | AttemptAbort | undefined;
  /** Subgraph mode: admission let this caller ask for `_entities` and `_service`. @default false */
  mayFederate?: boolean;
}

/**
 * The registry, seen through a context: a resolver that opens a stream marks the context as
 * long-lived. Everything else goes to the shared registry itself.
 */
function streamingPollers(pollers: PollerRegistry, onStream: () => void): PollerRegistry {
  return new Proxy(pollers, {
    get(target, property) {
      if (property === 'subscribe') {
        return (...args: Parameters<PollerRegistry['subscribe']>) => {
          onStream();
          return target.subscribe(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A context for one operation (or byte-route request) of a caller whose credentials admission read. */
export function createContext(deps: ContextDeps, credentials: Credentials, options: ContextOptions = {}): Context {
  const requestId = options.requestId ?? randomUUID();
  const deadline = performance.now() + deps.config.requestDeadlineMs;
  // A subscription's context lives as long as its stream: the request deadline bounds the
  // calls made to set the stream up, not those made for its events minutes later (each of
  // those is still bound by the per-backend timeouts).
  let streaming = false;
  const upstreamCalls: UpstreamCall[] = [];
  const logger = deps.logger?.isLevelEnabled('debug') ? deps.logger : undefined;
  const record = (call: UpstreamCall) => {
    upstreamCalls.push(call);
    deps.onUpstreamCall?.(call);
    logger?.debug({ requestId, upstream: call }, 'upstream call');
  };
  const tokenFor = (backend: BackendKey): string => {
    const token = credentials.tokenFor(backend);
    if (token === undefined) throw new UnauthenticatedError(`No credential for ${backend}: send "Authorization: Bearer <token>".`);
    return token;
  };
  const tracing: Context['tracing'] = {};
  // The operation's budget of upstream calls (a stream's events, later, are not counted: it
  // is bounded by its pollers' budget instead).
  let callsLeft = deps.config.limits.maxUpstreamCallsPerOperation;
  const charge = () => {
    if (streaming) return;
    if (callsLeft <= 0) {
      throw new GantryError(
        'CALL_BUDGET_EXCEEDED',
        `This operation would make more than ${deps.config.limits.maxUpstreamCallsPerOperation} backend calls; ask for fewer objects at once.`,
      );
    }
    callsLeft -= 1;
  };
  // An emitter, not an AbortController: every operation makes one (see attempt-abort.ts).
  const over = new AttemptAbort();
  const callerGone = options.callerGone;
  const end = () => {
    if (over.aborted) return;
    if (callerGone instanceof AttemptAbort) callerGone.off('abort', end);
    else callerGone?.removeEventListener('abort', end);
    over.abort('over');
  };
  if (callerGone?.aborted) over.abort('caller gone');
  else if (callerGone instanceof AttemptAbort) callerGone.once('abort', end);
  else callerGone?.addEventListener('abort', end, { once: true });
  const context: Context = {
    requestId,
    tracing,
    credentials,
    backends: deps.backends,
    config: deps.config,
    pollers: streamingPollers(deps.pollers ?? new PollerRegistry({ intervalMs: deps.config.pollIntervalMs }), () => {
      streaming = true;
    }),
    served: { transport: options.transport ?? 'http', path: options.path ?? 'yoga', executor: 'graphql-js' },
    upstreamCalls,
    extraErrors: [],
    traceUpstream: options.traceUpstream === true || deps.config.traceUpstream,
    socket: options.socket,
    mayFederate: options.mayFederate ?? false,
    signal: over,
    end,
    deadline,
    tokenFor,
    call: (backend, batchSize = 1) => ({
      token: tokenFor(backend),
      requestId,
      record,
      batchSize,
      signal: over,
      charge,
      ...(streaming ? {} : { deadline }),
      ...(tracing.calls ? { tracing: tracing.calls } : {}),
    }),
  };
  return context;
}
