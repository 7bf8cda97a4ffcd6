import type { Viewer } from '../compute-stacks/access.js';
import { notFound } from '../compute-stacks/errors.js';
import type { ContainerRow } from './container.js';
import { unknownContainer } from './errors.js';
import type { ContainerStore } from './store.js';

/** The integer id of a path segment, or undefined (Rails finds nothing for "abc"). */
function containerId(raw: string): number | undefined {
  return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

function lookup(store: ContainerStore, viewer: Viewer, rawId: string): ContainerRow | undefined {
  const id = containerId(rawId);
  const container = id === undefined ? undefined : store.get(id);
  return container !== undefined && store.canAccess(viewer, container) ? container : undefined;
}

/** The container for `GET /api/containers/{id}`; 404 with an empty body when missing or not the caller's. */
export function findContainer(store: ContainerStore, viewer: Viewer, rawId: string): ContainerRow {
  const container = lookup(store, viewer, rawId);
  if (container === undefined) throw notFound();
  return container;
}

/**
 * The container of a sub-resource route (power, logs, processes, metrics); 404
 * `{"errors":["Unknown container"]}` when missing or not the caller's, as ComputeStacks'
 * `Api::Containers::BaseController#load_container` answers.
 */
export function findParentContainer(store: ContainerStore, viewer: Viewer, rawId: string): ContainerRow {
  const container = lookup(store, viewer, rawId);
  if (container === undefined) throw unknownContainer();
  return container;
}
