import type { Viewer } from '../compute-stacks/access.js';
import { unprocessable } from '../compute-stacks/errors.js';
import { requireParam } from '../compute-stacks/params.js';
import { readImageAttributes, validateImage } from './validation.js';
import { checkDependencies, readDependencyIds } from './dependencies.js';
import { IMAGE_DEFAULTS, slugOf, type ContainerImage, type WritableColumns } from './image.js';
import { readNestedParams } from './nested.js';
import type { ContainerImageStore } from './store.js';

/**
 * POST /api/container_images: reads `{"container_image": {...}}` (400 without it), validates
 * attributes, nested params and dependencies together (422 listing every problem), then writes the
 * image, its params and its dependencies in one transaction owned by the caller. `name` comes
 * from the label, made unique with -2, -3, ….
 */
export function createImage(store: ContainerImageStore, viewer: Viewer, body: unknown): ContainerImage {
  const params = requireParam(body, 'container_image');
  const errors: string[] = [];
  const columns: WritableColumns = { ...IMAGE_DEFAULTS, ...readImageAttributes(params, viewer.isAdmin, errors) };
  validateImage(columns, errors);
  const nested = readNestedParams(params, errors);
  const requires = readDependencyIds(params, errors) ?? [];
  return store.transaction(() => {
    checkDependencies(store, viewer, undefined, requires, errors);
    if (errors.length > 0) throw unprocessable(errors);
    const now = store.now();
    const id = store.insert(
      {
        ...columns,
        name: store.uniqueName(slugOf(columns.label.trim())),
        is_load_balancer: false,
        image_url: null,
        domains_block_id: null,
        general_block_id: null,
        remote_block_id: null,
        ssh_block_id: null,
        user_id: viewer.userId,
        created_at: now,
        updated_at: now,
      },
      nested,
      requires,
    );
    return store.get(id)!;
  });
}
