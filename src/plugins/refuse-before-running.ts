import type { DocumentNode, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** What an operation is, once its variables are known. */
export interface RunningOperation {
  document: DocumentNode;
  operationName?: string | null | undefined;
  variableValues?: Readonly<Record<string, unknown>> | null | undefined;
}

/**
 * A limit that needs the variables, as a plugin: `check` runs as a query, mutation or
 * subscription starts (every way in runs this envelope), and its refusal is the whole answer,
 * before any resolver and so before any backend call.
 */
export function refuseBeforeRunning(check: (operation: RunningOperation) => GraphQLError | undefined): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refusal = check(args);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refusal = check(args);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
  };
}
