import pLimit from 'p-limit';
import type { Dispatcher } from 'undici';
import { readComputeStacksError } from '../container-images/client.js';
import { BackendHttp } from '../http.js';
import type { BackendHttpOptions, CallContext } from '../http/types.js';
import {
  normalizeContainer,
  normalizeLogLine,
  normalizeMetric,
  normalizeProcess,
  type ContainerRecord,
  type LogLineRecord,
  type MetricRecord,
  type PowerAction,
  type ProcessRecord,
} from './types.js';

/** By-id GETs in flight at once to this backend (no multi-get). */
const FAN_OUT = 16;

function unwrapOne(body: unknown): Record<string, unknown> {
  const b = (body ?? {}) as { container?: unknown; containers?: unknown };
  return (b.container ?? (Array.isArray(b.containers) ? b.containers[0] : undefined) ?? body ?? {}) as Record<string, unknown>;
}

/** The containers service (ComputeStacks): one method per endpoint, caller's token per call. */
export class ContainersClient {
  readonly http: BackendHttp;
  readonly fanOut = pLimit(FAN_OUT);

  constructor(options: Omit<BackendHttpOptions, 'backend'>, dispatcher?: Dispatcher) {
    this.http = new BackendHttp({ ...options, backend: 'containers' }, readComputeStacksError, (token) => ({ authorization: `Bearer ${token}` }), dispatcher);
  }

  /** The embedded service's documented list extension (the real API lists containers per project). */
  async list(
    call: CallContext,
    params: { page: number; perPage: number },
  ): Promise<{ containers: ContainerRecord[]; total: number | undefined; hasNext: boolean }> {
    const { body, headers } = await this.http.requestJson<{ containers?: Array<Record<string, unknown>> }>(
      {
        method: 'GET',
        path: '/api/containers',
        query: [
          ['page', String(params.page)],
          ['per_page', String(params.perPage)],
        ],
      },
      call,
    );
    const total = Number(headers.total);
    return {
      containers: (body?.containers ?? []).map(normalizeContainer),
      total: headers.total !== undefined && Number.isFinite(total) ? total : undefined,
      hasNext: typeof headers.link === 'string' && /rel="?next"?/.test(headers.link),
    };
  }

  async get(call: CallContext, id: number): Promise<ContainerRecord> {
    const { body } = await this.http.requestJson({ method: 'GET', path: `/api/containers/${id}` }, call);
    return normalizeContainer(unwrapOne(body));
  }

  /**
   * A PUT, but not idempotent in effect: a repeated "restart" restarts again, and a retry after
   * a reset cannot know whether the first one landed. Never retried.
   */
  async power(call: CallContext, id: number, action: PowerAction): Promise<void> {
    await this.http.requestJson({ method: 'PUT', path: `/api/containers/${id}/power/${action}`, retry: false }, call);
  }

  /** Newest first, as the API sends them. Times are epoch seconds upstream. */
  async logs(call: CallContext, id: number, params: { limit: number; periodStart?: number; periodEnd?: number }): Promise<LogLineRecord[]> {
    const query: Array<[string, string]> = [['limit', String(params.limit)]];
    if (params.periodStart !== undefined) query.push(['period_start', String(params.periodStart)]);
    if (params.periodEnd !== undefined) query.push(['period_end', String(params.periodEnd)]);
    const { body } = await this.http.requestJson<unknown>({ method: 'GET', path: `/api/containers/${id}/logs`, query }, call);
    return (Array.isArray(body) ? body : []).map(normalizeLogLine).filter((l): l is LogLineRecord => l !== null);
  }

  async processes(call: CallContext, id: number): Promise<ProcessRecord[]> {
    const { body } = await this.http.requestJson<unknown>({ method: 'GET', path: `/api/containers/${id}/container_processes` }, call);
    return (Array.isArray(body) ? body : []).filter((p): p is Record<string, unknown> => p !== null && typeof p === 'object').map(normalizeProcess);
  }

  async metrics(call: CallContext, id: number, kind: 'cpu' | 'memory'): Promise<MetricRecord[]> {
    const { body } = await this.http.requestJson<{ stats?: unknown[] }>({ method: 'GET', path: `/api/containers/${id}/metrics/${kind}` }, call);
    return (body?.stats ?? []).map(normalizeMetric).filter((m): m is MetricRecord => m !== null);
  }

  probe(): Promise<number> {
    return this.http.probe('/api/health');
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
