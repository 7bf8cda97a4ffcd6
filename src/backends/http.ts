import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { Pool } from '../overrides/undici-pool.js';
import type { BackendKey } from '../backend-keys.js';
import { DEFAULT_MESSAGES, type ErrorCode } from '../errors.js';
import { Admission, AdmissionRefused } from './admission.js';
import { CircuitBreaker, type BreakerSnapshot, type CallOutcome } from './breaker.js';
import { backoffMs, isRetryableError, RETRYABLE_METHODS, RETRYABLE_STATUSES, retryAfterMs, RetryBudget } from './retry.js';
import { RevalidationCache } from './revalidation.js';

/**
 * The one HTTP layer every backend client goes through: a keep-alive undici Pool bound to the
 * backend's origin (so a credential can never be sent to another host, and a redirect is an
 * error, never followed), explicit timeouts, upstream status -> error code, and a body that is
 * consumed on every path (an unconsumed body keeps its connection busy and stalls the pool).
 *
 * Against failing backends every call made for a caller goes, in order, through: the caller's
 * deadline (spent: UPSTREAM_TIMEOUT, nothing sent), the backend's circuit breaker (open:
 * UPSTREAM_UNAVAILABLE, nothing sent), the backend's bounded queue (full: UPSTREAM_BUSY), the
 * request (aborted at the deadline), and the retry policy (retry.ts). Readiness probes
 * (`call === null`) skip all of it: they report the backend, not the breaker.
 */

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
}

/** What an upstream failure became; never sent to a client as is (see src/errors.ts). */
export class BackendError extends Error {
  constructor(
    readonly backend: BackendKey,
    /** Upstream HTTP status, or null when no response arrived. */
    readonly status: number | null,
    readonly code: ErrorCode,
    message: string,
    readonly fields: Array<{ path: string[]; message: string }> = [],
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

/** A backend-specific reading of an error body: the message and field problems it names. */
export type ErrorBodyReader = (
  status: number,
  body: string,
  contentType: string,
) => {
  message?: string;
  fields?: Array<{ path: string[]; message: string }>;
};

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

/**
 * Who a call is made for. Passed per call (never stored on a shared client): the caller's
 * token, the request id to forward, and where to record the call for the request's trace.
 */
/** Tracing of one request's upstream calls (OpenTelemetry, see src/tracing.ts). */
export interface CallTracing {
  startSpan(backend: BackendKey, method: string, path: string): { headers: Record<string, string>; end(status: number | null): void };
}

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

const STATUS_CODES: ReadonlyArray<[(status: number) => boolean, ErrorCode]> = [
  [(s) => s === 400 || s === 422, 'BAD_USER_INPUT'],
  [(s) => s === 401, 'UNAUTHENTICATED'],
  [(s) => s === 403, 'FORBIDDEN'],
  [(s) => s === 404, 'NOT_FOUND'],
  [(s) => s === 409, 'CONFLICT'],
  [(s) => s === 413, 'PAYLOAD_TOO_LARGE'],
  [(s) => s === 415, 'UNSUPPORTED_MEDIA_TYPE'],
  [(s) => s === 429, 'RATE_LIMITED'],
];

/**
 * Upstream status -> error code, per the table in DESIGN.md. Unlisted 4xx count as bad input.
 * A 3xx is a backend that is not where it was configured: redirects are never followed (the
 * credential would go along), so it is unavailable.
 */
export function codeForStatus(status: number): ErrorCode {
  for (const [matches, code] of STATUS_CODES) if (matches(status)) return code;
  return status >= 500 || status < 400 ? 'UPSTREAM_UNAVAILABLE' : 'BAD_USER_INPUT';
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** A transport failure (no usable response) as a BackendError. */
export function transportError(backend: BackendKey, error: unknown): BackendError {
  const code = (error as { code?: string }).code ?? '';
  if (TIMEOUT_CODES.has(code)) {
    return new BackendError(backend, null, 'UPSTREAM_TIMEOUT', 'A backend service did not answer in time.');
  }
  return new BackendError(backend, null, 'UPSTREAM_UNAVAILABLE', 'A backend service is unavailable.');
}

/** Longest error text kept from an upstream body; anything longer is noise for a client. */
const MAX_MESSAGE = 300;
/** Bytes of an error body read at most; the rest is discarded. */
const MAX_ERROR_BODY = 64 * 1024;

/** Strips markup and control characters, collapses space, bounds length. */
export function cleanMessage(text: string): string {
  const flat = text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}

function retryAfterSeconds(value: string | string[] | undefined): number | undefined {
  const ms = retryAfterMs(value);
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

async function readBounded(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size < MAX_ERROR_BODY) chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY).toString('utf8');
}

/** The abort reason when a caller's deadline passes with its call in flight. */
class DeadlineExceeded extends Error {
  constructor() {
    super('request deadline passed');
    this.name = 'DeadlineExceeded';
  }
}

/**
 * Longest a retry waits (backoff or Retry-After), deadline or not: a backend that asks for
 * more gets its answer passed on (429 with retryAfter) rather than a caller held that long;
 * pollers back off by retryAfter themselves.
 */
const MAX_RETRY_WAIT_MS = 5_000;

/** How one attempt went: what the caller gets if it is the last, and what the policies need to know. */
interface Outcome<R> {
  status: number | null;
  result: { value: R } | { error: BackendError };
  breaker: CallOutcome;
  /** Worth another attempt, if the call may be retried at all. */
  transient: boolean;
  retryAfterMs?: number;
  /** Frees the attempt's response before a retry. */
  discard?: () => Promise<void>;
  /** A body the caller streams: the queue slot is held until it closes. */
  body?: Dispatcher.ResponseData['body'];
}

interface AttemptPlan {
  retry: boolean;
  /** Read before every attempt: a shared GET's deadline grows when a later caller joins. */
  deadline: () => number | undefined;
  /** Abort a call in flight at the deadline (not for uploads: their bytes take what they take). */
  abortInFlight: boolean;
}

/**
 * How an attempt in flight is aborted: an EventEmitter, which undici takes as a request's
 * `signal` as readily as an AbortSignal (it reads `aborted` and `reason`, and listens for
 * 'abort'). Every call made one, and an AbortController (an EventTarget with its own internal
 * maps) cost ~3 µs a call hot and a measurable share of a concurrency-1 request cold, for an
 * abort that almost never happens; an emitter costs next to nothing.
 */
class AttemptAbort extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}

/** Aborts `abort` once `deadline()` has passed, re-reading it (it may have been extended). */
function armDeadline(abort: AttemptAbort, deadline: () => number | undefined): () => void {
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    const at = deadline();
    if (at === undefined) return;
    const left = at - performance.now();
    if (left <= 0) abort.abort(new DeadlineExceeded());
    else timer = setTimeout(check, left);
  };
  check();
  return () => clearTimeout(timer);
}

