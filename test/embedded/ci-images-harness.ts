import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CI_IMAGE_SEEDS, type CiImageSeed } from '../../src/embedded/ci-images/seed.js';
import type { EmbeddedServices } from '../../src/embedded/index.js';
import { buildQcow2Header } from '../../src/embedded/qcow2.js';
import { expectStatus, httpCaller, startService, type As, type CallOptions, type Reply } from './harness.js';

/** A seed image by id (see src/embedded/ci-images/seed.ts). */
export function seed(id: number): CiImageSeed {
  const found = CI_IMAGE_SEEDS.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no seed image ${id}`);
  return found;
}

/** The id of the seed image `name` of `userId` in `namespace` (null: none); throws on a typo. */
export function seedId(name: string, userId: number, namespace: string | null = null): number {
  const found = CI_IMAGE_SEEDS.find((entry) => entry.name === name && entry.userId === userId && entry.namespace === namespace);
  if (found === undefined) throw new Error(`no seed image ${name} of user ${userId} in ${namespace}`);
  return found.id;
}

/** A small QCOW2 v3 file: a header for a 10 GiB disk, then `kib` KiB of random data. */
export function qcow2File(kib = 8): Buffer {
  const data = randomBytes(kib * 1024);
  buildQcow2Header(10 * 1024 ** 3).copy(data, 0);
  return data;
}

/** `Link` header -> { prev, next } URLs; throws unless it is exactly Djinn's two-part value. */
export function parseLink(header: unknown): { prev: string; next: string } {
  const match = /^<([^>]+)>; rel="prev", <([^>]+)>; rel="next"$/.exec(String(header));
  if (match === null) throw new Error(`malformed Link: ${String(header)}`);
  return { prev: match[1]!, next: match[2]! };
}

const OCTETS = { 'content-type': 'application/octet-stream' };

/** What a store holds, to show that a refused request left nothing behind. */
export interface Snapshot {
  /** Image ids admin and other can list. */
  admin: number[];
  other: number[];
  blobs: string[];
}

/** A running embedded CI image service and a tiny HTTP client for it. */
export interface CiImagesHarness {
  url: string;
  dataDir: string;
  services: EmbeddedServices;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  /** One page of GET /images?<query>: the bare array and the reply (for its Link header). */
  page(query?: string, as?: As): Promise<{ images: any[]; reply: Reply }>;
  /** Follows `rel="next"` from page 1 until it points back at a page already read; every image once. */
  all(query?: string, as?: As): Promise<any[]>;
  /** POST /images?<query> with `data` as application/octet-stream. */
  upload(query: string, data: Buffer | string, as?: As, headers?: Record<string, string>): Promise<Reply>;
  /** `upload`, expecting 201; returns the image. */
  create(name: string, data?: Buffer, options?: { namespace?: string; as?: As }): Promise<any>;
  show(id: number, as?: As): Promise<Reply>;
  /** GET /images/{id} with `Accept: application/x-qemu-disk` (and any other headers). */
  download(id: number, as?: As, headers?: Record<string, string>): Promise<Reply>;
  blobFiles(): Promise<string[]>;
  snapshot(): Promise<Snapshot>;
  /** Asserts that the lists and the blob directory are exactly as in `before`. */
  expectUnchanged(before: Snapshot): Promise<void>;
  close(): Promise<void>;
}

/** A CI image service (Djinn CI) on a data dir; its tokens are harness.ts's TOKENS. */
export async function startCiImages(options: { dataDir?: string; maxImageBytes?: number } = {}): Promise<CiImagesHarness> {
  const { url, dataDir, services } = await startService('ciImages', options);
  return ciImagesHarness(url, dataDir, services);
}

/** The harness over a CI image service already listening at `url` (`services` may be a stand-in). */
export function ciImagesHarness(url: string, dataDir: string, services: EmbeddedServices): CiImagesHarness {
  const call = httpCaller(url, (token) => ({ authorization: `Bearer ${token}` }));
  const page = async (query = '', as: As = 'admin') => {
    const reply = await call('GET', `/images${query === '' ? '' : `?${query}`}`, { as });
    expectStatus(reply, 200, `list ${query}`);
    return { images: reply.body as any[], reply };
  };
  const all = async (query = '', as: As = 'admin') => {
    const images: any[] = [];
    for (let page = 1; ; ) {
      if (page > 50) throw new Error('paging does not end');
      const reply = await call('GET', `/images?${query === '' ? '' : `${query}&`}page=${page}`, { as });
      expectStatus(reply, 200, `page ${page} of ${query}`);
      images.push(...reply.body);
      const next = Number(new URL(parseLink(reply.headers.link).next).searchParams.get('page'));
      if (next <= page) return images;
      page = next;
    }
  };
  const blobFiles = async () => (await readdir(join(dataDir, 'blobs', 'ciImages'))).sort();
  const snapshot = async (): Promise<Snapshot> => ({
    admin: (await all('', 'admin')).map((image) => image.id),
    other: (await all('', 'other')).map((image) => image.id),
    blobs: await blobFiles(),
  });
  const upload = (query: string, data: Buffer | string, as: As = 'admin', headers: Record<string, string> = OCTETS) =>
    call('POST', `/images?${query}`, { as, body: data, headers });
  return {
    url,
    dataDir,
    services,
    call,
    page,
    all,
    upload,
    async create(name, data = qcow2File(), opts = {}) {
      const query = new URLSearchParams({ name, ...(opts.namespace === undefined ? {} : { namespace: opts.namespace }) });
      const reply = await upload(query.toString(), data, opts.as);
      expectStatus(reply, 201, `create ${name}`);
      return reply.body;
    },
    show: (id, as = 'admin') => call('GET', `/images/${id}`, { as }),
    download: (id, as = 'admin', headers = {}) => call('GET', `/images/${id}`, { as, json: false, headers: { accept: 'application/x-qemu-disk', ...headers } }),
    blobFiles,
    snapshot,
    async expectUnchanged(before) {
      expect(await snapshot()).toEqual(before);
    },
    close: () => services.close(),
  };
}
