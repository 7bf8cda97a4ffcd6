/** The OpenTelemetry SDK side of tracing.ts (see there), loaded only when GANTRY_OTLP_ENDPOINT is set. */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context as OtelContext, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { CallTracing } from './backends/http/types.js';
import type { Tracing } from './tracing.js';

const propagator = new W3CTraceContextPropagator();
const setter = {
  set: (carrier: Record<string, string>, key: string, value: string) => {
    carrier[key] = value;
  },
};
const getter = {
  get: (carrier: Record<string, string>, key: string) => carrier[key],
  keys: (carrier: Record<string, string>) => Object.keys(carrier),
};

function callTracing(tracer: Tracer, parent: OtelContext): CallTracing {
  return {
    startSpan(backend, method, path) {
      const span: Span = tracer.startSpan(
        `${method} ${backend}`,
        { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method, 'gantry.backend': backend, 'url.path': path.split('?')[0] } },
        parent,
      );
      const headers: Record<string, string> = {};
      propagator.inject(trace.setSpan(parent, span), headers, setter);
      return {
        headers,
        end(status) {
          if (status !== null) span.setAttribute('http.response.status_code', status);
          if (status === null || status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
      };
    },
  };
}

export function createOtlpTracing(endpoint: string): Tracing {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'gantry' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint }), { scheduledDelayMillis: 500 })],
  });
  const tracer = provider.getTracer('gantry');
  return {
    startOperation(name, type, traceparent) {
      const parent = traceparent ? propagator.extract(ROOT_CONTEXT, { traceparent }, getter) : ROOT_CONTEXT;
      const span = tracer.startSpan(
        `graphql.${type} ${name}`,
        { kind: SpanKind.SERVER, attributes: { 'graphql.operation.name': name, 'graphql.operation.type': type } },
        parent,
      );
      return {
        calls: callTracing(tracer, trace.setSpan(parent, span)),
        end(errorCodes) {
          if (errorCodes.length) span.setStatus({ code: SpanStatusCode.ERROR, message: errorCodes.join(',') });
          span.end();
        },
      };
    },
    async shutdown() {
      await provider.shutdown();
    },
  };
}
