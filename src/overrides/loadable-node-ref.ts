import { loadAndSort } from '@pothos/plugin-dataloader';
import type { Context } from '../context.js';
import { operationCache } from './use-released-context-caches.js';
import { builder } from '../schema/builder.js';
import { PeekableLoader } from './peekable-loader.js';

/** The loader getters this module made: a test checks that every loadable type uses one. */
export const perOperationLoaderGetters = new Set<(context: Context) => unknown>();

/**
 * `builder.loadableNodeRef`, with a loader per operation that is deleted when the operation is
 * done. Use it instead of the builder's, and before `.implement(...)`: Pothos reads the ref's
 * `getDataloader` when the type is implemented.
 *
 * Why: Pothos files each operation's loader in two WeakMaps of its own (the ref's cache and the
 * set `clearAllDataLoaders` walks), and a plugin can delete from neither. V8's young-generation
 * collector keeps a long-lived WeakMap's entries while they are there, even once their key is
 * unreachable, and a loader leads to its operation's context: every request's context, loaders,
 * records, and node's request and response were promoted to the old generation, which grew to
 * several times the live heap between full collections. Our loader lives in an
 * `operationCache`, whose entry use-released-context-caches deletes at the end of the
 * operation, so all of that dies young (the ledger, README.md here, has figures). Same loader
 * semantics as Pothos's: the same `load`, `sort` and `loaderOptions`; the loader is a
 * PeekableLoader, so `heldValues` can answer without a promise.
 */
export const loadableNodeRef: typeof builder.loadableNodeRef = (name, options) => {
  const ref = builder.loadableNodeRef(name, options);
  const { load, loaderOptions } = options;
  const sort = options.sort === true ? options.toKey : options.sort;
  const batch = sort ? loadAndSort(load, sort as never) : load;
  const getDataloader = operationCache(
    (context: Context) => new PeekableLoader((keys) => batch(keys as never, context, undefined as never, undefined as never) as never, loaderOptions as never),
  );
  perOperationLoaderGetters.add(getDataloader);
  ref.getDataloader = getDataloader as unknown as typeof ref.getDataloader;
  return ref;
};

/**
 * The values of `keys` this operation's loader for `ref` already holds (see PeekableLoader), in
 * order, or undefined when any is missing: exactly what `loadMany` would give, without waiting.
 */
export function heldValues<V>(ref: { getDataloader: (context: Context) => unknown }, context: Context, keys: readonly string[]): V[] | undefined {
  const loader = ref.getDataloader(context);
  if (!(loader instanceof PeekableLoader)) return undefined;
  const values: V[] = [];
  for (const key of keys) {
    if (!loader.holds(key)) return undefined;
    values.push(loader.peek(key) as V);
  }
  return values;
}
