import pLimit from 'p-limit';
import type { Dispatcher } from 'undici';
import { BackendHttp } from '../http.js';
import { BackendError, cleanMessage, type ErrorBodyReader } from '../http/errors.js';
import type { BackendHttpOptions, CallContext } from '../http/types.js';
import { normalizeContainerImage, type ContainerImageListParams, type ContainerImageRecord, type ContainerImageWriteBody } from './types.js';

/** By-id GETs in flight at once to this backend. */
const FAN_OUT = 16;

/** The API's own largest page; asking for more gets this many. */
export const MAX_PER_PAGE = 100;

/** Rails' human attribute names, longest first, so "Role class …" is not read as "Role …". */
const ATTRIBUTES: Array<[string, string]> = (
  [
    ['Registry image path', 'registry_image_path'],
    ['Registry image tag', 'registry_image_tag'],
    ['Registry custom', 'registry_custom'],
    ['Container image provider', 'container_image_provider_id'],
    ['Required container', 'required_containers'],
    ['Dependency cycle', 'required_containers'],
    ['Role class', 'role_class'],
    ['Min memory', 'min_memory'],
    ['Min cpu', 'min_cpu'],
    ['Description', 'description'],
    ['Category', 'role_class'],
    ['Label', 'label'],
    ['Role', 'role'],
    ['Name', 'name'],
  ] as Array<[string, string]>
).sort((a, b) => b[0].length - a[0].length);

function fieldOf(message: string): string | undefined {
  return ATTRIBUTES.find(([human]) => message.toLowerCase().startsWith(human.toLowerCase()))?.[1];
}

/**
 * ComputeStacks errors: `{"errors": ["Label can't be blank", …]}`, `{"errors": "a string"}` (a
 * refused delete), or an empty body (401, 403, 404). Field names come from Rails' messages.
 */
export const readComputeStacksError: ErrorBodyReader = (_status, body) => {
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    return {};
  }
  const errors = (parsed as { errors?: unknown } | undefined)?.errors;
  const messages = typeof errors === 'string' ? [errors] : Array.isArray(errors) ? errors.filter((e): e is string => typeof e === 'string') : [];
  if (messages.length === 0) return {};
  const fields = messages.flatMap((message) => {
    const field = fieldOf(message);
    return field ? [{ path: [field], message }] : [];
  });
  return { message: messages.join('; '), fields };
};

function parseLinkNext(link: unknown): boolean {
  return typeof link === 'string' && /rel="?next"?/.test(link);
}

function unwrapOne(body: unknown): Record<string, unknown> {
  const b = (body ?? {}) as { container_image?: unknown; container_images?: unknown };
  const one = b.container_image ?? (Array.isArray(b.container_images) ? b.container_images[0] : undefined) ?? body;
  return (one ?? {}) as Record<string, unknown>;
}

/**
 * Normalised catalogue pages by the parsed body they came from. A page the backend confirmed
 * with a 304 comes back as the very body kept for revalidation (see revalidation.ts), so it is
 * not normalised again. Shared by every caller of that credential and page: frozen, read-only.
 */
const normalizedPages = new WeakMap<object, readonly ContainerImageRecord[]>();

function normalizedPage(body: { container_images?: Array<Record<string, unknown>> } | undefined): readonly ContainerImageRecord[] {
  if (!body) return [];
  let images = normalizedPages.get(body);
  if (!images) {
    images = Object.freeze((body.container_images ?? []).map((raw) => Object.freeze(normalizeContainerImage(raw))));
    normalizedPages.set(body, images);
  }
  return images;
}

export interface ContainerImagePage {
  images: readonly ContainerImageRecord[];
  /** From the `Total` header, when the API sends it. */
  total: number | undefined;
  hasNext: boolean;
}

/** The container image catalogue (ComputeStacks): one method per endpoint, caller's token per call. */
export class ContainerImagesClient {
  readonly http: BackendHttp;
  /**
   * Bound on by-id GETs in flight to this backend, across all requests: the API has no
   * multi-get, and a burst of lookups must not crowd out everyone else's calls.
   */
  readonly fanOut = pLimit(FAN_OUT);

  constructor(options: Omit<BackendHttpOptions, 'backend'>, dispatcher?: Dispatcher) {
    this.http = new BackendHttp(
      { ...options, backend: 'containerImages' },
      readComputeStacksError,
      (token) => ({ authorization: `Bearer ${token}` }),
      dispatcher,
    );
  }

  async list(call: CallContext, params: ContainerImageListParams): Promise<ContainerImagePage> {
    const query: Array<[string, string]> = [
      ['page', String(params.page)],
      ['per_page', String(params.perPage)],
    ];
    if (params.filter) query.push(['filter', params.filter]);
    if (params.byname) query.push(['byname', params.byname]);
    const { body, headers } = await this.http.requestJson<{ container_images?: Array<Record<string, unknown>> }>(
      { method: 'GET', path: '/api/container_images', query },
      call,
    );
    const total = Number(headers.total);
    return {
      images: normalizedPage(body),
      total: Number.isFinite(total) && headers.total !== undefined ? total : undefined,
      hasNext: parseLinkNext(headers.link),
    };
  }

  async get(call: CallContext, id: number): Promise<ContainerImageRecord> {
    const { body } = await this.http.requestJson({ method: 'GET', path: `/api/container_images/${id}` }, call);
    return normalizeContainerImage(unwrapOne(body));
  }

  async create(call: CallContext, image: ContainerImageWriteBody): Promise<ContainerImageRecord> {
    const { body } = await this.http.requestJson({ method: 'POST', path: '/api/container_images', json: { container_image: image } }, call);
    return normalizeContainerImage(unwrapOne(body));
  }

  async update(call: CallContext, id: number, image: ContainerImageWriteBody): Promise<ContainerImageRecord> {
    const { body } = await this.http.requestJson({ method: 'PATCH', path: `/api/container_images/${id}`, json: { container_image: image } }, call);
    return normalizeContainerImage(unwrapOne(body));
  }

  /**
   * ComputeStacks refuses to destroy an image that others require with a 500 whose `errors`
   * is a string; that one case is a conflict, not an outage, and its message is kept.
   */
  async delete(call: CallContext, id: number): Promise<void> {
    // Its 500 is usually that refusal, an answer rather than an outage: keep it off the breaker.
    const response = await this.http.raw({ method: 'DELETE', path: `/api/container_images/${id}`, headers: { accept: 'application/json' } }, call, {
      isOutage: (status) => status > 500,
    });
    if (response.statusCode < 300) {
      await response.body.dump();
      return;
    }
    if (response.statusCode === 500) {
      let refusal: unknown;
      try {
        refusal = ((await response.body.json()) as { errors?: unknown }).errors;
      } catch {
        refusal = undefined;
      }
      if (typeof refusal === 'string') throw new BackendError('containerImages', 500, 'CONFLICT', cleanMessage(refusal));
      throw new BackendError('containerImages', 500, 'UPSTREAM_UNAVAILABLE', 'A backend service is unavailable.');
    }
    throw await this.http.errorFrom(response);
  }

  /** Readiness probe: the unauthenticated health document. Any answer below 500 is "up". */
  probe(): Promise<number> {
    return this.http.probe('/api/health');
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
