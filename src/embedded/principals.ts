import { createHash, timingSafeEqual } from 'node:crypto';
import type { EmbeddedTokens } from './tokens.js';

/** User of the `admin` and `reader` principals (Keystone-style 32-hex id). */
const USER_MAIN = 'c3e8a1f5d7b24c9e8f0a6b2d4e1c7f3a';
/** Project of the `admin` and `reader` principals. */
export const PROJECT_MAIN = '4f2a8c6e1b9d4d7a9e3c5b0f7a1d2e8c';
/** User of the `other` principal. */
const USER_OTHER = 'e6d4b2a09f8c4e1d7b3a5c9e2f0d8b6a';
/** Project of the `other` principal: a separate tenant. */
export const PROJECT_OTHER = '9b7e1d3c5a2f4e6b8d0c1a3e5f7b9d2a';

/**
 * ComputeStacks user of the `admin` and `reader` principals. ComputeStacks (container images,
 * containers) numbers its users with integers where Keystone uses hex ids, so each principal
 * carries both: USER_MAIN is ComputeStacks user 1, USER_OTHER is user 2.
 */
export const CS_USER_MAIN = 1;
/** ComputeStacks user of the `other` principal. */
export const CS_USER_OTHER = 2;

/**
 * Djinn CI user of the `admin` and `reader` principals (`me`). Djinn numbers its users with
 * integers too; the two services keep separate user tables, so each has its own constants.
 */
export const DJINN_USER_MAIN = 1;
/** Djinn CI user of the `other` principal (`alex`). */
export const DJINN_USER_OTHER = 2;

/** `c3e8a1f5d7b24c9e8f0a6b2d4e1c7f3a` -> `c3e8a1f5-d7b2-4c9e-8f0a-6b2d4e1c7f3a`: 32 hex digits in UUID form. */
function uuidForm(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Quasarch (serverless containers) user of the `admin` and `reader` principals. Quasarch names
 * users by UUID (`createdBy`), so it is USER_MAIN written in UUID form: the same user.
 */
export const QUASARCH_USER_MAIN = uuidForm(USER_MAIN);
/** Quasarch user of the `other` principal: USER_OTHER in UUID form. */
export const QUASARCH_USER_OTHER = uuidForm(USER_OTHER);

/** Who a token stands for inside the embedded services. */
export interface Principal {
  name: 'admin' | 'reader' | 'other';
  userId: string;
  projectId: string;
  /** The same user as an integer, for the ComputeStacks APIs (CS_USER_MAIN or CS_USER_OTHER). */
  csUserId: number;
  /** The same user as an integer, for Djinn CI (DJINN_USER_MAIN or DJINN_USER_OTHER). */
  djinnUserId: number;
  /** The same user as a UUID, for Quasarch's serverless containers (QUASARCH_USER_MAIN or QUASARCH_USER_OTHER). */
  quasarchUserId: string;
  /** Holds the ADMIN role: sees and may change everything. */
  isAdmin: boolean;
  /** Holds write scopes; `reader` does not. */
  canWrite: boolean;
}

/** The three principals of DESIGN.md ("Credentials"), by name. */
export const PRINCIPALS: Readonly<Record<Principal['name'], Readonly<Principal>>> = Object.freeze({
  admin: Object.freeze({
    name: 'admin',
    userId: USER_MAIN,
    projectId: PROJECT_MAIN,
    csUserId: CS_USER_MAIN,
    djinnUserId: DJINN_USER_MAIN,
    quasarchUserId: QUASARCH_USER_MAIN,
    isAdmin: true,
    canWrite: true,
  }),
  reader: Object.freeze({
    name: 'reader',
    userId: USER_MAIN,
    projectId: PROJECT_MAIN,
    csUserId: CS_USER_MAIN,
    djinnUserId: DJINN_USER_MAIN,
    quasarchUserId: QUASARCH_USER_MAIN,
    isAdmin: false,
    canWrite: false,
  }),
  other: Object.freeze({
    name: 'other',
    userId: USER_OTHER,
    projectId: PROJECT_OTHER,
    csUserId: CS_USER_OTHER,
    djinnUserId: DJINN_USER_OTHER,
    quasarchUserId: QUASARCH_USER_OTHER,
    isAdmin: false,
    canWrite: true,
  }),
});

const NAMES = ['admin', 'reader', 'other'] as const;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * The principal a token belongs to, or undefined. Compares digests in constant time and checks
 * every principal, so timing reveals neither a prefix nor which token matched.
 */
export function principalForToken(tokens: EmbeddedTokens, token: string | undefined): Principal | undefined {
  if (token === undefined || token === '') return undefined;
  const presented = digest(token);
  let found: Principal | undefined;
  for (const name of NAMES) {
    if (timingSafeEqual(presented, digest(tokens[name])) && found === undefined) found = PRINCIPALS[name];
  }
  return found;
}
