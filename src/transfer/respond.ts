import type { IncomingMessage, ServerResponse } from 'node:http';
import { BackendError } from '../backends/http/errors.js';
import { GantryError, type ErrorCode } from '../errors.js';
import { fromBackendError } from '../schema/upstream.js';

/** The gateway's own HTTP status for an error code on the byte routes (never the upstream's). */
const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_TIMEOUT: 504,
  UPSTREAM_BUSY: 503,
  CALL_BUDGET_EXCEEDED: 400,
  INTERNAL: 500,
};

/**
 * Answers a byte-route request with an error in the same shape as GraphQL errors
 * (`{"errors":[{"message","extensions":{"code",…}}]}`), so clients read one format.
 */
export function sendError(res: ServerResponse, error: unknown, req?: IncomingMessage): void {
  const mapped = error instanceof BackendError ? fromBackendError(error) : error;
  const known = mapped instanceof GantryError ? mapped : undefined;
  const code: ErrorCode = known?.code ?? 'INTERNAL';
  const body = JSON.stringify({
    errors: [{ message: known?.message ?? 'Unexpected error.', extensions: known?.extensions ?? { code } }],
  });
  if (res.headersSent) {
    // Mid-stream: the only honest signal left is cutting the connection.
    res.destroy();
    return;
  }
  const headers: Record<string, string | number> = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) };
  if (known?.retryAfter !== undefined) headers['retry-after'] = known.retryAfter;
  if (code === 'UNAUTHENTICATED') headers['www-authenticate'] = 'Bearer realm="gantry"';
  // An upload refused half way: answer, then close rather than read gigabytes nobody wants.
  if (req && !req.complete) headers.connection = 'close';
  res.writeHead(statusFor(error, code), headers).end(body);
}

/**
 * The status of a byte-route error: the gateway's own for its code, except a range the
 * backend cannot serve, which stays 416 (Range Not Satisfiable), as HTTP clients and download
 * managers expect and as Glance and Djinn answer it.
 */
function statusFor(error: unknown, code: ErrorCode): number {
  return error instanceof BackendError && error.status === 416 ? 416 : HTTP_STATUS[code];
}
