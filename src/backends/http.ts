import type { Dispatcher } from 'undici';
import type { BackendKey } from '../backend-keys.js';
import type { AttemptAbort } from '../overrides/attempt-abort.js';
import { Pool } from '../overrides/undici-pool.js';
import { type AttemptPlan, type Guards, type Outcome, runAttempts } from './http/attempts.js';
import { type BreakerSnapshot, CircuitBreaker } from './http/breaker.js';
import { BackendError, type ErrorBodyReader, errorFromResponse, guardedReader, timeUp } from './http/errors.js';
import { type JsonAttempt, sendJson } from './http/json.js';
import { ReadBudget } from './http/bounded-body.js';
import { CallQueue } from './http/queue.js';
import { sendRaw } from './http/raw.js';
import { RETRYABLE_METHODS, RetryBudget } from './http/retry.js';
import { RevalidationCache, validationKey } from './http/revalidation.js';
import { SharedGets } from './http/shared-gets.js';
import { targetOf } from './http/why-unavailable.js';
import type { AuthHeaders, BackendHttpOptions, CallContext, JsonCall, JsonResponse, QueryParams, RawOptions } from './http/types.js';

/**
 * The one HTTP layer every backend client goes through, as a small facade over its parts in
 * src/backends/http/: a keep-alive undici Pool bound to the backend's origin (so a credential
 * can never be sent to another host, and a redirect is an error, never followed), explicit
 * timeouts, upstream status -> error code (errors.ts), and a body that is consumed on every
 * path (an unconsumed body keeps its connection busy and stalls the pool).
 *
 * A JSON GET first joins an identical GET of the same credential already in flight
 * (shared-gets.ts); every call then runs the attempt loop (attempts.ts: deadline, breaker,
 * queue, the attempt aborted at the deadline, retry), each attempt a JSON request with its
 * revalidation (json.ts, revalidation.ts) or a streaming one (raw.ts). Readiness probes skip
 * it all: they report the backend, not the breaker.
 */
export class BackendHttp {
  readonly backend: BackendKey;
  readonly origin: string;
  /** `host:port` of the origin, for operators' messages (never userinfo or path). */
  readonly target: string;
  /** Path prefix of the service root (`/glance`), '' when none. */
  readonly basePath: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly guards: Guards;
  private readonly shared: SharedGets;
  /** ETagged answers by credential digest + path (they outlive requests), to revalidate with If-None-Match. */
  private readonly validated: RevalidationCache;
  private readonly maxResponseBytes: number;
  private readonly readBudget: ReadBudget;
  private readonly readErrorBody: ErrorBodyReader;

  constructor(
    options: BackendHttpOptions,
    readErrorBody: ErrorBodyReader,
    private readonly authHeaders: AuthHeaders,
    dispatcher?: Dispatcher,
  ) {
    const url = new URL(options.url);
    this.backend = options.backend;
    this.origin = url.origin;
    this.target = targetOf(url.origin);
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
    this.guards = {
      backend: options.backend,
      queue: new CallQueue(options.connections, options.maxPending ?? 256),
      breaker: new CircuitBreaker({
        threshold: options.breakerThreshold ?? 5,
        cooldownMs: options.breakerCooldownMs ?? 10_000,
        onChange: (change) =>
          options.onBreakerChange?.({ ...change, backend: this.backend, target: this.target, cooldownMs: options.breakerCooldownMs ?? 10_000 }),
      }),
      budget: new RetryBudget(options.retryBudgetPercent ?? 10),
      retries: options.retries ?? 2,
      retryBaseMs: options.retryBaseMs ?? 100,
    };
    this.shared = new SharedGets(() => timeUp(this.backend));
    this.validated = new RevalidationCache(options.revalidationBytes ?? 4 * 1024 * 1024);
    this.maxResponseBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
    // Twice one answer's cap: two answers at the cap at once, or many ordinary ones.
    this.readBudget = new ReadBudget(2 * this.maxResponseBytes);
    this.readErrorBody = guardedReader(readErrorBody, options.upstreamErrorText !== false);
  }

  /** The circuit breaker's state, for /readyz and metrics. */
  breakerState(): BreakerSnapshot {
    return this.guards.breaker.snapshot();
  }

  /** Calls in flight and waiting for a connection. */
  queueLoad(): { inFlight: number; waiting: number } {
    return this.guards.queue.load;
  }

  /** `path` + encoded query, under the service root. */
  pathFor(path: string, query: QueryParams = []): string {
    const search = new URLSearchParams(query as Array<[string, string]>).toString();
    return `${this.basePath}${path}${search ? `?${search}` : ''}`;
  }

