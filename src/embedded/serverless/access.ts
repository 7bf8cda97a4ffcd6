import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerToken, pathOf } from '../http.js';
import { principalForToken } from '../principals.js';
import type { EmbeddedTokens } from '../tokens.js';
import { UUID_PATTERN } from '../uuid.js';
import type { ContainerRecord } from './container.js';
import { containerNotFound, forbidden, unauthorized } from './errors.js';
import type { ServerlessStore } from './store.js';

/**
 * Who a Quasarch request acts for: the user UUID its JWT names and whether it holds the ADMIN
 * role. Quasarch knows only the roles ADMIN and USER, no read-only scopes: admin is ADMIN,
 * reader and other are USER (reader the same user as admin, other a different one).
 */
export interface Caller {
  userId: string;
  isAdmin: boolean;
}

const callers = new WeakMap<FastifyRequest, Caller>();

/**
 * Authenticates every request except those to `openPaths`: 401 `{"error": "Unauthorized"}`
 * without a Bearer token of an embedded principal, before routing, so unknown routes and
 * methods answer 401 too, as a gateway in front of the service would.
 */
export function installAuth(app: FastifyInstance, tokens: EmbeddedTokens, openPaths: ReadonlySet<string>): void {
  app.addHook('onRequest', async (request) => {
    if (openPaths.has(pathOf(request))) return;
    const principal = principalForToken(tokens, bearerToken(request));
    if (principal === undefined) throw unauthorized();
    callers.set(request, { userId: principal.quasarchUserId, isAdmin: principal.isAdmin });
  });
}

/** The caller of an authenticated request. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (caller === undefined) throw new Error('callerOf() on a request that installAuth() did not authenticate');
  return caller;
}

/**
 * The container `rawId` names, for a caller who may see and change it: its owner (`createdBy`)
 * or a holder of the ADMIN role. 404 when there is none (a malformed UUID included), 403 when it
 * is another user's, in that order, as Quasarch answers.
 */
export function findContainer(store: ServerlessStore, caller: Caller, rawId: string): ContainerRecord {
  const container = UUID_PATTERN.test(rawId) ? store.get(rawId.toLowerCase()) : undefined;
  if (container === undefined) throw containerNotFound();
  if (!caller.isAdmin && container.createdBy !== caller.userId) throw forbidden();
  return container;
}
