import { contextCacheSymbol, initContextCache } from '@pothos/core';
import type { Plugin } from 'graphql-yoga';

/**
 * Lets an operation's Pothos caches (its dataloaders, the scope-auth request cache) die young.
 *
 * Pothos keeps them in WeakMaps keyed by the context, and their values point back at the
 * context. A full collection sees through that (ephemeron semantics), but V8's young-generation
 * scavenger treats a WeakMap's values as strong: the value keeps the context alive, the context
 * keeps the key alive, and every request's context, loaders, loaded records and request cache
 * survived each scavenge and were promoted to the old generation, about 12 KB a request (12% of
 * all it allocated). The old generation then grew to three times the live heap between full
 * collections: the gateway's RSS under load.
 *
 * So the cache key is an object of its own (Pothos's `initContextCache`), and once the operation
 * is done the context lets go of it: the key is then reachable only through the WeakMaps, the
 * next scavenge clears its entries, and the request's objects go with the one after. A
 * subscription's context lives as long as its stream and keeps its key.
 */
export function useReleasedContextCaches(): Plugin {
  return {
    onContextBuilding({ extendContext }) {
      extendContext(initContextCache() as never);
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          // A fresh key, not none: anything that still asks gets a new cache, never this one.
          (args.contextValue as unknown as Record<symbol, unknown>)[contextCacheSymbol] = {};
        },
      };
    },
  };
}
