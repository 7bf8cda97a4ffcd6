import { UUID_PATTERN } from '../uuid.js';
import type { Caller } from './auth.js';
import type { ContainerRecord } from './container.js';
import { containerNotFound, forbidden } from './errors.js';
import type { ServerlessStore } from './store.js';

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
