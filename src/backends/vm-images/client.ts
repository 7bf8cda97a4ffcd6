import type { Dispatcher } from 'undici';
import { BackendHttp } from '../http.js';
import type { ErrorBodyReader } from '../http/errors.js';
import type { BackendHttpOptions, CallContext, QueryParams } from '../http/types.js';
import { normalizeImage, type VmImageCreateBody, type VmImageListParams, type VmImagePatchOp, type VmImageRecord } from './types.js';

/** Glance's JSON Patch media type; any other Content-Type on PATCH is a 415. */
const GLANCE_PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';

/** Most ids one `id=in:` list call carries, so the URL stays well under common limits. */
export const MAX_IDS_PER_CALL = 100;

/**
 * Glance sends `{"message": "...<br /><br />\n\n", "code": "404 Not Found", "title": ...}` for
 * JSON, and an HTML page otherwise, which is never read (only a JSON body's message may reach a
 * client: see guardedReader in ../http/errors.ts).
 */
export const readGlanceError: ErrorBodyReader = (_status, body) => {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } };
    const message = parsed.message ?? parsed.error?.message;
    return typeof message === 'string' ? { message } : {};
  } catch {
    return {};
  }
};

function quoteInValue(value: string): string {
  return /[,"]/.test(value) ? `"${value.replace(/"/g, '\\"')}"` : value;
}

function listQuery(params: VmImageListParams): QueryParams {
  const q: Array<[string, string]> = [];
  if (params.limit !== undefined) q.push(['limit', String(params.limit)]);
  if (params.marker) q.push(['marker', params.marker]);
  if (params.ids?.length) q.push(['id', `in:${params.ids.join(',')}`]);
  // Glance's `in:` splits on commas; a name with a comma or quote must be quoted.
  if (params.names?.length) q.push(['name', `in:${params.names.map(quoteInValue).join(',')}`]);
  // `eq:` makes the name a literal: Glance reads `a:b` as operator `a` (400) and `eq:x` as x.
  else if (params.name !== undefined) q.push(['name', `eq:${params.name}`]);
  if (params.owner) q.push(['owner', params.owner]);
  if (params.protected !== undefined) q.push(['protected', String(params.protected)]);
  if (params.status) q.push(['status', params.status]);
  for (const tag of params.tags ?? []) q.push(['tag', tag]);
  if (params.visibility) q.push(['visibility', params.visibility]);
  if (params.osHidden !== undefined) q.push(['os_hidden', String(params.osHidden)]);
  if (params.memberStatus) q.push(['member_status', params.memberStatus]);
  if (params.sizeMin !== undefined) q.push(['size_min', String(params.sizeMin)]);
  if (params.sizeMax !== undefined) q.push(['size_max', String(params.sizeMax)]);
  if (params.createdAt) q.push(['created_at', `${params.createdAt.op}:${params.createdAt.value}`]);
  if (params.updatedAt) q.push(['updated_at', `${params.updatedAt.op}:${params.updatedAt.value}`]);
  if (params.sort?.length) q.push(['sort', params.sort.map(([key, dir]) => `${key}:${dir}`).join(',')]);
  for (const { name, value } of params.properties ?? []) q.push([name, value]);
  return q;
}

/** The VM image service (Glance v2): one method per endpoint, the caller's token per call. */
export class VmImagesClient {
  readonly http: BackendHttp;

  constructor(options: Omit<BackendHttpOptions, 'backend'>, dispatcher?: Dispatcher) {
    this.http = new BackendHttp({ ...options, backend: 'vmImages' }, readGlanceError, VmImagesClient.authHeaders, dispatcher);
  }

  /** Glance's own credential header. */
  static authHeaders(token: string): Record<string, string> {
    return { 'x-auth-token': token };
  }

  async list(call: CallContext, params: VmImageListParams): Promise<{ images: VmImageRecord[]; hasNext: boolean }> {
    const { body } = await this.http.requestJson<{ images?: Array<Record<string, unknown>>; next?: string }>(
      {
        method: 'GET',
        path: '/v2/images',
        query: listQuery(params),
      },
      call,
    );
    return { images: (body?.images ?? []).map(normalizeImage), hasNext: typeof body?.next === 'string' };
  }

  async get(call: CallContext, id: string): Promise<VmImageRecord> {
    const { body } = await this.http.requestJson<Record<string, unknown>>(
      {
        method: 'GET',
        path: `/v2/images/${encodeURIComponent(id)}`,
      },
      call,
    );
    return normalizeImage(body);
  }

  async create(call: CallContext, input: VmImageCreateBody): Promise<VmImageRecord> {
    const { body } = await this.http.requestJson<Record<string, unknown>>(
      {
        method: 'POST',
        path: '/v2/images',
        json: input,
      },
      call,
    );
    return normalizeImage(body);
  }

  async update(call: CallContext, id: string, ops: VmImagePatchOp[]): Promise<VmImageRecord> {
    const { body } = await this.http.requestJson<Record<string, unknown>>(
      {
        method: 'PATCH',
        path: `/v2/images/${encodeURIComponent(id)}`,
        json: ops,
        contentType: GLANCE_PATCH_TYPE,
      },
      call,
    );
    return normalizeImage(body);
  }

  async delete(call: CallContext, id: string): Promise<void> {
    await this.http.requestJson({ method: 'DELETE', path: `/v2/images/${encodeURIComponent(id)}` }, call);
  }

  async deactivate(call: CallContext, id: string): Promise<void> {
    await this.http.requestJson(
      {
        method: 'POST',
        path: `/v2/images/${encodeURIComponent(id)}/actions/deactivate`,
      },
      call,
    );
  }

  async reactivate(call: CallContext, id: string): Promise<void> {
    await this.http.requestJson(
      {
        method: 'POST',
        path: `/v2/images/${encodeURIComponent(id)}/actions/reactivate`,
      },
      call,
    );
  }

  /** Image data upload; `body` is streamed through, never buffered. */
  async uploadData(call: CallContext, id: string, body: Dispatcher.DispatchOptions['body'], contentLength?: number): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', accept: 'application/json' };
    if (contentLength !== undefined) headers['content-length'] = String(contentLength);
    const response = await this.http.raw({ method: 'PUT', path: `/v2/images/${encodeURIComponent(id)}/file`, headers, body }, call);
    if (response.statusCode >= 300) throw await this.http.errorFrom(response);
    await response.body.dump();
  }

  /** Image data download: the raw response (200, 206 or 204) for the caller to stream. */
  async downloadData(call: CallContext, id: string, range?: string): Promise<Dispatcher.ResponseData> {
    const headers: Record<string, string> = { accept: 'application/json, application/octet-stream' };
    if (range) headers.range = range;
    const response = await this.http.raw({ method: 'GET', path: `/v2/images/${encodeURIComponent(id)}/file`, headers }, call);
    if (response.statusCode >= 300) throw await this.http.errorFrom(response);
    return response;
  }

  /** Readiness probe: the unauthenticated versions document. Any answer below 500 is "up". */
  probe(): Promise<number> {
    return this.http.probe('/versions');
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
