import { request } from 'undici';
import type { BackendKey } from '../../src/backend-keys.js';
import { startEmbedded, type EmbeddedServices } from '../../src/embedded/index.js';
import { tempDataDir, track } from '../helpers/leftovers.js';

/** The embedded principals' tokens in every REST-level test. */
export const TOKENS = { admin: 'a-tok', reader: 'r-tok', other: 'o-tok' } as const;
/** Who calls: a principal, no credentials at all, or a token no principal has. */
export type As = keyof typeof TOKENS | 'none' | 'bogus';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the response is JSON, else the text. */
  body: any;
  raw: Buffer;
}

export interface CallOptions {
  /** @default 'admin' */
  as?: As;
  /** A Buffer or string goes as is; anything else as JSON with `Content-Type: application/json`. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Send `Accept: application/json`. @default true */
  json?: boolean;
}

export type Call = (method: string, path: string, options?: CallOptions) => Promise<Reply>;

/** How a service expects a token, e.g. `(token) => ({ 'x-auth-token': token })`. */
export type AuthHeaders = (token: string) => Record<string, string>;

/** One embedded service started alone on a data dir, stopped after the file's tests. */
export interface StartedService {
  url: string;
  dataDir: string;
  services: EmbeddedServices;
}

export async function startService(key: BackendKey, options: { dataDir?: string; maxImageBytes?: number; clock?: () => number } = {}): Promise<StartedService> {
  const dataDir = options.dataDir ?? (await tempDataDir());
  const services = await startEmbedded({ dataDir, tokens: { ...TOKENS }, only: [key], maxImageBytes: options.maxImageBytes, clock: options.clock });
  track(() => services.close());
  const url = services.urls[key];
  if (url === undefined) throw new Error(`embedded service ${key} did not start`);
  return { url, dataDir, services };
}

/** A tiny undici client for `url` that authenticates as the caller asks. */
export function httpCaller(url: string, authHeaders: AuthHeaders): Call {
  return async (method, path, opts = {}) => {
    const as = opts.as ?? 'admin';
    const headers: Record<string, string> = {};
    if (opts.json !== false) headers.accept = 'application/json';
    if (as === 'bogus') Object.assign(headers, authHeaders('not-a-token'));
    else if (as !== 'none') Object.assign(headers, authHeaders(TOKENS[as]));
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
}

/** Throws with the body when a setup call does not answer `status`. */
export function expectStatus(reply: Reply, status: number, what: string): void {
  if (reply.status !== status) throw new Error(`${what}: expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
}
