import pLimit from 'p-limit';
import type { Dispatcher } from 'undici';
import { BackendHttp } from '../http.js';
import type { ErrorBodyReader } from '../http/errors.js';
import type { BackendHttpOptions, CallContext } from '../http/types.js';
import { obj, str } from '../raw-values.js';
import {
  normalizeGpuModel,
  normalizeRevision,
  normalizeServerlessContainer,
  readPage,
  type GpuModelRecord,
  type QuasarchPage,
  type RevisionRecord,
  type ServerlessContainerRecord,
} from './types.js';

/**
 * Quasarch errors: `{"error": "message"}`, and for validation `{"error": "data validation
 * error", "fields": {"<field>": "message"}}`; field keys are the request's JSON names.
 */
const readQuasarchError: ErrorBodyReader = (_status, body) => {
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    return {};
  }
  const error = obj(parsed);
  if (!error) return {};
  const fields = Object.entries(obj(error.fields) ?? {})
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([field, message]) => ({ path: [field], message }));
  const message = str(error.error) ?? str(error.message) ?? undefined;
  const detail = fields.length ? `${message ?? 'Invalid input'}: ${fields.map((f) => `${f.path[0]} ${f.message}`).join('; ')}` : message;
  return { ...(detail ? { message: detail } : {}), fields };
};

/** The body of a create or update: the request's JSON names, only the fields given. */
export interface ServerlessWriteBody {
  name?: string;
  image?: string;
  cpu?: number;
  ram?: string;
  gpu?: number;
  ephemeralStorage?: string;
  command?: string | null;
  arguments?: string[] | null;
  env?: Record<string, string>;
  port?: string;
  desiredGPUs?: string[] | null;
}

const paging = (page: number, rows: number): Array<[string, string]> => [
  ['page', String(page)],
  ['rows', String(rows)],
];

/** The serverless container service (Quasarch): one method per endpoint, caller's token per call. */
export class ServerlessClient {
  readonly http: BackendHttp;
  /** By-id GETs in flight at once to this backend (no multi-get). */
  readonly fanOut = pLimit(16);

  constructor(options: Omit<BackendHttpOptions, 'backend'>, dispatcher?: Dispatcher) {
    this.http = new BackendHttp({ ...options, backend: 'serverless' }, readQuasarchError, (token) => ({ authorization: `Bearer ${token}` }), dispatcher);
  }

  /** The caller's containers, one page (pages count from 1). */
  async list(call: CallContext, page: number, rows: number): Promise<QuasarchPage<ServerlessContainerRecord>> {
    const { body } = await this.http.requestJson<unknown>({ method: 'GET', path: '/v1/containers', query: paging(page, rows) }, call);
    return readPage(body, normalizeServerlessContainer, page, rows);
  }

  async get(call: CallContext, id: string): Promise<ServerlessContainerRecord> {
    const { body } = await this.http.requestJson<unknown>({ method: 'GET', path: `/v1/containers/${encodeURIComponent(id)}` }, call);
    return normalizeServerlessContainer(obj(body) ?? {});
  }

  async create(call: CallContext, body: ServerlessWriteBody): Promise<ServerlessContainerRecord> {
    const response = await this.http.requestJson<unknown>({ method: 'POST', path: '/v1/containers', json: body }, call);
    return normalizeServerlessContainer(obj(response.body) ?? {});
  }

  async update(call: CallContext, id: string, body: ServerlessWriteBody): Promise<ServerlessContainerRecord> {
    const response = await this.http.requestJson<unknown>({ method: 'PUT', path: `/v1/containers/${encodeURIComponent(id)}`, json: body }, call);
    return normalizeServerlessContainer(obj(response.body) ?? {});
  }

  async delete(call: CallContext, id: string): Promise<void> {
    await this.http.requestJson({ method: 'DELETE', path: `/v1/containers/${encodeURIComponent(id)}` }, call);
  }

  /** Newest (highest number) first, as the API sends them. */
  async revisions(call: CallContext, id: string, page: number, rows: number): Promise<QuasarchPage<RevisionRecord>> {
    const { body } = await this.http.requestJson<unknown>(
      { method: 'GET', path: `/v1/containers/${encodeURIComponent(id)}/revisions`, query: paging(page, rows) },
      call,
    );
    return readPage(body, (raw) => normalizeRevision(raw, id), page, rows);
  }

  async gpuModels(call: CallContext, page: number, rows: number): Promise<QuasarchPage<GpuModelRecord>> {
    const { body } = await this.http.requestJson<unknown>({ method: 'GET', path: '/v1/gpu-models', query: paging(page, rows) }, call);
    return readPage(body, normalizeGpuModel, page, rows);
  }

  /** Readiness probe: the service has no health route, so an unauthenticated list; any answer below 500 is "up". */
  probe(): Promise<number> {
    return this.http.probe('/v1/gpu-models');
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
