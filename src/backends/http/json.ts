import type { Dispatcher } from 'undici';
import type { BackendKey } from '../../backend-keys.js';
import type { AttemptAbort } from '../../overrides/attempt-abort.js';
import { type Outcome, transportOutcome } from './attempts.js';
import { type ReadBudget, readUpTo } from './bounded-body.js';
import { BackendError, type ErrorBodyReader, errorFromResponse, malformedAnswer } from './errors.js';
import { RETRYABLE_STATUSES, retryAfterMs } from './retry.js';
import { notModified, type RevalidationCache } from './revalidation.js';
import type { JsonResponse } from './types.js';

/** What one JSON attempt needs: where to send, how to read errors, and the backend's kept answers. */
export interface JsonAttempt {
  backend: BackendKey;
  dispatcher: Dispatcher;
  readErrorBody: ErrorBodyReader;
  method: Dispatcher.HttpMethod;
  /** Path and query under the service root, as sent. */
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Largest answer read (bytes); a longer one is cut off where it passes this. */
  maxBytes: number;
  /** The backend's bytes of answers being read, all calls together. */
  readBudget: ReadBudget;
  /** A GET's revalidation: the cache and the call's key in it (the key is computed only when needed). */
  revalidation?: { cache: RevalidationCache; key: () => string };
}

/** Not the caller's fault and not worth a retry: a backend that does it keeps doing it. */
const tooLarge = (backend: BackendKey, status: number, maxBytes: number): Outcome<never> => ({
  status,
  result: { error: new BackendError(backend, status, 'UPSTREAM_UNAVAILABLE', `A backend service sent an answer larger than ${maxBytes} bytes.`) },
  breaker: 'failure',
  transient: false,
});

/**
 * One JSON request and what came of it: the parsed answer, a 304 answered from the kept copy,
 * or the error. An empty body is an answer without a body; a body that is not JSON, or that
 * says it is something else (an HTML page with 200 from a proxy or a login wall), is a
 * malformed answer, which counts against the breaker. The body is consumed on every path.
 */
export async function sendJson<T>(attempt: JsonAttempt, signal: AttemptAbort): Promise<Outcome<JsonResponse<T>>> {
  const { backend, revalidation } = attempt;
  const cache = revalidation?.cache.active ? revalidation.cache : undefined;
  const kept = cache && revalidation ? cache.get(revalidation.key()) : undefined;
  const headers = kept ? { ...attempt.headers, 'if-none-match': kept.etag } : attempt.headers;
  let response: Dispatcher.ResponseData;
  try {
    response = await attempt.dispatcher.request({ method: attempt.method, path: attempt.path, headers, body: attempt.body, signal });
  } catch (error) {
    return transportOutcome(backend, error);
  }
  const status = response.statusCode;
  if (Number(response.headers['content-length']) > attempt.maxBytes) {
    response.body.destroy();
    return tooLarge(backend, status, attempt.maxBytes);
  }
  if (status === 304 && kept) {
    await response.body.dump();
    return { status, result: { value: notModified<T>(kept, response.headers) }, breaker: 'success', transient: false };
  }
  if (status < 200 || status >= 300) {
    if (cache && revalidation) cache.forget(revalidation.key());
    const error = await errorFromResponse(backend, response, attempt.readErrorBody);
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
    const declared = response.headers['content-length'];
    const read = await readUpTo(response.body, attempt.maxBytes, {
      budget: attempt.readBudget,
      ...(typeof declared === 'string' && /^\d+$/.test(declared) ? { declaredLength: Number(declared) } : {}),
    });
    if (read.truncated) return tooLarge(backend, status, attempt.maxBytes);
    text = read.text;
  } catch (error) {
    // The head came (say 200) and the body broke off: report the status it had.
    const broken = transportOutcome(backend, error);
    const cause = 'error' in broken.result ? broken.result.error : undefined;
    return { ...broken, status, ...(cause ? { result: { error: new BackendError(backend, status, cause.code, cause.message) } } : {}) };
  }
  const malformed = (): Outcome<never> => ({
    status,
    result: { error: malformedAnswer(backend, status) },
    breaker: 'failure',
    transient: false,
  });
  if (text.length === 0)
    return { status, result: { value: { status, headers: response.headers, body: undefined as T } }, breaker: 'success', transient: false };
  const contentType = String(response.headers['content-type'] ?? '');
  if (contentType !== '' && !/json/i.test(contentType)) return malformed();
  let parsed: T;
  try {
    parsed = JSON.parse(text) as T;
  } catch {
    return malformed();
  }
  const value = { status, headers: response.headers, body: parsed };
  if (revalidation && (revalidation.cache.active || revalidation.cache.tags(response.headers)))
    revalidation.cache.remember(revalidation.key(), value, text.length);
  return { status, result: { value }, breaker: 'success', transient: false };
}
