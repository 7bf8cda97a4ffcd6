import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

const isStream = (value: unknown): value is AsyncIterableIterator<unknown> =>
  typeof (value as { [Symbol.asyncIterator]?: unknown } | null)?.[Symbol.asyncIterator] === 'function';

/**
 * An operation's end, whichever way it comes, so that nothing runs for it afterwards:
 * - a query or mutation has answered: its context ends, and upstream calls still queued or in
 *   flight for it (a field whose sibling already failed the whole answer, say) are dropped;
 * - a subscription's caller has gone (the SSE request aborted, the WebSocket closed, whatever
 *   frames came before): its stream is returned, which stops its poller. Checked when the
 *   stream is handed over too, so a caller that left while the stream was being set up (its
 *   first access check in flight) never leaves a stream behind;
 * - a stream has ended: its context ends.
 */
export function useOperationEnd(): Plugin<Context> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result }) {
          if (!isStream(result)) (args.contextValue as Context).end();
        },
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult({ args, result }) {
          const context = args.contextValue as Context;
          if (!isStream(result)) {
            context.end();
            return;
          }
          const stop = () => void result.return?.();
          if (context.signal.aborted) {
            stop();
            return;
          }
          context.signal.once('abort', stop);
          return {
            onEnd() {
              context.signal.off('abort', stop);
              context.end();
            },
          };
        },
      };
    },
  };
}
