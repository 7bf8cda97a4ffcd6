import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  getOperationAST,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { LimitCheck } from './refuse-before-running.js';

/**
 * The cost of an operation, with its variables: graphql-armor's formula (an object 2, a scalar
 * 1, times 1.5 per level, a list's fields times its size), where the size is `first`, `last`
 * or `limit`, given as a literal or as a variable alike. graphql-armor's own rule counts only
 * literal `first`/`last` (it runs at validation, before variables are known), so `first: $n`
 * and `logs(limit: 10000)` escaped it.
 */
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;
const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);

function sizeOf(value: ValueNode, variables: Readonly<Record<string, unknown>>): number {
  const raw = value.kind === Kind.INT ? Number(value.value) : value.kind === Kind.VARIABLE ? variables[value.name.value] : undefined;
  return typeof raw === 'number' && Number.isFinite(raw) && raw > 1 ? raw : 1;
}

/**
 * A size past what its field accepts (`first`/`last` past `maxPageSize`, `limit` past
 * `maxLimit`) is left to that field's own rule, which refuses it with a clearer message
 * before any call; within it, the size counts in full.
 */
function operationCost(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> = {},
  caps: { maxPageSize: number; maxLimit: number },
): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  // A fragment spread inside itself (invalid, refused at validation) must not loop here.
  const visiting = new Set<string>();
  const selectionCost = (set: SelectionSetNode): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) cost += selectionCost(selection.selectionSet);
      else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        visiting.add(fragment.name.value);
        cost += selectionCost(fragment.selectionSet);
        visiting.delete(fragment.name.value);
      }
    }
    return cost;
  };
  const fieldCost = (field: FieldNode): number => {
    if (field.name.value === '__schema' || field.name.value === '__type') return 0;
    if (!field.selectionSet) return SCALAR_COST;
    let size = 1;
    for (const argument of field.arguments ?? []) {
      if (!SIZE_ARGUMENTS.has(argument.name.value)) continue;
      const given = sizeOf(argument.value, variables);
      const cap = argument.name.value === 'limit' ? caps.maxLimit : caps.maxPageSize;
      size = Math.max(size, given <= cap ? given : 1);
    }
    return (OBJECT_COST + DEPTH_FACTOR * selectionCost(field.selectionSet)) * size;
  };
  return selectionCost(operation.selectionSet);
}

/** Refuses an operation whose cost passes `maxCost`: 400, as a validation failure. */
export function costLimit(maxCost: number, caps: { maxPageSize: number; maxLimit: number }): LimitCheck {
  return (args) => {
    const cost = operationCost(args.document, args.operationName, args.variableValues ?? {}, caps);
    return cost > maxCost
      ? new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${Math.ceil(cost)}.`, {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
        })
      : undefined;
  };
}
