import { printSubgraphSchema } from '@apollo/subgraph';
import { type ASTNode, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema, parse, print, visit } from 'graphql';
import type { Context } from '../context.js';
import { ForbiddenError } from '../errors.js';
import { perEntityErrors } from '../overrides/per-entity-errors.js';
import { syncGlobalIdResolvers } from '../overrides/sync-global-ids.js';
import { builder } from '../schema/builder.js';
import { schema as standalone } from '../schema/index.js';
import './entities.js';

/**
 * The subgraph schema (GANTRY_SUBGRAPH=true): the standalone schema's types and fields, plus
 * `_service { sdl }` and `_entities` with a `@key` on every Node type (entities.ts), linked to
 * Federation 2.6. Built from the same builder, so every field, loader, limit and error is the
 * standalone gateway's; `standalone` is imported first so its schema is built before the
 * entity keys exist and never carries them.
 */
const FEDERATION = 'https://specs.apollo.dev/federation/v2.6';

function routerOnly(resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  return (root, args, context, info) => {
    // Admission decided (GANTRY_SUBGRAPH_ROUTER_SECRET): here the verdict is only read.
    if (!context.mayFederate) throw new ForbiddenError(`Only the federation router may ask for ${info.fieldName}.`);
    return resolve(root, args, context, info);
  };
}

export function buildSubgraphSchema(): GraphQLSchema {
  void standalone;
  const schema = builder.toSubGraphSchema({ linkUrl: FEDERATION, federationDirectives: ['@key'] });
  syncGlobalIdResolvers(schema);
  perEntityErrors(schema);
  const fields = schema.getQueryType()!.getFields();
  // The SDL served is subgraph.graphql's, sorted: the plugin's own follows the order in which
  // modules happened to define their fields, which differs between entry points.
  const sdl = printSubgraph(schema);
  fields._service!.resolve = routerOnly(() => ({ sdl }));
  fields._entities!.resolve = routerOnly(fields._entities!.resolve as GraphQLFieldResolver<unknown, Context>);
  return schema;
}

type Named = ASTNode & { name: { value: string } };
const byName = <T extends Named>(nodes: readonly T[] | undefined) =>
  nodes && [...nodes].sort((a, b) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0));

/**
 * Definitions, fields, arguments and enum values in name order. @apollo/subgraph prints each
 * type from its AST node, which keeps the order in which modules happened to define fields, and
 * that differs between entry points (the gateway, `npm run schema:print`).
 */
function sorted(document: DocumentNode): DocumentNode {
  const withFields = { leave: (node: { fields?: readonly Named[] }) => ({ ...node, fields: byName(node.fields) }) };
  const named = document.definitions.filter((definition): definition is typeof definition & Named => 'name' in definition && definition.name !== undefined);
  const unnamed = document.definitions.filter((definition) => !('name' in definition) || definition.name === undefined);
  return visit(
    { ...document, definitions: [...unnamed, ...(byName(named) ?? [])] },
    {
      ObjectTypeDefinition: withFields,
      InterfaceTypeDefinition: withFields,
      InputObjectTypeDefinition: withFields,
      FieldDefinition: { leave: (node) => ({ ...node, arguments: byName(node.arguments) }) },
      EnumTypeDefinition: { leave: (node) => ({ ...node, values: byName(node.values) }) },
    },
  ) as DocumentNode;
}

/** subgraph.graphql's content: the SDL a router composes, with the federation directives, in name order. */
export function printSubgraph(schema: GraphQLSchema): string {
  return `${print(sorted(parse(printSubgraphSchema(schema))))}\n`;
}