/**
 * A GET's key in the revalidation cache: a digest of the credential (kept answers outlive the
 * request, the token must not) and the path. Computed at most once, and only when the cache is
 * consulted (see RevalidationCache.active).
 */
function validationKey(token: string, path: string): () => string {
  let key: string | undefined;
  return () => (key ??= `${createHash('sha256').update(token).digest('base64')} ${path}`);
}

/** One GET in flight that identical callers join; its deadline is the latest of theirs. */
interface SharedCall {
  promise: Promise<JsonResponse<unknown>>;
  /** The latest deadline of its callers (undefined: one has none): the call is aborted in flight at it. */
  deadline: number | undefined;
  /** Told when a joiner moves `deadline` past the starter's own (see starterWait). */
  extended?: () => void;
}

/** Releases `release` once a streamed body is done with, however it ends. */
function releaseWhenClosed(body: Dispatcher.ResponseData['body'], release: () => void): void {
  if (body.destroyed || body.readableEnded) return release();
  body.once('close', release);
  body.once('end', release);
  body.once('error', release);
}

export class BackendHttp {
  readonly backend: BackendKey;
  readonly origin: string;
  /** Path prefix of the service root (`/glance`), '' when none. */
  readonly basePath: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly admission: Admission;
  private readonly breaker: CircuitBreaker;
  private readonly budget: RetryBudget;
  private readonly retries: number;
  private readonly retryBaseMs: number;

