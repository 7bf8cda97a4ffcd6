import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Context } from '../context.js';
import type { Metrics } from '../metrics.js';
import type { OperationSpan, Tracing } from '../tracing.js';

/**
 * One log line, one metrics sample and (when tracing is on) one span per operation: request id,
 * operation name and type, how it was served (transport, fast or Yoga path, compiled or
 * graphql-js executor), duration, upstream calls (count, and per backend), error codes. Never
 * the document's variables, never a header: no token can reach the log. Subscriptions are
 * counted when set up.
 */
export function useOperationLog(logger: Logger, metrics: Metrics, tracing: () => Tracing | undefined = () => undefined): Plugin<Context> {
  const describe = (document: DocumentNode, operationName: string | null | undefined) => {
    const operation = getOperationAST(document, operationName ?? undefined);
    return { name: operation?.name?.value ?? operationName ?? 'anonymous', type: operation?.operation ?? 'query' };
  };
  const begin = (context: Context, op: { name: string; type: string }): OperationSpan | undefined => {
    const traceparent = (context as Context & { request?: Request }).request?.headers.get('traceparent') ?? null;
    const span = tracing()?.startOperation(op.name, op.type, traceparent);
    if (span) context.tracing.calls = span.calls;
    return span;
  };
  const done = (
    context: Context,
    op: { name: string; type: string },
    started: number,
    errors: readonly { extensions?: Record<string, unknown> }[] | undefined,
    span?: OperationSpan,
  ) => {
    const ms = performance.now() - started;
    const byBackend: Record<string, number> = {};
    for (const call of context.upstreamCalls) byBackend[call.backend] = (byBackend[call.backend] ?? 0) + 1;
    const codes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL'));
    span?.end(codes);
    const { transport, path, executor } = context.served;
    metrics.operation(op.name, op.type, codes.length ? 'error' : 'ok', ms / 1000, context.served);
    logger.info(
      {
        requestId: context.requestId,
        operation: op.name,
        type: op.type,
        transport,
        path,
        executor,
        ms: Math.round(ms * 100) / 100,
        upstreamCalls: context.upstreamCalls.length,
        upstream: byBackend,
        ...(codes.length ? { errors: codes } : {}),
      },
      'operation',
    );
  };
  return {
    onExecute({ args }) {
      const started = performance.now();
      const op = describe(args.document, args.operationName);
      const span = begin(args.contextValue as Context, op);
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          done(args.contextValue as Context, op, started, result.errors as never, span);
        },
      };
    },
    onSubscribe({ args }) {
      const started = performance.now();
      const op = describe(args.document, args.operationName);
      const span = begin(args.contextValue as Context, op);
      return {
        onSubscribeResult({ result }) {
          done(args.contextValue as Context, op, started, (result as { errors?: [] }).errors, span);
        },
      };
    },
  };
}
