import type { Principal } from '../principals.js';
import { forbidden, imageNotFound, notFound } from './errors.js';
import type { ImageRecord } from './image.js';
import type { VmImageStore } from './store.js';

/** The image if the caller may see it; 404 otherwise, whether it exists or not (as Glance). */
export function findVisible(store: VmImageStore, principal: Principal, id: string, missing?: (id: string) => string): ImageRecord {
  const image = store.get(id);
  if (image === undefined || !store.canSee(principal, image)) throw missing ? notFound(missing(id)) : imageNotFound(id);
  return image;
}

/** Glance's policy refusal, named after the policy rule. */
export function notAuthorized(action: string): Error {
  return forbidden(`You are not authorized to complete ${action} action.`);
}

/**
 * Writes (modify, delete, upload, deactivate) need a write scope and, unless admin, the image's
 * owning project: a member or a reader of the image gets 403.
 */
export function requireOwner(principal: Principal, image: ImageRecord, action: string): void {
  if (!principal.canWrite) throw notAuthorized(action);
  if (!principal.isAdmin && image.owner !== principal.projectId) throw notAuthorized(action);
}
