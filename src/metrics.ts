import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { UpstreamCall } from './backends/http/types.js';
import type { Backends } from './backends/index.js';
import type { Context } from './context.js';
import type { PollerRegistry } from './subscriptions/pollers.js';

/**
 * Prometheus metrics at /metrics (prom-client): operations by name, type, outcome, path (fast
 * or yoga) and executor (compiled or graphql-js), with a
 * latency histogram, upstream calls by backend and status with theirs, each backend's circuit
 * breaker, open subscriptions and pollers, and Node's own (event loop delay, heap, GC) from
 * collectDefaultMetrics. One registry per gateway, so tests can run several in one process.
 */
/** Distinct operation names /metrics labels; a client's next ones count as `other`. */
export const MAX_OPERATION_NAMES = 200;

export interface Metrics {
  registry: Registry;
  operation(name: string, type: string, outcome: 'ok' | 'error', seconds: number, served: Pick<Context['served'], 'transport' | 'path' | 'executor'>): void;
  upstream(call: UpstreamCall): void;
  /** A JSON POST the fast path served itself, or handed to Yoga after reading it (see fast-post.ts). */
  fastPost(outcome: 'served' | 'handed_over'): void;
}

const BREAKER_VALUES: Record<string, number> = { closed: 0, 'half-open': 1, open: 2 };

export function createMetrics(backends: Backends, pollers: PollerRegistry): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gantry_' });
  // Operation names are the client's to choose: the first MAX_OPERATION_NAMES seen are labels
  // of their own, any later one is `other`, so the registry cannot grow without bound.
  const named = new Set<string>();
  const operationLabel = (full: string) => {
    const name = full.slice(0, 100);
    if (named.has(name)) return name;
    if (named.size >= MAX_OPERATION_NAMES) return 'other';
    named.add(name);
    return name;
  };
  const operations = new Counter({
    name: 'gantry_operations_total',
    help: 'GraphQL operations by name, type, outcome, transport (http, sse, ws, mcp), path (fast: the fast path for JSON POSTs; yoga) and executor (compiled: graphql-jit; graphql-js).',
    labelNames: ['operation', 'type', 'outcome', 'transport', 'path', 'executor'],
    registers: [registry],
  });
  const operationSeconds = new Histogram({
    name: 'gantry_operation_duration_seconds',
    help: 'Time to execute a GraphQL operation (a subscription: to set it up).',
    labelNames: ['type'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const upstreamCalls = new Counter({
    name: 'gantry_upstream_calls_total',
    help: 'Calls to backends by backend, method and status ("none" when no answer came).',
    labelNames: ['backend', 'method', 'status'],
    registers: [registry],
  });
  const upstreamSeconds = new Histogram({
    name: 'gantry_upstream_call_duration_seconds',
    help: 'Time of one call to a backend.',
    labelNames: ['backend'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const fastPosts = new Counter({
    name: 'gantry_fast_path_requests_total',
    help: 'JSON POSTs the fast path served, or read and handed to Yoga (refusals, subscriptions, malformed bodies).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  new Gauge({
    name: 'gantry_breaker_state',
    help: 'Circuit breaker per backend: 0 closed, 1 half-open, 2 open.',
    labelNames: ['backend'],
    registers: [registry],
    collect() {
      for (const [backend, snapshot] of Object.entries(backends.breakerStates())) this.set({ backend }, BREAKER_VALUES[snapshot.state] ?? -1);
    },
  });
  new Gauge({
    name: 'gantry_subscriptions_open',
    help: 'Subscriptions open on this replica.',
    registers: [registry],
    collect() {
      this.set([...pollers.callers.values()].reduce((sum, n) => sum + n, 0));
    },
  });
  new Gauge({
    name: 'gantry_pollers_active',
    help: "Upstream pollers running on this replica, by role (owner polls; follower reads another replica's through Redis).",
    labelNames: ['role'],
    registers: [registry],
    collect() {
      const roles = { owner: 0, follower: 0 };
      for (const poller of pollers.active.values()) roles[poller.role] += 1;
      for (const [role, count] of Object.entries(roles)) this.set({ role }, count);
    },
  });
  return {
    registry,
    operation(name, type, outcome, seconds, served) {
      operations.inc({ operation: operationLabel(name), type, outcome, transport: served.transport, path: served.path, executor: served.executor });
      operationSeconds.observe({ type }, seconds);
    },
    upstream(call) {
      upstreamCalls.inc({ backend: call.backend, method: call.method, status: call.status === null ? 'none' : String(call.status) });
      if (!call.shared) upstreamSeconds.observe({ backend: call.backend }, call.ms / 1000);
    },
    fastPost(outcome) {
      fastPosts.inc({ outcome });
    },
  };
}
