import { isObjectType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '../../src/schema/global-id.js';
import { schema } from '../../src/schema/index.js';
import { syncGlobalIdResolvers } from '../../src/overrides/sync-global-ids.js';

/** A record whose every property reads `raw-7`, so any type's raw-id resolver finds an id. */
const anyRecord = new Proxy({}, { get: (_target, key) => (key === 'then' ? undefined : 'raw-7') });

const nodeTypes = () =>
  Object.values(schema.getTypeMap()).filter((type): type is GraphQLObjectType => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'));

describe('synchronous global IDs (src/schema/sync-global-ids.ts)', () => {
  it("answers each id of the built schema at once, with the ID relay would encode from the type's raw id", () => {
    // First in this file: the schema as src/schema/index.ts built it, before any call here.
    for (const type of nodeTypes()) {
      const rawId = (type.extensions as { pothosOptions: { id: { resolve: (parent: unknown) => unknown } } }).pothosOptions.id.resolve;
      const id = type.getFields().id!.resolve!(anyRecord, {}, {}, {} as GraphQLResolveInfo);
      expect(typeof id, type.name).toBe('string');
      expect(id).toBe(encodeGlobalId(type.name, String(rawId(anyRecord))));
      expect(decodeGlobalId(id as string).typename).toBe(type.name);
    }
  });

  it('covers every Node type of the built schema', () => {
    // Run on the built schema already; a second run reports what it covers.
    expect(syncGlobalIdResolvers(schema).sort()).toEqual(
      nodeTypes()
        .map((type) => type.name)
        .sort(),
    );
    expect(nodeTypes().length).toBeGreaterThanOrEqual(7);
  });

  it('still waits for a raw id that is a promise', async () => {
    const type = nodeTypes()[0]!;
    const options = (type.extensions as { pothosOptions: { id: { resolve: unknown } } }).pothosOptions.id;
    const original = options.resolve;
    options.resolve = async () => 'later-1';
    try {
      syncGlobalIdResolvers(schema);
      const id = type.getFields().id!.resolve!({}, {}, {}, {} as GraphQLResolveInfo);
      expect(id).toBeInstanceOf(Promise);
      expect(await id).toBe(encodeGlobalId(type.name, 'later-1'));
    } finally {
      options.resolve = original;
      syncGlobalIdResolvers(schema);
    }
  });
});
