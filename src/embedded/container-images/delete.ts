import type { Viewer } from '../compute-stacks/access.js';
import { requiredByOthers } from './errors.js';
import { findEditable } from './access.js';
import type { ContainerImageStore } from './store.js';

/**
 * DELETE /api/container_images/{id}: 404 unless the caller owns it (or is admin). An image other
 * images require is refused with ComputeStacks' 500 whose `errors` is a string, naming them.
 */
export function deleteImage(store: ContainerImageStore, viewer: Viewer, rawId: string): void {
  store.transaction(() => {
    const image = findEditable(store, viewer, rawId);
    const requiredBy = store.get(image.id)!.required_by;
    if (requiredBy.length > 0) throw requiredByOthers(store.namesOf(requiredBy));
    store.delete(image.id);
  });
}
