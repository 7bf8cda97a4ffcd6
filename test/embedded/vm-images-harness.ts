import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'undici';
import { startEmbedded, type EmbeddedServices } from '../../src/embedded/index.js';
import { VM_IMAGE_SEEDS } from '../../src/embedded/vm-images/seed.js';
import { tempDataDir, track } from '../helpers/leftovers.js';

export const TOKENS = { admin: 'a-tok', reader: 'r-tok', other: 'o-tok' } as const;
export type As = keyof typeof TOKENS | 'none' | 'bogus';

/** A seed image's id by slug (see src/embedded/vm-images/seed.ts); throws on a typo. */
export function seedId(slug: string): string {
  const seed = VM_IMAGE_SEEDS.find((entry) => entry.slug === slug);
  if (seed === undefined) throw new Error(`no seed image ${slug}`);
  return seed.id;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the response is JSON, else the text. */
  body: any;
  raw: Buffer;
}

export interface CallOptions {
  as?: As;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send `Accept: application/json` (default true, as the gateway does). */
  json?: boolean;
}

/** A running embedded VM image service and a tiny HTTP client for it. */
export interface VmImagesHarness {
  url: string;
  dataDir: string;
  services: EmbeddedServices;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  list(query?: string, as?: As): Promise<any[]>;
  /** Follows `next` links from `/v2/images?<query>` to the end; returns every page. */
  pages(query: string, as?: As): Promise<any[][]>;
  create(body: Record<string, unknown>, as?: As): Promise<any>;
  upload(id: string, data: Buffer, as?: As): Promise<Reply>;
  blobFiles(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startVmImages(options: { dataDir?: string; maxImageBytes?: number } = {}): Promise<VmImagesHarness> {
  const dataDir = options.dataDir ?? (await tempDataDir());
  const services = await startEmbedded({ dataDir, tokens: { ...TOKENS }, only: ['vmImages'], maxImageBytes: options.maxImageBytes });
  track(() => services.close());
  const url = services.urls.vmImages!;

  const call = async (method: string, path: string, opts: CallOptions = {}): Promise<Reply> => {
    const as = opts.as ?? 'admin';
    const headers: Record<string, string> = {};
    if (opts.json !== false) headers.accept = 'application/json';
    if (as === 'bogus') headers['x-auth-token'] = 'not-a-token';
    else if (as !== 'none') headers['x-auth-token'] = TOKENS[as];
    let body: string | Buffer | undefined;
    if (Buffer.isBuffer(opts.body) || typeof opts.body === 'string') body = opts.body;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    Object.assign(headers, opts.headers);
    const response = await request(`${url}${path}`, { method: method as 'GET', headers, body });
    const raw = Buffer.from(await response.body.arrayBuffer());
    const type = String(response.headers['content-type'] ?? '');
    const parsed = type.startsWith('application/json') && raw.length > 0 ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8');
    return { status: response.statusCode, headers: response.headers, body: parsed, raw };
  };

  const expectOk = (reply: Reply, status: number, what: string): void => {
    if (reply.status !== status) throw new Error(`${what}: expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  };

  const harness: VmImagesHarness = {
    url,
    dataDir,
    services,
    call,
    async list(query = '', as = 'admin') {
      const reply = await call('GET', `/v2/images${query === '' ? '' : `?${query}`}`, { as });
      expectOk(reply, 200, `list ${query}`);
      return reply.body.images;
    },
    async pages(query, as = 'admin') {
      const pages: any[][] = [];
      let path: string | undefined = `/v2/images?${query}`;
      while (path !== undefined) {
        const reply = await call('GET', path, { as });
        expectOk(reply, 200, `page ${path}`);
        pages.push(reply.body.images);
        path = reply.body.next;
        if (pages.length > 200) throw new Error('paging does not end');
      }
      return pages;
    },
    async create(body, as = 'admin') {
      const reply = await call('POST', '/v2/images', { as, body });
      expectOk(reply, 201, 'create');
      return reply.body;
    },
    upload(id, data, as = 'admin') {
      return call('PUT', `/v2/images/${id}/file`, { as, body: data, headers: { 'content-type': 'application/octet-stream' } });
    },
    async blobFiles() {
      return (await readdir(join(dataDir, 'blobs', 'vmImages'))).sort();
    },
    close: () => services.close(),
  };
  return harness;
}

/** Polls `check` until it returns a value other than undefined, failing after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const ids = (images: ReadonlyArray<Record<string, any>>): string[] => images.map((image) => String(image.id));
