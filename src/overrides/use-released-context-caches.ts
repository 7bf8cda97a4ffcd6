import { contextCacheSymbol, createContextCache, initContextCache } from '@pothos/core';
import { RequestCache } from '@pothos/plugin-scope-auth';
import type { Plugin } from 'graphql-yoga';

/**
 * Lets an operation's per-request caches (its dataloaders, the scope-auth request cache, the
 * gateway's own per-operation reads) die young.
 *
 * Pothos keeps them in WeakMaps keyed by the context (or by the key it files under
 * `contextCacheSymbol`), and their values lead back to the context. V8's young-generation
 * collector keeps a long-lived WeakMap's entries as long as they are there, even once nothing
 * else reaches their key: every request's context, loaders, loaded records and node's request
 * and response survived each scavenge and were promoted to the old generation, which then grew
 * to several times the live heap between full collections. Only deleting the entry helps
 * (bench/README.md, Memory).
 *
 * So when an operation is done its entries are deleted: the scope-auth cache's, and every
 * `operationCache`'s, which holds the gateway's own per-operation reads and its dataloaders
 * (loadable-node-ref.ts gives every loadable type a loader in one, because Pothos's own
 * loader caches cannot be deleted from). The context then gets a fresh key, so that a late
 * lookup gets a new entry, never the operation's. A subscription's context lives as long as
 * its stream and keeps everything.
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
          const context = args.contextValue as unknown as Record<symbol, unknown>;
          RequestCache.clearForContext(context);
          for (const cache of operationCaches) cache.delete(context);
          // A fresh key, not none: anything that still asks gets a new cache, never this one.
          context[contextCacheSymbol] = {};
        },
      };
    },
  };
}

const operationCaches: Array<{ delete(context: object): void }> = [];

/** A per-operation cache (Pothos's context cache) whose entry is deleted when the operation is done. */
export function operationCache<C extends object, T>(create: (context: C) => T): (context: C) => T {
  const cache = createContextCache(create);
  operationCaches.push(cache as unknown as { delete(context: object): void });
  return cache;
}
