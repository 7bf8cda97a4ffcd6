import type { CallTracing } from './backends/http/types.js';

/**
 * OpenTelemetry tracing, off unless GANTRY_OTLP_ENDPOINT is set: a span per GraphQL operation
 * and a client span per upstream call under it, exported over OTLP/HTTP in batches, with W3C
 * trace context (`traceparent`) sent to the backends so their spans join the trace. The
 * provider is this gateway's own, not registered globally, so nothing else in the process is
 * affected.
 */
export interface Tracing {
  /** Starts the span of one operation; `parent` is the caller's `traceparent`, if any. */
  startOperation(name: string, type: string, traceparent: string | null): OperationSpan;
  shutdown(): Promise<void>;
}

export interface OperationSpan {
  /** What the operation's upstream calls are traced under. */
  calls: CallTracing;
  end(errorCodes: string[]): void;
}

/**
 * The tracing of a gateway, or undefined when GANTRY_OTLP_ENDPOINT is not set. The SDK and its
 * exporter (some 300 modules, ~10 MB of heap) are imported only when tracing is on.
 */
export async function createTracing(endpoint: string | undefined): Promise<Tracing | undefined> {
  if (!endpoint) return undefined;
  const { createOtlpTracing } = await import('./tracing-otlp.js');
  return createOtlpTracing(endpoint);
}
