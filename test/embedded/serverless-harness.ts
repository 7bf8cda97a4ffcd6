import type { EmbeddedServices } from '../../src/embedded/index.js';
import { SERVERLESS_SEEDS, type ServerlessSeed } from '../../src/embedded/serverless/seed.js';
import { fakeClock, type FakeClock } from './containers-harness.js';
import { expectStatus, httpCaller, startService, type As, type CallOptions, type Reply } from './harness.js';

/** The seed container called `name` (src/embedded/serverless/seed.ts); throws when there is none. */
export function seedNamed(name: string): ServerlessSeed {
  const seed = SERVERLESS_SEEDS.find((candidate) => candidate.name === name);
  if (seed === undefined) throw new Error(`no serverless seed container named ${name}`);
  return seed;
}

/** A create body that passes validation; `overrides` replace or add fields. */
export function validBody(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, image: 'nginxdemos/hello:latest', cpu: 1, ram: '512Mi', gpu: 0, ephemeralStorage: '10Gi', port: '80', env: { FOO: 'bar' }, ...overrides };
}

/** `{"items", "total", "page", "rowsPerPage"}` */
interface ListBody<T = any> {
  items: T[];
  total: number;
  page: number;
  rowsPerPage: number;
}

/** A running embedded serverless container service on a fake clock, with a tiny HTTP client. */
export interface ServerlessHarness {
  url: string;
  dataDir: string;
  services: EmbeddedServices;
  clock: FakeClock;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  /** GET /v1/containers with a query string, expecting 200. */
  list(query?: string, as?: As): Promise<ListBody>;
  /** GET /v1/containers/{id}, expecting 200. */
  show(id: string, as?: As): Promise<any>;
  /** POST /v1/containers, expecting 201. */
  create(body: unknown, as?: As): Promise<any>;
  /** PUT /v1/containers/{id}, expecting 200. */
  update(id: string, body: unknown, as?: As): Promise<any>;
  /** DELETE /v1/containers/{id}, expecting 204. */
  remove(id: string, as?: As): Promise<void>;
  /** GET /v1/containers/{id}/revisions with a query string, expecting 200. */
  revisions(id: string, query?: string, as?: As): Promise<ListBody>;
  close(): Promise<void>;
}

export async function startServerless(options: { dataDir?: string; clock?: FakeClock } = {}): Promise<ServerlessHarness> {
  const clock = options.clock ?? fakeClock();
  const { url, dataDir, services } = await startService('serverless', { dataDir: options.dataDir, clock: clock.read });
  const call = httpCaller(url, (token) => ({ authorization: `Bearer ${token}` }));
  const expecting = async (status: number, method: string, path: string, as: As, body?: unknown): Promise<any> => {
    const reply = await call(method, path, { as, body });
    expectStatus(reply, status, `${as} ${method} ${path}`);
    return reply.body;
  };
  const withQuery = (path: string, query: string): string => (query === '' ? path : `${path}?${query}`);
  return {
    url,
    dataDir,
    services,
    clock,
    call,
    list: (query = '', as = 'admin') => expecting(200, 'GET', withQuery('/v1/containers', query), as),
    show: (id, as = 'admin') => expecting(200, 'GET', `/v1/containers/${id}`, as),
    create: (body, as = 'admin') => expecting(201, 'POST', '/v1/containers', as, body),
    update: (id, body, as = 'admin') => expecting(200, 'PUT', `/v1/containers/${id}`, as, body),
    remove: async (id, as = 'admin') => {
      await expecting(204, 'DELETE', `/v1/containers/${id}`, as);
    },
    revisions: (id, query = '', as = 'admin') => expecting(200, 'GET', withQuery(`/v1/containers/${id}/revisions`, query), as),
    close: () => services.close(),
  };
}
