import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmbeddedServices } from '../../src/embedded/index.js';
import { VM_IMAGE_SEEDS } from '../../src/embedded/vm-images/seed.js';
import { expectStatus, httpCaller, startService, type As, type CallOptions, type Reply } from './harness.js';

/** A seed image's id by slug (see src/embedded/vm-images/seed.ts); throws on a typo. */
export function seedId(slug: string): string {
  const seed = VM_IMAGE_SEEDS.find((entry) => entry.slug === slug);
  if (seed === undefined) throw new Error(`no seed image ${slug}`);
  return seed.id;
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
  const { url, dataDir, services } = await startService('vmImages', options);
  // Glance takes the token in X-Auth-Token, not Authorization.
  const call = httpCaller(url, (token) => ({ 'x-auth-token': token }));

  const harness: VmImagesHarness = {
    url,
    dataDir,
    services,
    call,
    async list(query = '', as = 'admin') {
      const reply = await call('GET', `/v2/images${query === '' ? '' : `?${query}`}`, { as });
      expectStatus(reply, 200, `list ${query}`);
      return reply.body.images;
    },
    async pages(query, as = 'admin') {
      const pages: any[][] = [];
      let path: string | undefined = `/v2/images?${query}`;
      while (path !== undefined) {
        const reply = await call('GET', path, { as });
        expectStatus(reply, 200, `page ${path}`);
        pages.push(reply.body.images);
        path = reply.body.next;
        if (pages.length > 200) throw new Error('paging does not end');
      }
      return pages;
    },
    async create(body, as = 'admin') {
      const reply = await call('POST', '/v2/images', { as, body });
      expectStatus(reply, 201, 'create');
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

export const ids = (images: ReadonlyArray<Record<string, any>>): string[] => images.map((image) => String(image.id));
