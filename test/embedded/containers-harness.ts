import type { EmbeddedServices } from '../../src/embedded/index.js';
import { CONTAINER_SEEDS, type ContainerSeed, type SeedFate } from '../../src/embedded/containers/seed.js';
import { expectStatus, httpCaller, startService, type As, type CallOptions, type Reply } from './harness.js';

/** Where every containers test's fake clock starts: a fixed instant, so runs are reproducible. */
export const T0 = Date.parse('2025-06-01T12:00:00Z');

/** A clock tests move by hand: the service reads `now` whenever it needs the time. */
export interface FakeClock {
  now: number;
  read: () => number;
  advance(ms: number): number;
}

export function fakeClock(start = T0): FakeClock {
  const clock: FakeClock = {
    now: start,
    read: () => clock.now,
    advance(ms) {
      clock.now += ms;
      return clock.now;
    },
  };
  return clock;
}

/** Seed containers matching `filter` (see src/embedded/containers/seed.ts). */
export function seeds(filter: Partial<Pick<ContainerSeed, 'userId' | 'fate' | 'kind' | 'imageName' | 'projectId'>> = {}): ContainerSeed[] {
  return CONTAINER_SEEDS.filter((seed) => Object.entries(filter).every(([key, value]) => seed[key as keyof ContainerSeed] === value));
}

/** The first seed container of user `userId` with this fate; throws when there is none. */
export function seedWith(fate: SeedFate, userId = 1): ContainerSeed {
  const found = seeds({ fate, userId })[0];
  if (found === undefined) throw new Error(`no ${fate} seed container of user ${userId}`);
  return found;
}

/** A running embedded container service on a fake clock, with a tiny HTTP client. */
export interface ContainersHarness {
  url: string;
  dataDir: string;
  services: EmbeddedServices;
  clock: FakeClock;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  show(id: number, as?: As): Promise<any>;
  /** PUT power/{action}, expecting 202 `{}`. */
  power(id: number, action: string, as?: As): Promise<void>;
  /** GET logs with a query string, expecting 200; the bare array. */
  logs(id: number, query?: string, as?: As): Promise<Array<[number, string, string]>>;
  processes(id: number, as?: As): Promise<any[]>;
  /** GET metrics/cpu or metrics/memory, expecting 200; the `stats` array. */
  metrics(id: number, kind: 'cpu' | 'memory', as?: As): Promise<Array<[string, number]>>;
  close(): Promise<void>;
}

export async function startContainers(options: { dataDir?: string; clock?: FakeClock } = {}): Promise<ContainersHarness> {
  const clock = options.clock ?? fakeClock();
  const { url, dataDir, services } = await startService('containers', { dataDir: options.dataDir, clock: clock.read });
  const call = httpCaller(url, (token) => ({ authorization: `Bearer ${token}` }));
  const ok = async (path: string, as: As, what: string): Promise<any> => {
    const reply = await call('GET', path, { as });
    expectStatus(reply, 200, what);
    return reply.body;
  };
  return {
    url,
    dataDir,
    services,
    clock,
    call,
    show: async (id, as = 'admin') => (await ok(`/api/containers/${id}`, as, `show ${id}`)).container,
    async power(id, action, as = 'admin') {
      const reply = await call('PUT', `/api/containers/${id}/power/${action}`, { as });
      expectStatus(reply, 202, `power ${action} ${id}`);
    },
    logs: (id, query = '', as = 'admin') => ok(`/api/containers/${id}/logs${query === '' ? '' : `?${query}`}`, as, `logs ${id} ${query}`),
    processes: (id, as = 'admin') => ok(`/api/containers/${id}/container_processes`, as, `processes ${id}`),
    metrics: async (id, kind, as = 'admin') => (await ok(`/api/containers/${id}/metrics/${kind}`, as, `${kind} ${id}`)).stats,
    close: () => services.close(),
  };
}
