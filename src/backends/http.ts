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

  constructor(
    private readonly options: BackendHttpOptions,
    private readonly readErrorBody: ErrorBodyReader,
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
  async raw(options: Omit<Dispatcher.RequestOptions, 'origin'>): Promise<Dispatcher.ResponseData> {
    try {
      return await this.dispatcher.request({ ...options, path: `${this.basePath}${options.path}` });
    } catch (error) {
      throw transportError(this.backend, error);
    }
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

  /** A JSON request: encodes the body, sends Accept: application/json, parses the answer. */
  async requestJson<T>(call: JsonCall): Promise<JsonResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    let body: string | undefined;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['content-type'] = call.contentType ?? 'application/json';
    }
    let response: Dispatcher.ResponseData;
    try {
      response = await this.dispatcher.request({
        method: call.method,
        path: this.pathFor(call.path, call.query),
        headers,
        body,
      });
    } catch (error) {
      throw transportError(this.backend, error);
    }
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
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}