  /**
   * Identical GETs in flight, keyed by token + path: joiners share one call. The token itself,
   * not a digest: an entry lives exactly as long as the call, as the token does anyway.
   */
  private readonly inflight = new Map<string, SharedCall>();
  /** ETagged answers by credential digest + path (they outlive requests), to revalidate with If-None-Match. */
  private readonly validated: RevalidationCache;

  constructor(
    private readonly options: BackendHttpOptions,
    private readonly readErrorBody: ErrorBodyReader,
    private readonly authHeaders: AuthHeaders,
    dispatcher?: Dispatcher,
  ) {
    const url = new URL(options.url);
    this.backend = options.backend;
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.ownsDispatcher = dispatcher === undefined;
    this.dispatcher =
      dispatcher ??
      new Pool(this.origin, {
        connections: options.connections,
        connect: { timeout: options.connectTimeoutMs },
        headersTimeout: options.headersTimeoutMs,
        bodyTimeout: options.bodyTimeoutMs,
        keepAliveTimeout: 10_000,
      });
    this.admission = new Admission(options.connections, options.maxPending ?? 256);
    this.validated = new RevalidationCache(options.revalidationBytes ?? 4 * 1024 * 1024);
    this.breaker = new CircuitBreaker({ threshold: options.breakerThreshold ?? 5, cooldownMs: options.breakerCooldownMs ?? 10_000 });
    this.budget = new RetryBudget(options.retryBudgetPercent ?? 10);
    this.retries = options.retries ?? 2;
    this.retryBaseMs = options.retryBaseMs ?? 100;
  }

  /** The circuit breaker's state, for /readyz and metrics. */
  breakerState(): BreakerSnapshot {
    return this.breaker.snapshot();
  }

  /** Calls in flight and waiting for a connection. */
  queueLoad(): { inFlight: number; waiting: number } {
    return this.admission.load;
  }

  /** `path` + encoded query, under the service root. */
  pathFor(path: string, query: QueryParams = []): string {
    const search = new URLSearchParams(query as Array<[string, string]>).toString();
    return `${this.basePath}${path}${search ? `?${search}` : ''}`;
  }

  /**
   * Sends a request and returns the raw response, for streaming callers (byte routes). Maps
   * transport failures; the caller owns the body and must consume or destroy it. The caller's
   * deadline bounds the wait for the response head, not the body (a download takes what it
   * takes; the body timeout still catches a stall). A call with a request body is never
   * retried: the stream cannot be replayed.
   */
  async raw(options: Omit<Dispatcher.RequestOptions, 'origin'>, call: CallContext | null, rawOptions: RawOptions = {}): Promise<Dispatcher.ResponseData> {
    if (call === null) return this.probeRaw(options);
    const headers = { ...(options.headers as Record<string, string>), ...this.callHeaders(call) };
    const hasBody = options.body !== undefined && options.body !== null;
    const isOutage = rawOptions.isOutage ?? ((status: number) => status >= 500);
    const plan: AttemptPlan = {
      retry: rawOptions.retry !== false && !hasBody && RETRYABLE_METHODS.has(options.method),
      deadline: () => call.deadline,
      abortInFlight: !hasBody,
    };
    return this.attempts(options.method, options.path, call, plan, async (signal) => {
      try {
        const response = await this.dispatcher.request({ ...options, headers, path: `${this.basePath}${options.path}`, ...(hasBody ? {} : { signal }) });
        const status = response.statusCode;
        return {
          status,
          result: { value: response },
          breaker: isOutage(status) ? 'failure' : 'success',
          transient: RETRYABLE_STATUSES.has(status),
          retryAfterMs: retryAfterMs(response.headers['retry-after']),
          discard: () => response.body.dump(),
          body: response.body,
        };
      } catch (error) {
        return this.transportOutcome(error);
      }
    });
  }

  /** A readiness probe: straight to the backend, past breaker, queue and retries. */
  private async probeRaw(options: Omit<Dispatcher.RequestOptions, 'origin'>): Promise<Dispatcher.ResponseData> {
    try {
      return await this.dispatcher.request({ ...options, path: `${this.basePath}${options.path}` });
    } catch (error) {
      throw transportError(this.backend, error);
    }
  }

