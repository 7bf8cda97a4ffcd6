import type { Dispatcher } from 'undici';
import type { BackendKey } from '../../backend-keys.js';
import type { AttemptAbort } from '../../overrides/attempt-abort.js';

export interface BackendHttpOptions {
  backend: BackendKey;
  /** Service root, possibly with a path prefix: `http://cloud.example/glance`. */
  url: string;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** Keep-alive connections, and so calls in flight at once. */
  connections: number;
  /** Calls that may wait for a connection when all are busy; more fail with UPSTREAM_BUSY. @default 256 */
  maxPending?: number;
  /** JSON bytes of ETagged answers kept to revalidate (see revalidation.ts); 0 turns it off. @default 4 MiB */
  revalidationBytes?: number;
  /** Largest JSON answer read, counted as it streams; past it the call fails and the connection is dropped. @default 8 MiB */
  maxResponseBytes?: number;
  /**
   * Pass the message of an upstream JSON error body on to clients (cleaned, cut short). false
   * in the production profile: clients get the gateway's own message. @default true
   */
  upstreamErrorText?: boolean;
  /** Retries of an idempotent call after a transient failure. @default 2 */
  retries?: number;
  /** First retry backoff (doubling, full jitter). @default 100 */
  retryBaseMs?: number;
  /** Retries may add at most this share of calls. @default 10 */
  retryBudgetPercent?: number;
  /** Failures in a row that open the circuit. @default 5 */
  breakerThreshold?: number;
  /** How long an open circuit waits before letting one probe through. @default 10000 */
  breakerCooldownMs?: number;
  /** Told when the backend's circuit opens and when it closes again (the gateway logs it). */
  onBreakerChange?: (change: BreakerChange) => void;
}

/** A backend's circuit opened or closed, for the operator's log. */
export interface BreakerChange {
  backend: BackendKey;
  /** `host:port` of the backend. */
  target: string;
  state: 'open' | 'closed';
  /** Failures in a row that opened it (or that it had when the probe closed it). */
  failures: number;
  cooldownMs: number;
}

export type QueryParams = ReadonlyArray<readonly [string, string]>;

/** One upstream call as the trace (`extensions.upstream`) and the debug log show it. */
export interface UpstreamCall {
  backend: BackendKey;
  method: string;
  /** Path and query, without the service root's prefix. */
  path: string;
  /** Upstream status, or null when no response arrived. */
  status: number | null;
  ms: number;
  /** How many loader keys this call served (1 for a plain call). */
  batchSize: number;
  /** True when this caller joined an identical GET already in flight instead of sending one. */
  shared: boolean;
  /** Only on retries: 2 for the first retry, 3 for the second. */
  attempt?: number;
}

/** Tracing of one request's upstream calls (OpenTelemetry, see src/tracing.ts). */
export interface CallTracing {
  startSpan(backend: BackendKey, method: string, path: string): { headers: Record<string, string>; end(status: number | null): void };
}

/**
 * Who a call is made for. Passed per call (never stored on a shared client): the caller's
 * token, the request id to forward, and where to record the call for the request's trace.
 */
export interface CallContext {
  token: string;
  /** Set when the request is traced: each attempt gets a client span and a traceparent header. */
  tracing?: CallTracing;
  requestId?: string;
  record?: (call: UpstreamCall) => void;
  /** Loader keys this call carries, for the trace. @default 1 */
  batchSize?: number;
  /**
   * When the caller's request runs out of time, on the performance.now() clock: no call is
   * sent after it and a call in flight is aborted at it (UPSTREAM_TIMEOUT). Undefined: only
   * the per-backend timeouts apply (pollers, which outlive any request).
   */
  deadline?: number;
  /**
   * Aborts when the operation the call is made for is over (answered, or its caller gone): a
   * call not yet sent is not sent, and one in flight is aborted. Undefined for pollers.
   */
  signal?: AttemptAbort;
  /**
   * Charged before every attempt that would be sent (not for a GET joined to one in flight):
   * throws when the operation has spent its budget of upstream calls, and nothing is sent.
   */
  charge?: () => void;
}

/** Builds a backend's own credential headers from a token (`X-Auth-Token`, `Authorization: Bearer`), as a fresh object: the client adds to it. */
export type AuthHeaders = (token: string) => Record<string, string>;

export interface JsonCall {
  method: Dispatcher.HttpMethod;
  path: string;
  query?: QueryParams;
  headers?: Record<string, string>;
  /** Serialized as JSON. */
  json?: unknown;
  contentType?: string;
  /**
   * false for a call that is idempotent by method but not in effect (a container power action
   * is a PUT, yet "restart" twice restarts twice): never retried. @default true
   */
  retry?: boolean;
}

/** Per-call choices for `raw()`. */
export interface RawOptions {
  /** As JsonCall.retry. A call with a request body is never retried, whatever this says. @default true */
  retry?: boolean;
  /** Which statuses count against the circuit breaker. @default status >= 500 */
  isOutage?: (status: number) => boolean;
}

export interface JsonResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}
