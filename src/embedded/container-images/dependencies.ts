import type { Viewer } from '../compute-stacks/access.js';
import { readInteger } from '../compute-stacks/params.js';
import { isObject } from '../http.js';
import type { ContainerImageStore } from './store.js';

const notFound = (id: unknown): string => `Required container ${typeof id === 'string' || typeof id === 'number' ? id : JSON.stringify(id)} not found`;

/**
 * The ids an image should require, from `dependency_parents: [{"requires_container_id": N}]`
 * (ComputeStacks' form; Rails also takes an index-keyed object) and the shorthand
 * `required_containers: [N, ...]`, merged without duplicates. Undefined when neither key is
 * given, which on update leaves the dependencies alone. An id that is not an integer is reported
 * like an unknown one.
 */
export function readDependencyIds(params: Readonly<Record<string, unknown>>, errors: string[]): number[] | undefined {
  const parents = params.dependency_parents;
  const shorthand = params.required_containers;
  if (parents === undefined && shorthand === undefined) return undefined;
  const raws: unknown[] = [];
  for (const [key, value] of [
    ['Dependency parents', parents],
    ['Required containers', shorthand],
  ] as const) {
    if (value === undefined || value === null) continue;
    const entries = Array.isArray(value) ? value : key === 'Dependency parents' && isObject(value) ? Object.values(value) : undefined;
    if (entries === undefined) {
      errors.push(`${key} is invalid`);
      continue;
    }
    if (key === 'Required containers') {
      raws.push(...entries);
      continue;
    }
    for (const entry of entries) {
      if (isObject(entry) && entry.requires_container_id !== undefined) raws.push(entry.requires_container_id);
      else errors.push('Dependency parents is invalid');
    }
  }
  const ids: number[] = [];
  for (const raw of raws) {
    const read = readInteger(raw);
    if (!read.ok || read.value < 1) errors.push(notFound(raw));
    else if (!ids.includes(read.value)) ids.push(read.value);
  }
  return ids;
}

/** The path `from -> … -> target` along "requires" edges, if there is one (breadth first, so the shortest). */
function requiresPath(store: ContainerImageStore, from: number, target: number): number[] | undefined {
  const parent = new Map<number, number | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === target) {
      const path: number[] = [];
      for (let at: number | null | undefined = current; at !== null && at !== undefined; at = parent.get(at)) path.unshift(at);
      return path;
    }
    for (const next of store.requirementsOf(current)) {
      if (!parent.has(next)) {
        parent.set(next, current);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/**
 * Checks the ids an image is to require: each must exist and be visible to the caller ("Required
 * container N not found"), and for an existing image none may lead back to it ("Dependency cycle:
 * a -> b -> a", by name). Call inside the write's transaction, so the graph cannot change between
 * the check and the write.
 */
export function checkDependencies(store: ContainerImageStore, viewer: Viewer, imageId: number | undefined, ids: readonly number[], errors: string[]): void {
  for (const id of ids) {
    const required = store.find(id);
    if (required === undefined || !store.canSee(viewer, required)) {
      errors.push(notFound(id));
      continue;
    }
    if (imageId === undefined) continue;
    const path = requiresPath(store, id, imageId);
    if (path !== undefined) errors.push(`Dependency cycle: ${store.namesOf([imageId, ...path]).join(' -> ')}`);
  }
}
