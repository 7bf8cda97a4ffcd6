import type { Plugin } from 'graphql-yoga';

/** graphql-js's hints: `Did you mean "name"?`, `Did you mean the enum value "ACTIVE"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

const hide = (errors: readonly { message: string }[] | undefined) => {
  for (const error of errors ?? []) if (error.message.includes('Did you mean')) error.message = error.message.replace(SUGGESTION, '').trim();
};

/**
 * The production profile's promise that no error names what a caller did not know: graphql-js
 * suggests field names at validation and enum values when it coerces variables (at execution,
 * so on every path: Yoga's, the fast path, graphql-ws). Every error of every result loses its
 * "Did you mean ...?".
 */
export function useNoSuggestions(): Plugin {
  return {
    onValidate() {
      return ({ valid, result }) => {
        if (!valid) hide(result);
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result }) {
          if (!(Symbol.asyncIterator in result)) hide(result.errors);
        },
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult({ result }) {
          if (!(Symbol.asyncIterator in result)) hide(result.errors);
        },
      };
    },
  };
}
