import {
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type FragmentDefinitionNode,
  typeFromAST,
  valueFromAST,
  getNamedType,
  type GraphQLCompositeType,
} from 'graphql';

/**
 * JSON Schema for an MCP tool, from the GraphQL operation it runs: the input from the
 * operation's variable definitions (input objects, enums with their values, lists, non-null as
 * required, defaults), the output from its selection set (what `data` holds). Input objects are
 * shared definitions under `$defs`, since an input may nest itself.
 */
export type JsonSchema = Record<string, unknown>;

/** Scalars by name: the built-in five and the schema's own. */
const SCALARS: Readonly<Record<string, JsonSchema>> = {
  String: { type: 'string' },
  ID: { type: 'string' },
  Int: { type: 'integer', minimum: -2147483648, maximum: 2147483647 },
  Float: { type: 'number' },
  Boolean: { type: 'boolean' },
  SafeInt: { type: 'integer', minimum: -(2 ** 53 - 1), maximum: 2 ** 53 - 1 },
  DateTime: { type: 'string', format: 'date-time' },
};

const described = (schema: JsonSchema, description: string | null | undefined): JsonSchema => (description ? { ...schema, description } : schema);

/** The input schema of an operation's variables. */
export function variablesSchema(schema: GraphQLSchema, operation: OperationDefinitionNode): JsonSchema {
  const defs: Record<string, JsonSchema> = {};

  const named = (type: GraphQLNamedType): JsonSchema => {
    if (isScalarType(type)) return described(SCALARS[type.name] ?? {}, type.description);
    if (isEnumType(type)) return described({ type: 'string', enum: type.getValues().map((value) => value.name) }, type.description);
    if (isInputObjectType(type)) {
      if (!(type.name in defs)) {
        defs[type.name] = {}; // placed first: a field of this type refers back to it
        const properties: Record<string, JsonSchema> = {};
        const required: string[] = [];
        for (const field of Object.values(type.getFields())) {
          properties[field.name] = described(input(field.type), field.description);
          if (isNonNullType(field.type) && field.defaultValue === undefined) required.push(field.name);
        }
        defs[type.name] = described({ type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false }, type.description);
      }
      return { $ref: `#/$defs/${type.name}` };
    }
    return {};
  };

  function input(type: GraphQLInputType): JsonSchema {
    if (isNonNullType(type)) return inner(type.ofType);
    const schemaOf = inner(type);
    return { anyOf: [schemaOf, { type: 'null' }] };
  }
  function inner(type: GraphQLInputType): JsonSchema {
    if (isNonNullType(type)) return inner(type.ofType);
    if (isListType(type)) return { type: 'array', items: input(type.ofType) };
    return named(type);
  }

  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type) continue;
    const name = definition.variable.name.value;
    const property = input(type);
    const fallback = definition.defaultValue ? valueFromAST(definition.defaultValue, type) : undefined;
    properties[name] = fallback === undefined ? property : { ...property, default: fallback };
    if (isNonNullType(type) && !definition.defaultValue) required.push(name);
  }
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
    ...(Object.keys(defs).length ? { $defs: defs } : {}),
  };
}

/**
 * The output schema of what an operation's `data` holds: each selected field by its response
 * key, nullable where the schema says so. Fields selected only under a type condition of an
 * abstract type are optional (another member of the union may have answered).
 */
export function dataSchema(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): JsonSchema {
  const root = schema.getRootType(operation.operation);
  if (!root) return { type: 'object' };

  function output(type: GraphQLOutputType, selections: SelectionSetNode | undefined): JsonSchema {
    if (isNonNullType(type)) return outputInner(type.ofType, selections);
    return { anyOf: [outputInner(type, selections), { type: 'null' }] };
  }
  function outputInner(type: GraphQLOutputType, selections: SelectionSetNode | undefined): JsonSchema {
    if (isNonNullType(type)) return outputInner(type.ofType, selections);
    if (isListType(type)) return { type: 'array', items: output(type.ofType, selections) };
    const namedType = getNamedType(type);
    if (isScalarType(namedType)) return SCALARS[namedType.name] ?? {};
    if (isEnumType(namedType)) return { type: 'string', enum: namedType.getValues().map((value) => value.name) };
    return object(namedType as GraphQLCompositeType, selections, true);
  }
  /** `sure`: the fields are there whatever the runtime type (false under a type condition). */
  function object(type: GraphQLCompositeType, selections: SelectionSetNode | undefined, sure: boolean): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required = new Set<string>();
    const collect = (set: SelectionSetNode | undefined, parent: GraphQLCompositeType, certain: boolean) => {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          if (selection.name.value === '__typename') {
            properties[key] = { type: 'string' };
            if (certain) required.add(key);
            continue;
          }
          // A union has no fields of its own; an object or interface type has.
          const field = 'getFields' in parent ? parent.getFields()[selection.name.value] : undefined;
          if (!field) continue;
          properties[key] = output(field.type, selection.selectionSet);
          if (certain) required.add(key);
          continue;
        }
        const condition =
          selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition?.name.value : fragments.get(selection.name.value)?.typeCondition.name.value;
        const set2 = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value)?.selectionSet;
        const target = condition ? (schema.getType(condition) as GraphQLCompositeType | undefined) : parent;
        if (!target) continue;
        // A fragment on the parent's own type (or none) always applies; on another type, only sometimes.
        collect(set2, target, certain && target.name === parent.name);
      }
    };
    collect(selections, type, sure);
    return { type: 'object', properties, ...(required.size ? { required: [...required] } : {}) };
  }

  return object(root, operation.selectionSet, true);
}
