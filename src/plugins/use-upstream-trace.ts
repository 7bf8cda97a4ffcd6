import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

/** Request header that asks for the trace: `X-Gantry-Trace: upstream`. */
export const TRACE_HEADER = 'x-gantry-trace';

/**
 * Adds `extensions.upstream` to a result: every upstream call the operation made (backend,
 * method, path, status, milliseconds, batch size, shared). On when the caller asks for it
 * with `X-Gantry-Trace: upstream`, or for everyone with the GANTRY_TRACE_UPSTREAM dev flag.
 * The same records always go to the debug log.
 */
export function useUpstreamTrace(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as Context;
      if (!context.traceUpstream) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, upstream: context.upstreamCalls } });
        },
      };
    },
  };
}
