/**
 * Why a backend could not be reached, in words an operator can act on: refused, DNS failure,
 * timeout, TLS error, reset, or the HTTP status, always with the host:port it was. Built from
 * the error's code only, never its message or the request, so no header or token can show.
 * For the log and /readyz; clients get their error codes (errors.ts) instead.
 */

const TLS = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|EPROTO)/;

const REASONS: ReadonlyArray<[(code: string) => boolean, (target: string, code: string) => string]> = [
  [(c) => c === 'ECONNREFUSED', (t) => `connection refused by ${t}`],
  [(c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_NONAME', (t, c) => `DNS lookup failed for ${t} (${c})`],
  [(c) => c === 'UND_ERR_CONNECT_TIMEOUT' || c === 'ETIMEDOUT', (t) => `timed out connecting to ${t}`],
  [(c) => c === 'UND_ERR_HEADERS_TIMEOUT' || c === 'PROBE_TIMEOUT', (t) => `no answer from ${t} in time`],
  [(c) => TLS.test(c), (t, c) => `TLS error with ${t} (${c})`],
  [(c) => c === 'ECONNRESET' || c === 'UND_ERR_SOCKET' || c === 'EPIPE', (t) => `connection reset by ${t}`],
  [(c) => c === 'EHOSTUNREACH' || c === 'ENETUNREACH', (t, c) => `${t} is unreachable (${c})`],
];

/** The error's code, or its cause's (undici wraps some socket errors). */
function codeOf(error: unknown): string {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === 'string' && code !== '') return code;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'unknown error';
}

/** A transport failure (no response) as one line. */
export function whyUnreachable(error: unknown, target: string): string {
  const code = codeOf(error);
  for (const [matches, say] of REASONS) if (matches(code)) return say(target, code);
  return `${target} failed (${code})`;
}

/** An answer that counts as unavailable (5xx, or a redirect the gateway will not follow). */
export const whyStatus = (status: number, target: string): string => `HTTP ${status} from ${target}`;

/** `host:port` of an origin, the port spelled out even when it is the scheme's default; never userinfo or path. */
export function targetOf(origin: string): string {
  const url = new URL(origin);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`; // an IPv6 hostname keeps its brackets
}
