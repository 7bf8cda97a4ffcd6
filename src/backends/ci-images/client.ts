import pLimit from 'p-limit';
import type { Dispatcher } from 'undici';
import { BackendHttp } from '../http.js';
import type { ErrorBodyReader } from '../http/errors.js';
import type { BackendHttpOptions, CallContext } from '../http/types.js';
import { normalizeCiImage, type CiImageRecord } from './types.js';

/** Djinn's fixed page size: the list takes no per-page parameter. */
export const CI_PAGE_SIZE = 25;
/** By-id GETs in flight at once to this backend (it has no multi-get). */
const FAN_OUT = 16;
/** Djinn's disk image media type; only this Accept (or octet-stream) returns the bytes. */
export const QEMU_DISK_TYPE = 'application/x-qemu-disk';

/**
 * Djinn errors: `{"message": "..."}`, and validation as a field map
 * `{"name": ["Name is required"], "file": ["File not a valid QCOW file format"]}`.
 */
const readDjinnError: ErrorBodyReader = (_status, body) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  if (parsed === null || typeof parsed !== 'object') return {};
  const record = parsed as Record<string, unknown>;
  if (typeof record.message === 'string') return { message: record.message };
  const fields = Object.entries(record).flatMap(([field, messages]) =>
    (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === 'string').map((message) => ({ path: [field], message })),
  );
  return fields.length ? { message: fields.map((f) => f.message).join('; '), fields } : {};
};

/** `rel="next"`'s page number in Djinn's Link header (clamped to the page count upstream). */
function nextPage(link: unknown): number | undefined {
  if (typeof link !== 'string') return undefined;
  const match = /<[^>]*[?&]page=(\d+)[^>]*>;\s*rel="?next"?/.exec(link);
  return match ? Number(match[1]) : undefined;
}

export class CiImagesClient {
  readonly http: BackendHttp;
  readonly fanOut = pLimit(FAN_OUT);

  constructor(options: Omit<BackendHttpOptions, 'backend'>, dispatcher?: Dispatcher) {
    this.http = new BackendHttp({ ...options, backend: 'ciImages' }, readDjinnError, (token) => ({ authorization: `Bearer ${token}` }), dispatcher);
  }

  /** One page of 25, newest first; `hasNext` from the Link header (its next is clamped, so compare). */
  async list(call: CallContext, params: { page: number; search?: string }): Promise<{ images: CiImageRecord[]; hasNext: boolean }> {
    const query: Array<[string, string]> = [['page', String(params.page)]];
    if (params.search) query.push(['search', params.search]);
    const { body, headers } = await this.http.requestJson<unknown>({ method: 'GET', path: '/images', query }, call);
    const items = Array.isArray(body) ? body : [];
    const next = nextPage(headers.link);
    return {
      images: items.filter((i): i is Record<string, unknown> => i !== null && typeof i === 'object').map(normalizeCiImage),
      hasNext: next !== undefined ? next > params.page : items.length === CI_PAGE_SIZE,
    };
  }

  async get(call: CallContext, id: number): Promise<CiImageRecord> {
    const { body } = await this.http.requestJson<Record<string, unknown>>({ method: 'GET', path: `/images/${id}` }, call);
    return normalizeCiImage(body ?? {});
  }

  async delete(call: CallContext, id: number): Promise<void> {
    await this.http.requestJson({ method: 'DELETE', path: `/images/${id}` }, call);
  }

  /** Creates an image from a streamed body (never buffered). */
  async upload(
    call: CallContext,
    params: { name: string; namespace?: string },
    body: Dispatcher.DispatchOptions['body'],
    contentLength?: number,
  ): Promise<CiImageRecord> {
    const query: Array<[string, string]> = [['name', params.name]];
    if (params.namespace) query.push(['namespace', params.namespace]);
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', accept: 'application/json' };
    if (contentLength !== undefined) headers['content-length'] = String(contentLength);
    const response = await this.http.raw({ method: 'POST', path: this.http.pathFor('/images', query).slice(this.http.basePath.length), headers, body }, call);
    if (response.statusCode >= 300) throw await this.http.errorFrom(response);
    return normalizeCiImage((await response.body.json()) as Record<string, unknown>);
  }

  /** The image bytes: the raw response (200 or 206) for the caller to stream. */
  async download(call: CallContext, id: number, range?: string): Promise<Dispatcher.ResponseData> {
    const headers: Record<string, string> = { accept: QEMU_DISK_TYPE };
    if (range) headers.range = range;
    const response = await this.http.raw({ method: 'GET', path: `/images/${id}`, headers }, call);
    if (response.statusCode >= 300) throw await this.http.errorFrom(response);
    return response;
  }

  probe(): Promise<number> {
    return this.http.probe('/health');
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
