import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { encodeGlobalId } from '../schema/global-id.js';

type RawIdResolver = GraphQLFieldResolver<unknown, unknown, unknown, unknown>;

/**
 * Gives every Node type's `id` field a synchronous resolver; returns the names of the types it
 * changed. Pothos's relay plugin resolves `id` with an async function (await the raw id, then
 * encode it): a promise and an async frame for every `id` in every answer, the largest single
 * share of what a long list allocates, and graphql-jit then has to wait on each. Ours gets the raw id the same way, from the type's own `id.resolve` (relay keeps the
 * node options in the type's `pothosOptions`), and encodes it the same way (`encodeGlobalId` is
 * relay's `encodeGlobalID` in builder.ts); it returns a promise only when the raw id does.
 */
export function syncGlobalIdResolvers(schema: GraphQLSchema): string[] {
  const changed: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
    const rawId = (type.extensions as { pothosOptions?: { id?: { resolve?: RawIdResolver } } }).pothosOptions?.id?.resolve;
    const field = type.getFields().id;
    if (typeof rawId !== 'function' || !field) continue;
    const typename = type.name;
    const encode = (id: unknown) => encodeGlobalId(typename, String(id));
    field.resolve = (parent, args, context, info) => {
      const id = rawId(parent, args, context, info);
      return typeof (id as PromiseLike<unknown> | null)?.then === 'function' ? Promise.resolve(id).then(encode) : encode(id);
    };
    changed.push(typename);
  }
  return changed;
}
