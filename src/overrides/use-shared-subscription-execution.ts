import { createHash } from 'node:crypto';
import { createSourceEventStream, execute, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { BACKEND_KEYS } from '../backend-keys.js';
import type { Context } from '../context.js';

/**
 * Runs a subscription event's selection once for every subscriber that asked the same thing.
 *
 * A poller hands the same event object to every subscriber of its key, and the key includes
 * the credential, so subscribers sharing an event also share what they may see. Executing the
 * selection for each of 5,000 subscribers costs 5,000 executions per event and delays the last
 * subscriber by all of them; here the first subscriber executes it and the others reuse the
 * result (keyed by event object, document, operation name, variables and caller). Results live
 * in a WeakMap on the event, so they go when the event does.
 *
 * Everything else stays Yoga's: parsing, validation, context, and the plugins that wrap the
 * result stream (error masking) still run per subscriber.
 */
export function useSharedSubscriptionExecution(): Plugin<Context> {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribeShared as never);
    },
  };
}

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;
const resultsByEvent = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();

/** What makes two subscribers' results for one event the same; undefined: do not share. */
function sharingKey(args: ExecutionArgs): string | undefined {
  const context = args.contextValue as Context | undefined;
  // A traced operation reports its own upstream calls: it cannot take another's result.
  if (!context?.credentials || context.traceUpstream) return undefined;
  let documentId = documentIds.get(args.document);
  if (documentId === undefined) {
    documentId = nextDocumentId++;
    documentIds.set(args.document, documentId);
  }
  const caller = createHash('sha256');
  for (const backend of BACKEND_KEYS) caller.update(`${backend}=${context.credentials.tokenFor(backend) ?? ''}\n`);
  return `${documentId}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}|${caller.digest('base64url')}`;
}

async function subscribeShared(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const key = sharingKey(args);
  const run = (event: unknown): Promise<ExecutionResult> | ExecutionResult => {
    const once = () => execute({ ...args, rootValue: event });
    if (key === undefined || typeof event !== 'object' || event === null) return once();
    let results = resultsByEvent.get(event);
    if (!results) {
      results = new Map();
      resultsByEvent.set(event, results);
    }
    let result = results.get(key);
    if (!result) {
      result = once();
      results.set(key, result);
    }
    return result;
  };
  const iterator = source[Symbol.asyncIterator]();
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      let step: IteratorResult<unknown>;
      try {
        step = await iterator.next();
      } catch (error) {
        // The stream ended with an error (say the credential stopped working): the caller
        // gets it as a GraphQL error with its code, as graphql-js's own subscribe would.
        throw error instanceof GraphQLError
          ? error
          : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error as Error });
      }
      if (step.done) return { value: undefined, done: true };
      return { value: await run(step.value), done: false };
    },
    async return() {
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]: () => results,
  };
  return results;
}
