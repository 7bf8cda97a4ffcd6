import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy, type DelayProxy } from '../helpers/delay-proxy.js';
import { startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { waitFor } from '../helpers/wait-for.js';
import type { Gateway } from '../../src/server.js';

/**
 * OpenTelemetry: a collector on 127.0.0.1 receives the OTLP/HTTP export; a proxy in front of the
 * VM image service sees the traceparent the gateway sends.
 */

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
}

let gateway: Gateway;
let glance: DelayProxy;
const spans: OtlpSpan[] = [];

beforeAll(async () => {
  const collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
      for (const resource of parsed.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  track(() => new Promise<void>((resolve) => collector.close(() => resolve())));
  const embedded = await startTestEmbedded(await tempDataDir());
  glance = await startDelayProxy(embedded.urls.vmImages!, 0);
  gateway = await startTestGateway(
    { ...embedded.urls, vmImages: glance.url },
    { GANTRY_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces` },
  );
});

describe('tracing', () => {
  it("exports a span per operation and per upstream call, joins the caller's trace, and sends traceparent to the backend", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpan = '00f067aa0ba902b7';
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}`, traceparent: `00-${traceId}-${callerSpan}-01` },
      body: JSON.stringify({ query: 'query TracedImages { vmImages(first: 2) { nodes { id } } }' }),
    });
    expect(((await response.body.json()) as { errors?: unknown }).errors).toBeUndefined();
    await waitFor(() => spans.filter((s) => s.traceId === traceId).length >= 2, 10_000);
    const operation = spans.find((s) => s.traceId === traceId && s.name === 'graphql.query TracedImages')!;
    const call = spans.find((s) => s.traceId === traceId && s.name === 'GET vmImages')!;
    expect(operation.parentSpanId).toBe(callerSpan);
    expect(call.parentSpanId).toBe(operation.spanId);
    // The backend got the client span's context: same trace, the call's span as parent.
    const sent = glance.seen.find((r) => r.traceparent?.includes(traceId));
    expect(sent?.traceparent).toBe(`00-${traceId}-${call.spanId}-01`);
  });
});
