import { BACKEND_KEYS, isBackendKey, type BackendKey } from '../backend-keys.js';
import type { Config } from '../config/schema.js';
import { InvalidInputError, UnauthenticatedError } from '../errors.js';

/**
 * The caller's credentials for one request or socket. A caller sends one bearer token for
 * every backend, and may override it per backend (`X-Gantry-Backend-Tokens: vmImages=t1,
 * containers=t2`, or `backendTokens` in graphql-ws connectionParams). A backend configured with
 * a service token uses it when the caller sent none for that backend. Nothing here outlives
 * the request or socket that brought it.
 */
export interface Credentials {
  /** The token to send to a backend, or undefined when the caller has none for it. */
  tokenFor(backend: BackendKey): string | undefined;
  /** The backends this caller has a credential for (its own or a service token). */
  readonly present: ReadonlySet<BackendKey>;
  /**
   * Every distinct token the caller itself sent (bearer and per-backend), as parsed: budgets
   * are charged to each, so neither the header's spelling nor an extra per-backend token
   * makes a fresh budget.
   */
  readonly sent: readonly string[];
}

export interface RawCredentials {
  /** `Authorization` header value (or connectionParams.authorization). */
  authorization?: string | null;
  /** `X-Gantry-Backend-Tokens` header value, or the connectionParams object form. */
  backendTokens?: string | Record<string, unknown> | null;
}

const TOKEN = /^[\x21-\x7e]{1,4096}$/;

function parseBearer(value: string): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value.trim());
  if (!match?.[1] || !TOKEN.test(match[1])) {
    throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".', { httpStatus: 401 });
  }
  return match[1];
}

function parseBackendTokens(value: string | Record<string, unknown>): Map<BackendKey, string> {
  const entries: Array<[string, unknown]> =
    typeof value === 'string'
      ? value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => {
            const eq = part.indexOf('=');
            return eq < 0 ? [part, undefined] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
          })
      : Object.entries(value);
  const tokens = new Map<BackendKey, string>();
  for (const [key, token] of entries) {
    if (!isBackendKey(key)) {
      throw new InvalidInputError(`Unknown backend "${key}" in backend tokens; known: ${BACKEND_KEYS.join(', ')}.`, { httpStatus: 400 });
    }
    if (typeof token !== 'string' || !TOKEN.test(token)) {
      throw new InvalidInputError(`Backend tokens: "${key}" needs a token ("${key}=<token>").`, { httpStatus: 400 });
    }
    tokens.set(key, token);
  }
  return tokens;
}

/**
 * Reads what the caller sent. Throws UnauthenticatedError for a malformed Authorization value
 * and InvalidInputError for a malformed backend token list; a caller that sent nothing gets
 * Credentials with only the configured service tokens.
 */
export function readCredentials(raw: RawCredentials, config: Pick<Config, 'backends'>): Credentials {
  const bearer = raw.authorization ? parseBearer(raw.authorization) : undefined;
  const perBackend = raw.backendTokens ? parseBackendTokens(raw.backendTokens) : undefined;
  const tokenFor = (backend: BackendKey) => perBackend?.get(backend) ?? bearer ?? config.backends[backend].serviceToken;
  // Most operations never ask which backends are covered (only the merged one-graph fields
  // and scope checks do): the set is made on first use.
  let present: ReadonlySet<BackendKey> | undefined;
  const sent = new Set<string>(perBackend?.values());
  if (bearer !== undefined) sent.add(bearer);
  return {
    tokenFor,
    sent: [...sent],
    get present() {
      present ??= new Set(BACKEND_KEYS.filter((key) => tokenFor(key) !== undefined));
      return present;
    },
  };
}
