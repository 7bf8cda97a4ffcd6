import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { JsonResponse } from './types.js';

/**
 * Conditional GETs (RFC 9110 §13.1.2) for backends that tag their JSON answers: a Rails API
 * such as ComputeStacks does by default (Rack::ETag and Rack::ConditionalGet). The parsed
 * answer is kept with its ETag; the next identical GET is sent with `If-None-Match`, and a 304
 * is answered from the copy, so the same bytes are not sent, parsed and normalised again (the
 * N+1 benchmark's catalogue scan reads 190 KB a request). Nothing is served that the backend
 * has not just confirmed: every request still makes its call, and only the body is saved.
 *
 * Keyed like the in-flight sharing, by credential digest and path, so one caller never gets
 * what another may see. Bounded by the JSON bytes kept (GANTRY_UPSTREAM_REVALIDATION_BYTES,
 * per backend; least recently used go first). What is kept is deep-frozen: the same objects
 * answer every caller of that credential and path.
 *
 * A backend that has never sent an ETag (Glance does not) has nothing to revalidate, and the
 * client skips the cache, and the credential digest its key needs, until its first tagged answer
 * (`active`, `tags`): that digest is most of a small call's own cost.
 */
export interface Validated {
  etag: string;
  response: JsonResponse<unknown>;
}

export class RevalidationCache {
  private readonly entries: LRUCache<string, Validated & { bytes: number }> | undefined;
  /** Set by the backend's first tagged answer: from then on every GET looks here first. */
  private tagged = false;

  constructor(maxBytes: number) {
    this.entries = maxBytes > 0 ? new LRUCache({ maxSize: maxBytes, sizeCalculation: (entry) => Math.max(1, entry.bytes) }) : undefined;
  }

  /** Worth a lookup: on, and the backend has tagged an answer before. */
  get active(): boolean {
    return this.tagged;
  }

  /** `headers` carry an ETag this cache would keep the answer under (so it should be offered). */
  tags(headers: JsonResponse<unknown>['headers']): boolean {
    return this.entries !== undefined && typeof headers.etag === 'string' && headers.etag !== '';
  }

  get(key: string): Validated | undefined {
    return this.entries?.get(key);
  }

  /** Keeps `response` under `key` when it carries a strong or weak ETag and fits; forgets the key otherwise. */
  remember(key: string, response: JsonResponse<unknown>, bytes: number): void {
    if (!this.entries) return;
    const etag = response.headers.etag;
    if (typeof etag !== 'string' || etag === '' || bytes > (this.entries.maxSize ?? 0)) {
      this.entries.delete(key);
      return;
    }
    this.tagged = true;
    // Every caller of this credential and path will get these very objects: frozen, so a
    // mutation anywhere throws (ESM code is strict) instead of changing another request's answer.
    deepFreeze(response.body);
    this.entries.set(key, { etag, response, bytes });
  }

  forget(key: string): void {
    this.entries?.delete(key);
  }
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/**
 * A GET's key in the revalidation cache: a digest of the credential (kept answers outlive the
 * request, the token must not) and the path. Computed at most once, and only when the cache is
 * consulted (see `active`).
 */
export function validationKey(token: string, path: string): () => string {
  let key: string | undefined;
  return () => {
    key ??= `${createHash('sha256').update(token).digest('base64')} ${path}`;
    return key;
  };
}

/**
 * A 304's answer: the kept body under the headers the 304 brings (RFC 9111 §4.3.4: a page's
 * Total or Link can change while its body does not).
 */
export function notModified<T>(kept: Validated, headers: JsonResponse<unknown>['headers']): JsonResponse<T> {
  const { 'content-length': _length, ...fresh } = headers;
  return { ...kept.response, headers: { ...kept.response.headers, ...fresh } } as JsonResponse<T>;
}
