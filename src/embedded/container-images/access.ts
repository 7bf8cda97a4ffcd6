import type { Viewer } from '../compute-stacks/access.js';
import { notFound } from '../compute-stacks/errors.js';
import type { ImageColumns } from './image.js';
import type { ContainerImageStore } from './store.js';

/** The integer id of a path, or 404 (Rails finds nothing for "abc"). */
function imageId(raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw notFound();
  return Number(raw);
}

/** The image if the caller may see it; 404 with an empty body otherwise, whether it exists or not. */
export function findVisible(store: ContainerImageStore, viewer: Viewer, rawId: string): ImageColumns {
  const image = store.find(imageId(rawId));
  if (image === undefined || !store.canSee(viewer, image)) throw notFound();
  return image;
}

/**
 * The image if the caller may change it: admin, or its owner. A system or shared image the caller
 * can see but does not own is 404 too (`current_user.container_images.find`), not 403.
 */
export function findEditable(store: ContainerImageStore, viewer: Viewer, rawId: string): ImageColumns {
  const image = store.find(imageId(rawId));
  if (image === undefined || !store.canEdit(viewer, image)) throw notFound();
  return image;
}
