import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { LimitCheck } from './refuse-before-running.js';

/**
 * The budget of upstream calls per operation, checked before it runs where the document shows
 * what it will cost: each root field (alias) is at least one call, `nodes(ids:)` one per id,
 * and a field marked with UPSTREAM_CALLS_PER_ITEM (one that calls upstream for every object it
 * is asked of, unbatched: a container's processes, say) that many times the list sizes
 * (`first`, `last`) above it. Batched lookups are not counted: a loader makes one call for a
 * page. Whatever this cannot see is counted while the operation runs, call by call (the
 * context's `charge`), where past the budget the remaining fields fail and nothing is sent.
 */
export const UPSTREAM_CALLS_PER_ITEM = 'gantryUpstreamCallsPerItem';

const sizeOf = (value: ValueNode | undefined, variables: Readonly<Record<string, unknown>>): number => {
  const raw = value?.kind === Kind.INT ? Number(value.value) : value?.kind === Kind.VARIABLE ? variables[value.name.value] : undefined;
  return typeof raw === 'number' && Number.isFinite(raw) && raw > 1 ? raw : 1;
};

function callEstimate(
  schema: GraphQLSchema | undefined,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const typeNamed = (name: string | undefined, fallback: GraphQLCompositeType | undefined) => {
    const type = name ? schema?.getType(name) : undefined;
    return type && isCompositeType(type) ? type : fallback;
  };
  // `visiting` guards a fragment spread inside itself (invalid, refused at validation).
  const visiting = new Set<string>();
  const count = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined, multiplier: number, root: boolean): number => {
    let calls = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        calls += count(selection.selectionSet, typeNamed(selection.typeCondition?.name.value, parent), multiplier, root);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        visiting.add(fragment.name.value);
        calls += count(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value, parent), multiplier, root);
        visiting.delete(fragment.name.value);
      } else if (!selection.name.value.startsWith('__')) {
        const argument = (name: string) => selection.arguments?.find((a) => a.name.value === name)?.value;
        if (root && selection.name.value === 'nodes') {
          const ids = argument('ids');
          const list = ids?.kind === Kind.LIST ? ids.values : ids?.kind === Kind.VARIABLE ? variables[ids.name.value] : undefined;
          calls += Array.isArray(list) ? list.length : 1;
        } else if (root) {
          calls += 1;
        }
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        const perItem = Number(field?.extensions?.[UPSTREAM_CALLS_PER_ITEM] ?? 0);
        if (!root) calls += perItem * multiplier;
        if (selection.selectionSet && field) {
          const size = Math.max(sizeOf(argument('first'), variables), sizeOf(argument('last'), variables));
          const named = getNamedType(field.type);
          calls += count(selection.selectionSet, isCompositeType(named) ? named : undefined, multiplier * size, false);
        }
      }
    }
    return calls;
  };
  const rootType = schema?.getRootType(operation.operation) ?? undefined;
  return count(operation.selectionSet, rootType, 1, true);
}

export function callBudget(maxCalls: number): LimitCheck {
  return (args) => {
    const calls = callEstimate(args.schema, args.document, args.operationName, args.variableValues ?? {});
    return calls > maxCalls
      ? new GraphQLError(`This operation would make at least ${calls} backend calls; one operation may make ${maxCalls}.`, {
          extensions: { code: 'CALL_BUDGET_EXCEEDED', http: { status: 400 } },
        })
      : undefined;
  };
}
