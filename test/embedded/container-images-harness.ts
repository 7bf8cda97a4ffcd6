import type { EmbeddedServices } from '../../src/embedded/index.js';
import { CONTAINER_IMAGE_SEEDS, type ContainerImageSeed } from '../../src/embedded/container-images/seed.js';
import { expectStatus, httpCaller, startService, type As, type CallOptions, type Reply } from './harness.js';

/** A seed image by name (see src/embedded/container-images/seed*.ts); throws on a typo. */
function seed(name: string): ContainerImageSeed {
  const found = CONTAINER_IMAGE_SEEDS.find((entry) => entry.name === name);
  if (found === undefined) throw new Error(`no seed image ${name}`);
  return found;
}

export const seedId = (name: string): number => seed(name).id;

/** The smallest body ComputeStacks accepts for a new image, plus `overrides`. */
export function newImage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { label: 'My App', role: 'node', role_class: 'web', registry_image_path: 'acme/my-app', registry_image_tag: '1.0.0', ...overrides };
}

/** `Link` header -> { first, prev, next, last } URLs. */
export function parseLink(header: unknown): Record<string, string> {
  if (typeof header !== 'string') return {};
  const links: Record<string, string> = {};
  for (const part of header.split(', ')) {
    const match = /^<([^>]+)>; rel="(\w+)"$/.exec(part);
    if (match === null) throw new Error(`malformed Link part: ${part}`);
    links[match[2]!] = match[1]!;
  }
  return links;
}

/** A running embedded container image service and a tiny HTTP client for it. */
export interface ContainerImagesHarness {
  url: string;
  dataDir: string;
  services: EmbeddedServices;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  /** One page: the images and the reply (for its paging headers). */
  page(query?: string, as?: As): Promise<{ images: any[]; reply: Reply }>;
  /** Follows `Link: rel="next"` from `/api/container_images?<query>` to the end; every image once. */
  all(query?: string, as?: As): Promise<any[]>;
  /** `Total` of a list query. */
  total(query?: string, as?: As): Promise<number>;
  show(id: number, as?: As): Promise<any>;
  /** POST `{container_image: attributes}`, expecting 201; returns the image. */
  create(attributes: Record<string, unknown>, as?: As): Promise<any>;
  /** PATCH (or PUT) `{container_image: attributes}`, expecting 202; returns the image. */
  update(id: number, attributes: Record<string, unknown>, as?: As, method?: 'PATCH' | 'PUT'): Promise<any>;
  close(): Promise<void>;
}

export async function startContainerImages(options: { dataDir?: string } = {}): Promise<ContainerImagesHarness> {
  const { url, dataDir, services } = await startService('containerImages', options);
  const call = httpCaller(url, (token) => ({ authorization: `Bearer ${token}` }));

  const page = async (query = '', as: As = 'admin') => {
    const reply = await call('GET', `/api/container_images${query === '' ? '' : `?${query}`}`, { as });
    expectStatus(reply, 200, `list ${query}`);
    return { images: reply.body.container_images as any[], reply };
  };

  return {
    url,
    dataDir,
    services,
    call,
    page,
    async all(query = 'per_page=100', as = 'admin') {
      const images: any[] = [];
      let next: string | undefined = `${url}/api/container_images?${query}`;
      for (let pages = 0; next !== undefined; pages++) {
        if (pages > 100) throw new Error('paging does not end');
        const reply = await call('GET', next.slice(url.length), { as });
        expectStatus(reply, 200, `page ${next}`);
        images.push(...reply.body.container_images);
        next = parseLink(reply.headers.link).next;
      }
      return images;
    },
    async total(query = '', as = 'admin') {
      return Number((await page(query, as)).reply.headers.total);
    },
    async show(id, as = 'admin') {
      const reply = await call('GET', `/api/container_images/${id}`, { as });
      expectStatus(reply, 200, `show ${id}`);
      return reply.body.container_image;
    },
    async create(attributes, as = 'admin') {
      const reply = await call('POST', '/api/container_images', { as, body: { container_image: attributes } });
      expectStatus(reply, 201, 'create');
      return reply.body.container_image;
    },
    async update(id, attributes, as = 'admin', method = 'PATCH') {
      const reply = await call(method, `/api/container_images/${id}`, { as, body: { container_image: attributes } });
      expectStatus(reply, 202, `update ${id}`);
      return reply.body.container_image;
    },
    close: () => services.close(),
  };
}
