import { randomUUID } from 'node:crypto';
import type { BackendKey } from './backend-keys.js';
import type { Backends } from './backends/index.js';
import type { Config } from './config.js';
import { readCredentials, type Credentials, type RawCredentials } from './credentials.js';
import { UnauthenticatedError } from './errors.js';

/**
 * Per-request (or per-socket) context for HTTP, SSE and WebSocket alike. Loaders are not
 * listed here: the Pothos dataloader plugin keys them on this object, so they are fresh for
 * every request and die with it.
 */
export interface Context {
  requestId: string;
  credentials: Credentials;
  backends: Backends;
  config: Config;
  /** The caller's token for a backend; throws UNAUTHENTICATED when there is none. */
  tokenFor(backend: BackendKey): string;
}

export interface ContextDeps {
  backends: Backends;
  config: Config;
}

export function createContext(deps: ContextDeps, raw: RawCredentials, requestId: string = randomUUID()): Context {
  const credentials = readCredentials(raw, deps.config);
  return {
    requestId,
    credentials,
    backends: deps.backends,
    config: deps.config,
    tokenFor(backend) {
      const token = credentials.tokenFor(backend);
      if (token === undefined) throw new UnauthenticatedError(`No credential for ${backend}: send "Authorization: Bearer <token>".`);
      return token;
    },
  };
}