  /** The caller's credential and request id, as a fresh object the caller may add to. */
  private callHeaders(call: CallContext | null): Record<string, string> {
    if (!call) return {};
    const headers = this.authHeaders(call.token);
    if (call.requestId) headers['x-request-id'] = call.requestId;
    return headers;
  }

  private record(call: CallContext | null, method: string, path: string, status: number | null, started: number, shared: boolean, attempt = 1): void {
    call?.record?.({
      backend: this.backend,
      method,
      path,
      status,
      ms: Math.round((performance.now() - started) * 100) / 100,
      batchSize: call.batchSize ?? 1,
      shared,
      ...(attempt > 1 ? { attempt } : {}),
    });
  }

  /** Turns a non-2xx response into a BackendError, reading (at most 64 KiB of) its body. */
  async errorFrom(response: Dispatcher.ResponseData): Promise<BackendError> {
    let text = '';
    try {
      text = await readBounded(response.body);
    } catch {
      // A body that breaks off mid-error still tells us the status.
    }
    const status = response.statusCode;
    const code = codeForStatus(status);
    const contentType = String(response.headers['content-type'] ?? '');
    // 5xx bodies are upstream internals: they go to logs, never to clients. A 3xx body names
    // where the backend wanted us to go, which is nobody's business either.
    const described = status >= 500 || status < 400 ? {} : this.readErrorBody(status, text, contentType);
    const message = described.message
      ? cleanMessage(described.message)
      : status < 400
        ? 'A backend service answered with a redirect, which the gateway does not follow.'
        : '';
    return new BackendError(
      this.backend,
      status,
      code,
      message || DEFAULT_MESSAGES[code],
      described.fields ?? [],
      code === 'RATE_LIMITED' ? retryAfterSeconds(response.headers['retry-after']) : undefined,
    );
  }

  /**
   * A JSON request: encodes the body, sends Accept: application/json and the caller's
   * credential, parses the answer. An identical GET already in flight for the same credential
   * is joined instead of sent again (never across credentials); each joiner still gets its
   * answer within its own deadline, and the shared call lives until the latest of them.
   */
  async requestJson<T>(request: JsonCall, call: CallContext): Promise<JsonResponse<T>> {
    const path = this.pathFor(request.path, request.query);
    if (request.method !== 'GET') return this.send<T>(request, path, call, () => call.deadline);
    // A path (encoded) never holds a newline, so the key's last one splits it unambiguously.
    const key = `${call.token}\n${path}`;
    const pending = this.inflight.get(key);
    if (pending) {
      // No deadline (a poller) outlives any; otherwise the later one wins.
      const before = pending.deadline;
      pending.deadline = pending.deadline === undefined || call.deadline === undefined ? undefined : Math.max(pending.deadline, call.deadline);
      if (pending.deadline !== before) pending.extended?.();
      const started = performance.now();
      let status: number | null = null;
      try {
        const response = (await this.withinDeadline(pending.promise, call.deadline)) as JsonResponse<T>;
        status = response.status;
        return response;
      } catch (error) {
        status = error instanceof BackendError ? error.status : null;
        throw error;
      } finally {
        this.record(call, request.method, path.slice(this.basePath.length), status, started, true);
      }
    }
    const shared: SharedCall = { promise: undefined as never, deadline: call.deadline };
    shared.promise = this.send<unknown>(request, path, call, () => shared.deadline, validationKey(call.token, path));
    this.inflight.set(key, shared);
    const forget = () => {
      if (this.inflight.get(key) === shared) this.inflight.delete(key);
    };
    shared.promise.then(forget, forget);
    return (await this.starterWait(shared, call.deadline)) as JsonResponse<T>;
  }

