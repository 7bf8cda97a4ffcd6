import { contextCacheSymbol } from '@pothos/core';
import { isObjectType } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { useReleasedContextCaches } from '../../src/overrides/use-released-context-caches.js';
import { schema } from '../../src/schema/index.js';
import { perOperationLoaderGetters } from '../../src/overrides/loadable-node-ref.js';
import { VmImage } from '../../src/schema/vm-images/vm-image.js';

/**
 * Every loadable type loads through a loader whose entry is deleted when the operation is done
 * (src/schema/loadable-node-ref.ts): Pothos's own loader caches cannot be deleted from, and an
 * entry left in one keeps the whole request alive through young-generation collections.
 */
describe('dataloaders per operation', () => {
  it('gives every loadable type, as the built schema uses it, a loader that is released with the operation', () => {
    const loadable = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && type.extensions.getDataloader !== undefined);
    expect(loadable.map((type) => type.name).sort()).toEqual([
      'CiImage',
      'Container',
      'ContainerImage',
      'ContainerRevision',
      'GpuModel',
      'ServerlessContainer',
      'VmImage',
    ]);
    for (const type of loadable) expect(perOperationLoaderGetters.has(type.extensions.getDataloader as never), type.name).toBe(true);
  });

  it('hands one operation one loader, and a lookup after the operation a new one', async () => {
    const seen: Array<{ key: unknown; loader: unknown; again: unknown; context: Context }> = [];
    const yoga = createYoga({
      plugins: [useReleasedContextCaches()],
      schema,
      context: () => ({}) as Context,
    });
    // Any field runs the plugin's hooks; the loader is fetched the way resolvers fetch it.
    const probe = yoga.getEnveloped({});
    const context = (await probe.contextFactory()) as unknown as Context & Record<symbol, unknown>;
    seen.push({ key: context[contextCacheSymbol], loader: VmImage.getDataloader(context), again: VmImage.getDataloader(context), context });
    expect(seen[0]!.again).toBe(seen[0]!.loader);
    await probe.execute({ schema: probe.schema, document: probe.parse('{ __typename }'), contextValue: context });
    // Done: even a stand-in holding the operation's own key finds no loader.
    const stale = { [contextCacheSymbol]: seen[0]!.key } as unknown as Context;
    expect(VmImage.getDataloader(stale)).not.toBe(seen[0]!.loader);
    expect(VmImage.getDataloader(context)).not.toBe(seen[0]!.loader);
  });
});
