import type { Viewer } from '../compute-stacks/access.js';
import { unprocessable } from '../compute-stacks/errors.js';
import { requireParam } from '../compute-stacks/params.js';
import { findEditable } from './access.js';
import { readImageAttributes, validateImage } from './validation.js';
import { checkDependencies, readDependencyIds } from './dependencies.js';
import type { ContainerImage } from './image.js';
import type { ContainerImageStore } from './store.js';

/**
 * PATCH or PUT /api/container_images/{id}: 404 unless the caller owns the image (or is admin),
 * then 400 without `container_image`, then a partial update of the document's attributes with the
 * create rules (422, nothing changed). `dependency_parents` / `required_containers`, when given,
 * replace the dependencies (no cycles). Nested params are not updated here, as in ComputeStacks,
 * whose update permits none. `updated_at` moves on every accepted update.
 */
export function updateImage(store: ContainerImageStore, viewer: Viewer, rawId: string, body: unknown): ContainerImage {
  const current = findEditable(store, viewer, rawId);
  const params = requireParam(body, 'container_image');
  const errors: string[] = [];
  const changes = readImageAttributes(params, viewer.isAdmin, errors);
  validateImage({ ...current, ...changes }, errors);
  const requires = readDependencyIds(params, errors);
  return store.transaction(() => {
    if (requires !== undefined) checkDependencies(store, viewer, current.id, requires, errors);
    if (errors.length > 0) throw unprocessable(errors);
    store.update(current.id, changes, store.now());
    if (requires !== undefined) store.setDependencies(current.id, requires);
    return store.get(current.id)!;
  });
}