  /**
   * The starter's answer within its own deadline. Until a joiner extends the call's deadline it
   * is the starter's, and the call is aborted at it (armDeadline): no timer of its own is
   * needed, and most calls (nobody joins) never arm one. An extension arms it.
   */
  private starterWait(shared: SharedCall, deadline: number | undefined): Promise<JsonResponse<unknown>> {
    if (deadline === undefined) return shared.promise;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      shared.extended = () => {
        timer ??= setTimeout(() => reject(this.timeUp()), Math.max(0, deadline - performance.now()));
      };
      shared.promise.then(
        (response) => {
          clearTimeout(timer);
          resolve(response);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** `promise`, or UPSTREAM_TIMEOUT when `deadline` passes first. */
  private async withinDeadline<T>(promise: Promise<T>, deadline: number | undefined): Promise<T> {
    if (deadline === undefined) return promise;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        promise,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(this.timeUp()), Math.max(0, deadline - performance.now()));
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** `validationKey`: a GET's key in the revalidation cache, computed when first needed. */
  private async send<T>(
    request: JsonCall,
    path: string,
    call: CallContext,
    deadline: () => number | undefined,
    validationKey?: () => string,
  ): Promise<JsonResponse<T>> {
    const headers: Record<string, string> = Object.assign({ accept: 'application/json' }, request.headers, this.callHeaders(call));
    const kept = validationKey !== undefined && this.validated.active ? this.validated.get(validationKey()) : undefined;
    if (kept) headers['if-none-match'] = kept.etag;
    let body: string | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = request.contentType ?? 'application/json';
    }
    const plan: AttemptPlan = { retry: request.retry !== false && RETRYABLE_METHODS.has(request.method), deadline, abortInFlight: true };
    const attempt = async (signal: AttemptAbort, attemptHeaders: Record<string, string>): Promise<Outcome<JsonResponse<T>>> => {
      let response: Dispatcher.ResponseData;
      try {
        response = await this.dispatcher.request({ method: request.method, path, headers: attemptHeaders, body, signal });
      } catch (error) {
        return this.transportOutcome(error);
      }
      const status = response.statusCode;
      if (status === 304 && kept) {
        // Not modified: the kept body is the answer, under the headers the 304 brings (RFC 9111
        // §4.3.4: a page's Total or Link can change while its body does not).
        await response.body.dump();
        const { 'content-length': _length, ...fresh } = response.headers;
        const value = { ...kept.response, headers: { ...kept.response.headers, ...fresh } } as JsonResponse<T>;
        return { status, result: { value }, breaker: 'success', transient: false };
      }
      if (status < 200 || status >= 300) {
        if (validationKey !== undefined && this.validated.active) this.validated.forget(validationKey());
        const error = await this.errorFrom(response);
        return {
          status,
          result: { error },
          breaker: status >= 500 ? 'failure' : 'success',
          transient: RETRYABLE_STATUSES.has(status),
          retryAfterMs: retryAfterMs(response.headers['retry-after']),
        };
      }
      let text: string;
      try {
        text = await response.body.text();
      } catch (error) {
        // The head came (say 200) and the body broke off: report the status it had.
        const broken = this.transportOutcome(error);
        const cause = 'error' in broken.result ? broken.result.error : undefined;
        return { ...broken, status, ...(cause ? { result: { error: new BackendError(this.backend, status, cause.code, cause.message) } } : {}) };
      }
      const malformed = (): Outcome<never> => ({
        status,
        result: { error: new BackendError(this.backend, status, 'UPSTREAM_UNAVAILABLE', 'A backend service sent a malformed response.') },
        breaker: 'failure',
        transient: false,
      });
      if (text.length === 0)
        return { status, result: { value: { status, headers: response.headers, body: undefined as T } }, breaker: 'success', transient: false };
      // An HTML error page with 200 (a proxy, a login wall) is not an answer, even if it parsed.
      const contentType = String(response.headers['content-type'] ?? '');
      if (contentType !== '' && !/json/i.test(contentType)) return malformed();
      try {
        const parsed = JSON.parse(text) as T;
        const value = { status, headers: response.headers, body: parsed };
        if (validationKey !== undefined && (this.validated.active || this.validated.tags(response.headers)))
          this.validated.remember(validationKey(), value, text.length);
        return { status, result: { value }, breaker: 'success', transient: false };
      } catch {
        return malformed();
      }
    };
    return this.attempts(request.method, path.slice(this.basePath.length), call, plan, async (signal) => {
      // One client span per attempt when the request is traced; its traceparent goes upstream.
      const span = call.tracing?.startSpan(this.backend, request.method, path.slice(this.basePath.length));
      const outcome = await attempt(signal, span ? { ...headers, ...span.headers } : headers);
      span?.end(outcome.status);
      return outcome;
    });
  }

  /** A failure with no usable response: timeouts, refused and reset connections, the deadline. */
  private transportOutcome(error: unknown): Outcome<never> {
    if (error instanceof DeadlineExceeded) {
      // The caller's time ran out, which says as much about the caller as about the backend:
      // neutral for the breaker. A hung backend still trips it through its own timeouts.
      return { status: null, result: { error: this.timeUp() }, breaker: 'neutral', transient: false };
    }
    return { status: null, result: { error: transportError(this.backend, error) }, breaker: 'failure', transient: isRetryableError(error) };
  }

  /**
   * Runs `once` until it succeeds, fails for good, or may not be tried again. Before every
   * attempt: deadline, breaker, queue, in that order, so a refused call costs nothing.
   */
  private async attempts<R>(
    method: string,
    path: string,
    call: CallContext,
    plan: AttemptPlan,
    once: (signal: AttemptAbort) => Promise<Outcome<R>>,
  ): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const deadline = plan.deadline();
      if (deadline !== undefined && performance.now() >= deadline) throw this.timeUp();
      if (!this.breaker.allows()) throw this.circuitOpen();
      // A free slot is taken without a turn of the microtask queue; only a full pool waits.
      let release = this.admission.tryAcquire();
      if (!release) {
        try {
          release = await this.admission.acquire(deadline);
        } catch (error) {
          throw error instanceof AdmissionRefused && error.reason === 'busy'
            ? new BackendError(this.backend, null, 'UPSTREAM_BUSY', DEFAULT_MESSAGES.UPSTREAM_BUSY)
            : this.timeUp();
        }
      }
      // The circuit may have opened while this call queued.
      const permit = this.breaker.enter();
      if (!permit) {
        release();
        throw this.circuitOpen();
      }
      if (attempt === 1) this.budget.deposit();
      const abort = new AttemptAbort();
      const disarm = plan.abortInFlight ? armDeadline(abort, plan.deadline) : () => undefined;
      const started = performance.now();
      let outcome: Outcome<R>;
      try {
        outcome = await once(abort);
      } catch (error) {
        outcome = this.transportOutcome(error);
      } finally {
        disarm();
      }
      permit.report(outcome.breaker);
      this.record(call, method, path, outcome.status, started, false, attempt);
      const wait = plan.retry && outcome.transient ? this.retryWait(attempt, outcome.retryAfterMs, plan.deadline()) : undefined;
      if (wait === undefined) {
        if ('error' in outcome.result) {
          release();
          throw outcome.result.error;
        }
        if (outcome.body) releaseWhenClosed(outcome.body, release);
        else release();
        return outcome.result.value;
      }
      try {
        await outcome.discard?.();
      } catch {
        // A broken body is gone either way.
      } finally {
        release();
      }
      await sleep(wait);
    }
  }

