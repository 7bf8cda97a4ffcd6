import { type GraphQLFieldResolver, type GraphQLSchema, isUnionType } from 'graphql';
import { InvalidInputError } from '../errors.js';

/**
 * `_entities` answers each representation on its own: one that is malformed, or that names a
 * type this subgraph does not own (a router's mistake, or a hostile caller's), becomes null
 * with its own error at its index, and the others still resolve.
 *
 * Why: @apollo/subgraph's `_entities` resolver maps the representations and throws, inside that
 * map, for a `__typename` it cannot find, so one foreign representation failed the whole list,
 * and a representation that is not an object failed it with a TypeError. Ours checks each
 * representation first, then hands the good ones to @apollo/subgraph's resolver one at a time
 * (it resolves them one at a time anyway; the loaders behind `resolveReference` still batch
 * them, since every call happens in the same tick).
 */
export function perEntityErrors(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  if (!field?.resolve || !isUnionType(entityUnion)) return;
  const entities = new Set(entityUnion.getTypes().map((type) => type.name));
  const resolveOne = field.resolve as GraphQLFieldResolver<unknown, unknown, { representations: unknown[] }>;
  field.resolve = (root, args: { representations: unknown[] }, context, info) =>
    args.representations.map((representation, index) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof representation !== 'object' || representation === null || typeof typename !== 'string') {
        return new InvalidInputError(`representations[${index}]: each representation is an object with a "__typename".`);
      }
      if (!entities.has(typename)) return new InvalidInputError(`representations[${index}]: "${typename.slice(0, 64)}" is not an entity of this subgraph.`);
      try {
        // An Error returned (not thrown) as a list item is that item's error in graphql-js.
        return (resolveOne(root, { representations: [representation] }, context, info) as unknown[])[0];
      } catch (error) {
        return error;
      }
    });
}
