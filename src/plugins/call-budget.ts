import { type DocumentNode, type FragmentDefinitionNode, GraphQLError, getOperationAST, Kind, type SelectionSetNode } from 'graphql';
import type { LimitCheck } from './refuse-before-running.js';

/**
 * The budget of upstream calls per operation, checked before it runs where the document shows
 * what it will cost: each root field (alias) is at least one call, and `nodes(ids:)` one per
 * id. The rest (a page's items, say) is counted while the operation runs, call by call (the
 * context's `charge`), where past the budget the remaining fields fail and nothing is sent.
 */
function rootCallEstimate(document: DocumentNode, operationName: string | null | undefined, variables: Readonly<Record<string, unknown>>): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number => {
    let calls = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) calls += count(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          calls += count(fragment.selectionSet);
        }
      } else if (selection.name.value.startsWith('__')) {
        // __typename and introspection call nothing.
      } else if (selection.name.value === 'nodes') {
        const ids = selection.arguments?.find((a) => a.name.value === 'ids')?.value;
        const list = ids?.kind === Kind.LIST ? ids.values : ids?.kind === Kind.VARIABLE ? variables[ids.name.value] : undefined;
        calls += Array.isArray(list) ? list.length : 1;
      } else {
        calls += 1;
      }
    }
    return calls;
  };
  return count(operation.selectionSet);
}

export function callBudget(maxCalls: number): LimitCheck {
  return (args) => {
    const calls = rootCallEstimate(args.document, args.operationName, args.variableValues ?? {});
    return calls > maxCalls
      ? new GraphQLError(`This operation would make at least ${calls} backend calls; one operation may make ${maxCalls}.`, {
          extensions: { code: 'CALL_BUDGET_EXCEEDED', http: { status: 400 } },
        })
      : undefined;
  };
}