  /** How long to wait before retry number `attempt`, or undefined when it may not happen. */
  private retryWait(attempt: number, retryAfter: number | undefined, deadline: number | undefined): number | undefined {
    if (attempt > this.retries) return undefined;
    // The circuit opened on this failure: the caller gets the failure itself, not "circuit open".
    if (!this.breaker.allows()) return undefined;
    const wait = Math.max(backoffMs(attempt, this.retryBaseMs), retryAfter ?? 0);
    const room = deadline === undefined ? MAX_RETRY_WAIT_MS : Math.min(MAX_RETRY_WAIT_MS, deadline - performance.now());
    // A Retry-After past the deadline: answer now (429 carries retryAfter) rather than wait in vain.
    if (wait >= room) return undefined;
    return this.budget.withdraw() ? wait : undefined;
  }

  private timeUp(): BackendError {
    return new BackendError(this.backend, null, 'UPSTREAM_TIMEOUT', 'The request ran out of time before a backend service answered.');
  }

  private circuitOpen(): BackendError {
    const seconds = Math.max(1, Math.ceil(this.breaker.retryInMs() / 1000));
    return new BackendError(
      this.backend,
      null,
      'UPSTREAM_UNAVAILABLE',
      `A backend service is failing repeatedly; the gateway stopped calling it and will try again in about ${seconds} s.`,
      [],
      seconds,
    );
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}
