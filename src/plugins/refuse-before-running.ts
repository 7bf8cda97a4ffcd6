import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** What an operation is, once its variables are known. */
interface RunningOperation {
  schema?: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null | undefined;
  variableValues?: Readonly<Record<string, unknown>> | null | undefined;
}

/** A limit that needs the variables: the refusal, or undefined to let the operation run. */
export type LimitCheck = (operation: RunningOperation) => GraphQLError | undefined;

/**
 * The limits that need the variables, as one plugin: the checks run in order as a query,
 * mutation or subscription starts (every way in runs this envelope), and the first refusal is
 * the whole answer, before any resolver and so before any backend call. One hook for all of
 * them: each plugin hook is a cost every operation pays.
 */
export function refuseBeforeRunning(checks: readonly LimitCheck[]): Plugin {
  const refusalOf = (operation: RunningOperation) => {
    for (const check of checks) {
      const refusal = check(operation);
      if (refusal) return refusal;
    }
    return undefined;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refusal = refusalOf(args);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refusal = refusalOf(args);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
  };
}