  /**
   * A JSON request: encodes the body, sends Accept: application/json and the caller's
   * credential, parses the answer. An identical GET already in flight for the same credential
   * is joined instead of sent again (never across credentials); each joiner still gets its
   * answer within its own deadline, and the shared call lives until the latest of them.
   */
  async requestJson<T>(request: JsonCall, call: CallContext): Promise<JsonResponse<T>> {
    const path = this.pathFor(request.path, request.query);
    if (request.method !== 'GET') return this.sendJson<T>(request, path, call, () => call.deadline, call.signal, false);
    // A path (encoded) never holds a newline, so the key's last one splits it unambiguously.
    const key = `${call.token}\n${path}`;
    const joined = this.shared.join(key, call.deadline, call.signal);
    if (!joined) {
      return (await this.shared.start(key, call.deadline, call.signal, (deadline, abandoned) =>
        this.sendJson(request, path, call, deadline, abandoned),
      )) as JsonResponse<T>;
    }
    const started = performance.now();
    let status: number | null = null;
    try {
      const response = (await joined) as JsonResponse<T>;
      status = response.status;
      return response;
    } catch (error) {
      status = error instanceof BackendError ? error.status : null;
      throw error;
    } finally {
      this.record(call, request.method, path.slice(this.basePath.length), status, started, true);
    }
  }

  /**
   * A readiness probe: a GET without credentials straight to the backend, past breaker, queue
   * and retries (it reports the backend, not the breaker). Resolves to the status; a transport
   * failure rejects with undici's own error, whose code says why (why-unavailable.ts).
   */
  async probe(path: string): Promise<number> {
    const response = await this.dispatcher.request({ method: 'GET', path: `${this.basePath}${path}`, headers: { accept: 'application/json' } });
    await response.body.dump();
    return response.statusCode;
  }

  /**
   * Sends a request and returns the raw response, for streaming callers (byte routes). Maps
   * transport failures; the caller owns the body and must consume or destroy it. The caller's
   * deadline bounds the wait for the response head, not the body (a download takes what it
   * takes; the body timeout still catches a stall). A call with a request body is never
   * retried: the stream cannot be replayed.
   */
  async raw(options: Omit<Dispatcher.RequestOptions, 'origin'>, call: CallContext, rawOptions: RawOptions = {}): Promise<Dispatcher.ResponseData> {
    const request = { ...options, path: `${this.basePath}${options.path}` };
    const headers = { ...(options.headers as Record<string, string>), ...this.callHeaders(call) };
    const hasBody = options.body !== undefined && options.body !== null;
    const isOutage = rawOptions.isOutage ?? ((status: number) => status >= 500);
    const plan: AttemptPlan = {
      retry: rawOptions.retry !== false && !hasBody && RETRYABLE_METHODS.has(options.method),
      deadline: () => call.deadline,
      abortInFlight: !hasBody,
      signal: call.signal,
      charge: call.charge,
      owner: call.token,
    };
    return this.attempts(options.method, options.path, call, plan, (signal) =>
      sendRaw(this.backend, this.dispatcher, { ...request, headers }, isOutage, hasBody ? undefined : signal),
    );
  }

  /** Turns a non-2xx response into a BackendError, reading (at most 64 KiB of) its body. */
  errorFrom(response: Dispatcher.ResponseData): Promise<BackendError> {
    return errorFromResponse(this.backend, response, this.readErrorBody);
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** One JSON call through the attempt loop, dropped when `signal` aborts; `revalidate` for a GET, whose answers may be kept. */
  private sendJson<T>(
    request: JsonCall,
    path: string,
    call: CallContext,
    deadline: () => number | undefined,
    signal: AttemptAbort | undefined,
    revalidate = true,
  ): Promise<JsonResponse<T>> {
    const headers: Record<string, string> = Object.assign({ accept: 'application/json' }, request.headers, this.callHeaders(call));
    let body: string | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = request.contentType ?? 'application/json';
    }
    const plan: AttemptPlan = {
      retry: request.retry !== false && RETRYABLE_METHODS.has(request.method),
      deadline,
      abortInFlight: true,
      signal,
      charge: call.charge,
      owner: call.token,
    };
    const attempt: JsonAttempt = {
      backend: this.backend,
      dispatcher: this.dispatcher,
      readErrorBody: this.readErrorBody,
      method: request.method,
      path,
      headers,
      body,
      maxBytes: this.maxResponseBytes,
      readBudget: this.readBudget,
    };
    if (revalidate) attempt.revalidation = { cache: this.validated, key: validationKey(call.token, path) };
    const tracePath = path.slice(this.basePath.length);
    return this.attempts(request.method, tracePath, call, plan, async (signal) => {
      // One client span per attempt when the request is traced; its traceparent goes upstream.
      const span = call.tracing?.startSpan(this.backend, request.method, tracePath);
      const outcome = await sendJson<T>(span ? { ...attempt, headers: { ...headers, ...span.headers } } : attempt, signal);
      span?.end(outcome.status);
      return outcome;
    });
  }

  private attempts<R>(method: string, path: string, call: CallContext, plan: AttemptPlan, once: (signal: AttemptAbort) => Promise<Outcome<R>>): Promise<R> {
    return runAttempts(this.guards, plan, once, (status, started, attempt) => this.record(call, method, path, status, started, false, attempt));
  }

  /** The caller's credential and request id, as a fresh object the caller may add to. */
  private callHeaders(call: CallContext): Record<string, string> {
    const headers = this.authHeaders(call.token);
    if (call.requestId) headers['x-request-id'] = call.requestId;
    return headers;
  }

  private record(call: CallContext, method: string, path: string, status: number | null, started: number, shared: boolean, attempt = 1): void {
    call.record?.({
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
}
