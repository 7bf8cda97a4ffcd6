import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

/** Adds the errors fields recorded beside their data (`context.extraErrors`) to the response. */
export function useExtraErrors(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as Context;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || context.extraErrors.length === 0) return;
          setResult({ ...result, errors: [...(result.errors ?? []), ...context.extraErrors] });
        },
      };
    },
  };
}
