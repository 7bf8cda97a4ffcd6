import { createHash } from 'node:crypto';
import { Pool, type Dispatcher } from 'undici';
import type { BackendKey } from '../backend-keys.js';
import { DEFAULT_MESSAGES, type ErrorCode } from '../errors.js';

/**
 * The one HTTP layer every backend client goes through: a keep-alive undici Pool bound to the
 * backend's origin (so a credential can never be sent to another host), explicit timeouts,
 * upstream status -> error code, and a body that is consumed on every path (an unconsumed
 * body keeps its connection busy and stalls the pool).
 */

export interface BackendHttpOptions {
  backend: BackendKey;
  /** Service root, possibly with a path prefix: `http://cloud.example/glance`. */
  url: string;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  connections: number;
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
export type ErrorBodyReader = (status: number, body: string, contentType: string) => {
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
}

/**
 * Who a call is made for. Passed per call (never stored on a shared client): the caller's
 * token, the request id to forward, and where to record the call for the request's trace.
 */
export interface CallContext {
  token: string;
  requestId?: string;
  record?: (call: UpstreamCall) => void;
  /** Loader keys this call carries, for the trace. @default 1 */
  batchSize?: number;
}

/** Builds a backend's own credential headers from a token (`X-Auth-Token`, `Authorization: Bearer`). */
export type AuthHeaders = (token: string) => Record<string, string>;

export interface JsonCall {
  method: Dispatcher.HttpMethod;
  path: string;
  query?: QueryParams;
  headers?: Record<string, string>;
  /** Serialized as JSON. */
  json?: unknown;
  contentType?: string;
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

/** Upstream status -> error code, per the table in DESIGN.md. Unlisted 4xx count as bad input. */
export function codeForStatus(status: number): ErrorCode {
  for (const [matches, code] of STATUS_CODES) if (matches(status)) return code;
  return status >= 500 ? 'UPSTREAM_UNAVAILABLE' : 'BAD_USER_INPUT';
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
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
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

export class BackendHttp {
  readonly backend: BackendKey;
  readonly origin: string;
  /** Path prefix of the service root (`/glance`), '' when none. */
  readonly basePath: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  /** Identical GETs in flight, keyed by credential digest + path: joiners share one call. */
  private readonly inflight = new Map<string, Promise<JsonResponse<unknown>>>();

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
  }

  /** `path` + encoded query, under the service root. */
  pathFor(path: string, query: QueryParams = []): string {
    const search = new URLSearchParams(query as Array<[string, string]>).toString();
    return `${this.basePath}${path}${search ? `?${search}` : ''}`;
  }

  /**
   * Sends a request and returns the raw response, for streaming callers (byte routes). Maps
   * transport failures; the caller owns the body and must consume or destroy it.
   */
  async raw(options: Omit<Dispatcher.RequestOptions, 'origin'>, call: CallContext | null): Promise<Dispatcher.ResponseData> {
    const started = performance.now();
    const headers = { ...(options.headers as Record<string, string>), ...this.callHeaders(call) };
    let status: number | null = null;
    try {
      const response = await this.dispatcher.request({ ...options, headers, path: `${this.basePath}${options.path}` });
      status = response.statusCode;
      return response;
    } catch (error) {
      throw transportError(this.backend, error);
    } finally {
      this.record(call, options.method, options.path, status, started, false);
    }
  }

  private callHeaders(call: CallContext | null): Record<string, string> {
    if (!call) return {};
    return call.requestId ? { ...this.authHeaders(call.token), 'x-request-id': call.requestId } : this.authHeaders(call.token);
  }

  private record(call: CallContext | null, method: string, path: string, status: number | null, started: number, shared: boolean): void {
    call?.record?.({
      backend: this.backend,
      method,
      path,
      status,
      ms: Math.round((performance.now() - started) * 100) / 100,
      batchSize: call.batchSize ?? 1,
      shared,
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
    // 5xx bodies are upstream internals: they go to logs, never to clients.
    const described = status >= 500 ? {} : this.readErrorBody(status, text, contentType);
    const message = described.message ? cleanMessage(described.message) : '';
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
   * is joined instead of sent again (never across credentials).
   */
  async requestJson<T>(request: JsonCall, call: CallContext): Promise<JsonResponse<T>> {
    const path = this.pathFor(request.path, request.query);
    if (request.method !== 'GET') return this.send<T>(request, path, call);
    const key = `${createHash('sha256').update(call.token).digest('base64')} ${path}`;
    const pending = this.inflight.get(key) as Promise<JsonResponse<T>> | undefined;
    if (pending) {
      const started = performance.now();
      let status: number | null = null;
      try {
        const response = await pending;
        status = response.status;
        return response;
      } catch (error) {
        status = error instanceof BackendError ? error.status : null;
        throw error;
      } finally {
        this.record(call, request.method, path.slice(this.basePath.length), status, started, true);
      }
    }
    const sent = this.send<T>(request, path, call);
    this.inflight.set(key, sent);
    const forget = () => {
      if (this.inflight.get(key) === sent) this.inflight.delete(key);
    };
    sent.then(forget, forget);
    return sent;
  }

  private async send<T>(request: JsonCall, path: string, call: CallContext): Promise<JsonResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers, ...this.callHeaders(call) };
    let body: string | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = request.contentType ?? 'application/json';
    }
    const started = performance.now();
    let status: number | null = null;
    try {
      let response: Dispatcher.ResponseData;
      try {
        response = await this.dispatcher.request({ method: request.method, path, headers, body });
      } catch (error) {
        throw transportError(this.backend, error);
      }
      status = response.statusCode;
      if (response.statusCode < 200 || response.statusCode >= 300) {
        throw await this.errorFrom(response);
      }
      let text: string;
      try {
        text = await response.body.text();
      } catch (error) {
        throw transportError(this.backend, error);
      }
      let parsed: unknown;
      if (text.length > 0) {
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new BackendError(this.backend, response.statusCode, 'UPSTREAM_UNAVAILABLE', 'A backend service sent a malformed response.');
        }
      }
      return { status: response.statusCode, headers: response.headers, body: parsed as T };
    } finally {
      this.record(call, request.method, path.slice(this.basePath.length), status, started, false);
    }
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}
