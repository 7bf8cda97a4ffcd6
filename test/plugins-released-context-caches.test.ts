import { contextCacheSymbol, createContextCache } from '@pothos/core';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { operationCache, useReleasedContextCaches } from '../src/overrides/use-released-context-caches.js';

/**
 * The plugin's contract (src/plugins/use-released-context-caches.ts): during an operation every
 * Pothos context cache lookup finds the same entry; once the operation is done the context no
 * longer leads to that entry's key, so nothing but the WeakMap refers to it.
 */
type Resolver = (root: unknown, args: unknown, context: Record<symbol, unknown>) => unknown;

/** A Yoga server with only the plugin under test, over a schema of Boolean query fields. */
function yogaWith(resolvers: Record<string, Resolver>) {
  return createYoga({
    plugins: [useReleasedContextCaches()],
    schema: createSchema({
      typeDefs: `type Query { ${Object.keys(resolvers)
        .map((name) => `${name}: Boolean`)
        .join(', ')} }`,
      resolvers: { Query: resolvers },
    }),
  });
}

describe('released context caches', () => {
  it("keys an operation's caches by a key of its own, and lets go of it when the operation is done", async () => {
    const perOperation = createContextCache((_context: object) => ({ made: Symbol('entry') }));
    const seen: Array<{ context: Record<symbol, unknown>; key: unknown; entry: unknown; again: unknown }> = [];
    const yoga = yogaWith({
      a: (_root, _args, context) => {
        seen.push({ context, key: context[contextCacheSymbol], entry: perOperation(context), again: perOperation(context) });
        return true;
      },
      b: (_root, _args, context) => perOperation(context) === seen[0]?.entry,
    });
    const response = await yoga.fetch('http://gantry.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ a b }' }),
    });
    expect(await response.json()).toEqual({ data: { a: true, b: true } });
    const [{ context, key, entry, again }] = seen as [(typeof seen)[0]];
    expect(key).toBeTypeOf('object');
    expect(again).toBe(entry);
    // Done: the context points at a fresh key, so a late lookup gets a new entry, never the old one.
    expect(context[contextCacheSymbol]).toBeTypeOf('object');
    expect(context[contextCacheSymbol]).not.toBe(key);
    expect(perOperation(context)).not.toBe(entry);
  });

  it('gives every operation its own key', async () => {
    const keys: unknown[] = [];
    const yoga = yogaWith({
      a: (_root, _args, context) => {
        keys.push(context[contextCacheSymbol]);
        return true;
      },
    });
    for (let i = 0; i < 2; i++) await yoga.fetch('http://gantry.test/graphql?query=%7Ba%7D');
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('deletes an operationCache entry when the operation is done, so even its old key finds nothing', async () => {
    const perOperation = operationCache((_context: object) => ({ made: Symbol('entry') }));
    let seen: { key: unknown; entry: unknown } | undefined;
    const yoga = yogaWith({
      a: (_root, _args, context) => {
        seen = { key: context[contextCacheSymbol], entry: perOperation(context) };
        return true;
      },
    });
    await yoga.fetch('http://gantry.test/graphql?query=%7Ba%7D');
    expect(seen?.entry).toBeDefined();
    // A stand-in holding the operation's own key: with the entry still there it would get it back.
    const stale = { [contextCacheSymbol]: seen!.key };
    expect(perOperation(stale)).not.toBe(seen!.entry);
  });
});
