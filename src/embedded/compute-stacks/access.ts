import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { bearerToken } from '../http.js';
import { principalForToken, type Principal } from '../principals.js';
import type { EmbeddedTokens } from '../tokens.js';
import { CsError } from './errors.js';

/** The OAuth scopes of ComputeStacks' API (Doorkeeper) that the embedded services check. */
const SCOPES = ['public', 'profile_read', 'images_read', 'images_write', 'projects_read', 'projects_write', 'admin_read', 'admin_write'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * The scopes each principal's token carries (DESIGN.md, "Credentials"): admin every scope (and
 * the admin flag on the user), reader only reading ones, other every scope but the admin ones.
 */
const GRANTED: Readonly<Record<Principal['name'], ReadonlySet<Scope>>> = {
  admin: new Set(SCOPES),
  reader: new Set<Scope>(['public', 'images_read', 'projects_read']),
  other: new Set(SCOPES.filter((scope) => !scope.startsWith('admin_'))),
};

/** The scopes a principal's token was granted. */
function scopesOf(principal: Principal): ReadonlySet<Scope> {
  return GRANTED[principal.name];
}

/** Who a ComputeStacks request acts for: the integer user id and the admin flag. */
export interface Viewer {
  userId: number;
  isAdmin: boolean;
}

const REALM = 'Bearer realm="ComputeStacks"';
const viewers = new WeakMap<FastifyRequest, Viewer>();

/**
 * A route hook like Doorkeeper's `doorkeeper_authorize! *anyOf`: 401 with an empty body when the
 * Bearer token is missing or unknown, 403 with an empty body when it holds none of `anyOf`.
 * Runs before the body is read or the resource looked up, as a Rails before_action does.
 */
export function authorize(tokens: EmbeddedTokens, anyOf: readonly Scope[]): onRequestHookHandler {
  return async (request) => {
    const principal = principalForToken(tokens, bearerToken(request));
    if (principal === undefined) throw new CsError(401, undefined, { 'www-authenticate': `${REALM}, error="invalid_token"` });
    const granted = scopesOf(principal);
    if (!anyOf.some((scope) => granted.has(scope))) {
      throw new CsError(403, undefined, { 'www-authenticate': `${REALM}, error="insufficient_scope"` });
    }
    viewers.set(request, { userId: principal.csUserId, isAdmin: principal.isAdmin });
  };
}

/** The caller of a request that passed `authorize`. */
export function viewerOf(request: FastifyRequest): Viewer {
  const viewer = viewers.get(request);
  if (viewer === undefined) throw new Error('viewerOf() on a route without authorize()');
  return viewer;
}
