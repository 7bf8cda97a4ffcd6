import type { Dispatcher } from 'undici';
import type { BackendKey } from '../../backend-keys.js';
import { DEFAULT_MESSAGES, type ErrorCode } from '../../errors.js';
import { readUpTo } from './bounded-body.js';
import { retryAfterMs } from './retry.js';

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
 * Upstream status -> error code, per the error contract (docs/architecture.md). Unlisted 4xx
 * count as bad input. A 3xx is a backend that is not where it was configured: redirects are
 * never followed (the credential would go along), so it is unavailable.
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

/** The caller's deadline passed before the backend answered (or before the call could go). */
export const timeUp = (backend: BackendKey): BackendError =>
  new BackendError(backend, null, 'UPSTREAM_TIMEOUT', 'The request ran out of time before a backend service answered.');

/** The operation the call was for is over (answered, or its caller gone): the call was dropped. Nobody reads this. */
export const nobodyWaits = (backend: BackendKey): BackendError =>
  new BackendError(backend, null, 'UPSTREAM_TIMEOUT', 'The operation ended before a backend service answered.');

/** The backend's circuit is open: nothing was sent; `seconds` until a probe may go. */
export const circuitOpen = (backend: BackendKey, seconds: number): BackendError =>
  new BackendError(
    backend,
    null,
    'UPSTREAM_UNAVAILABLE',
    `A backend service is failing repeatedly; the gateway stopped calling it and will try again in about ${seconds} s.`,
    [],
    seconds,
  );

/** An answer that is not what the API sends (not JSON, not the record asked for): the backend is not working. */
export const malformedAnswer = (backend: BackendKey, status: number): BackendError =>
  new BackendError(backend, status, 'UPSTREAM_UNAVAILABLE', 'A backend service sent a malformed response.');

/** The backend's queue is full: nothing was sent. */
export const busy = (backend: BackendKey): BackendError => new BackendError(backend, null, 'UPSTREAM_BUSY', DEFAULT_MESSAGES.UPSTREAM_BUSY);

/** Longest error text kept from an upstream body; anything longer is noise for a client. */
const MAX_MESSAGE = 300;
/** Bytes of an error body read at most; the rest is discarded. */
const MAX_ERROR_BODY = 64 * 1024;

/** Strips markup and control characters, collapses space, bounds length. */
export function cleanMessage(text: string): string {
  const flat = text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}

/** A stack trace or traceback in a message: a backend's internals, never a client's business. */
const TRACE = /Traceback \(most recent call last\)|^\s*at \S+ \(|File "[^"]+", line \d+|\.(?:py|rb|js|ts|java|go):\d+|\n\s+from \/|Exception in thread/m;

const GENERIC_FIELD_MESSAGE = 'is not valid';

/**
 * What of an upstream error body may reach a client, around a backend's own reader. Only a
 * JSON body is read at all (an HTML page is a proxy's or a framework's, not an answer). A
 * message that carries a stack trace is dropped. With `passText` false (the production
 * profile) no upstream text is kept: the gateway's own message, and the problem fields by
 * their paths with a message of its own.
 */
export function guardedReader(read: ErrorBodyReader, passText: boolean): ErrorBodyReader {
  return (status, body, contentType) => {
    if (!/json/i.test(contentType)) return {};
    const described = read(status, body, contentType);
    if (!passText) return described.fields?.length ? { fields: described.fields.map((f) => ({ path: f.path, message: GENERIC_FIELD_MESSAGE })) } : {};
    const clean = (text: string | undefined) => (text === undefined || TRACE.test(text) ? undefined : text);
    const message = clean(described.message);
    const fields = described.fields?.map((f) => ({ path: f.path, message: clean(f.message) ?? GENERIC_FIELD_MESSAGE }));
    return { ...(message ? { message } : {}), ...(fields ? { fields } : {}) };
  };
}

/** Turns a non-2xx response into a BackendError, reading (at most 64 KiB of) its body. */
export async function errorFromResponse(backend: BackendKey, response: Dispatcher.ResponseData, readErrorBody: ErrorBodyReader): Promise<BackendError> {
  let text = '';
  try {
    ({ text } = await readUpTo(response.body, MAX_ERROR_BODY, { keepPartial: true }));
  } catch {
    // A body that breaks off mid-error still tells us the status.
  }
  const status = response.statusCode;
  const code = codeForStatus(status);
  const contentType = String(response.headers['content-type'] ?? '');
  // 5xx bodies are upstream internals: they go to logs, never to clients. A 3xx body names
  // where the backend wanted us to go, which is nobody's business either.
  const described = status >= 500 || status < 400 ? {} : readErrorBody(status, text, contentType);
  const message = described.message
    ? cleanMessage(described.message)
    : status < 400
      ? 'A backend service answered with a redirect, which the gateway does not follow.'
      : '';
  const retryAfter = code === 'RATE_LIMITED' ? retryAfterMs(response.headers['retry-after']) : undefined;
  return new BackendError(
    backend,
    status,
    code,
    message || DEFAULT_MESSAGES[code],
    described.fields ?? [],
    retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000),
  );
}
