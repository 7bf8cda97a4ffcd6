import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { bearerToken } from '../http.js';
import { principalForToken, type Principal } from '../principals.js';
import type { EmbeddedTokens } from '../tokens.js';
import { notFound } from './errors.js';

/** The image permissions of a Djinn token. */
export const PERMISSIONS = ['image:read', 'image:write', 'image:delete'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The permissions each principal's token carries (DESIGN.md, "Credentials"): admin and other
 * all three, reader only image:read. Djinn has no admin role over other users' images, so
 * admin acts as plain user 1 (`me`).
 */
const GRANTED: Readonly<Record<Principal['name'], ReadonlySet<Permission>>> = {
  admin: new Set(PERMISSIONS),
  reader: new Set<Permission>(['image:read']),
  other: new Set(PERMISSIONS),
};

/** Who a Djinn request acts for: the integer user id. */
export interface Caller {
  userId: number;
}

const callers = new WeakMap<FastifyRequest, Caller>();

/**
 * A route hook like Djinn's `Restrict(auth, perms, handler)`: the Bearer token must belong to a
 * principal holding `permission`. Every failure is 404 `{"message":"Not found"}`, never 401 or
 * 403, and it comes before the body is read or the image looked up.
 */
export function authorize(tokens: EmbeddedTokens, permission: Permission): onRequestHookHandler {
  return async (request) => {
    const principal = principalForToken(tokens, bearerToken(request));
    if (principal === undefined || !GRANTED[principal.name].has(permission)) throw notFound();
    callers.set(request, { userId: principal.djinnUserId });
  };
}

/** The caller of a request that passed `authorize`. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (caller === undefined) throw new Error('callerOf() on a route without authorize()');
  return caller;
}
