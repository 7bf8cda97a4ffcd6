import { CONTAINER_IMAGE_SEEDS } from '../container-images/seed.js';
import { CS_USER_MAIN, CS_USER_OTHER } from '../principals.js';
import { DAY, HOUR, MINUTE, hash32, type LifecycleEvent } from '../simulation.js';
import type { IngressProto, WorkloadKind } from './container.js';
import type { ContainerStore, NewIngressRule } from './store.js';

const SEEDED = 'containers_seeded';

/** How a seed container's history goes: it ends online, stopped, or failing its health check. */
export type SeedFate = 'online' | 'offline' | 'alert';

/** Facts about one seed container, for tests and docs. */
export interface ContainerSeed {
  id: number;
  name: string;
  userId: number;
  projectId: number;
  containerServiceId: number;
  /** Id of the catalogue image it runs (container-images/seed.ts). */
  imageId: number;
  imageName: string;
  kind: WorkloadKind;
  fate: SeedFate;
  publicIp: string | null;
}

/** Resources and ingress of each workload kind: [cpu cores, memory MB, rules]. */
const KIND_DEFAULTS: Readonly<Record<WorkloadKind, { cpu: number; memory: number; rules: ReadonlyArray<[number, IngressProto, boolean]> }>> = {
  nginx: { cpu: 0.25, memory: 128, rules: [[80, 'http', true]] },
  wordpress: { cpu: 1, memory: 1024, rules: [[80, 'http', true]] },
  postgres: { cpu: 1, memory: 2048, rules: [[5432, 'tcp', false]] },
  mariadb: { cpu: 0.5, memory: 1024, rules: [[3306, 'tcp', false]] },
  redis: { cpu: 0.25, memory: 256, rules: [[6379, 'tcp', false]] },
  node: { cpu: 0.5, memory: 512, rules: [[3000, 'http', true]] },
  python: { cpu: 0.5, memory: 512, rules: [[8000, 'http', true]] },
  go: { cpu: 0.25, memory: 256, rules: [[8080, 'http', true]] },
  worker: { cpu: 0.5, memory: 512, rules: [] },
  haproxy: {
    cpu: 0.5,
    memory: 256,
    rules: [
      [443, 'tls', true],
      [80, 'http', true],
    ],
  },
};

/** One service of the seed: its project, catalogue image, kind, how many containers, their fates, public IPs. */
interface SeedService {
  project: number;
  image: string;
  kind: WorkloadKind;
  fates: SeedFate[];
  publicIps?: string[];
  memory?: number;
}

const USER_OF_PROJECT: Readonly<Record<number, number>> = { 1: CS_USER_MAIN, 2: CS_USER_MAIN, 3: CS_USER_MAIN, 4: CS_USER_OTHER, 5: CS_USER_OTHER, 6: 3 };

/**
 * The seed's services in id order. User 1 (admin, reader): projects 1 (Acme production), 2 (Acme
 * marketing) and 3 (Acme internal), 20 containers; user 2 (other): projects 4 (Globex
 * production) and 5 (Globex shop), 10 containers; user 3, whom no dev token speaks for (an
 * admin sees them): project 6 (a hosting customer), 20 containers of five common images, so
 * an admin's list holds 50 (the benchmark's N+1 list of 50).
 */
const SERVICES: readonly SeedService[] = [
  { project: 1, image: 'acme-api', kind: 'node', fates: ['online', 'online'], memory: 1024 },
  { project: 1, image: 'acme-storefront', kind: 'node', fates: ['online'] },
  { project: 1, image: 'acme-auth-service', kind: 'go', fates: ['online'] },
  { project: 1, image: 'acme-billing-worker', kind: 'worker', fates: ['online'] },
  { project: 1, image: 'postgres-16', kind: 'postgres', fates: ['online'] },
  { project: 1, image: 'redis-7', kind: 'redis', fates: ['online'] },
  { project: 1, image: 'gateway-proxy', kind: 'haproxy', fates: ['online'], publicIps: ['198.51.100.21'] },
  { project: 1, image: 'acme-landing-page', kind: 'nginx', fates: ['online'] },
  { project: 2, image: 'wordpress-6', kind: 'wordpress', fates: ['online'], publicIps: ['198.51.100.34'] },
  { project: 2, image: 'mariadb-11', kind: 'mariadb', fates: ['online'] },
  { project: 2, image: 'marketing-site', kind: 'wordpress', fates: ['offline'] },
  { project: 2, image: 'acme-docs', kind: 'nginx', fates: ['online'] },
  { project: 2, image: 'acme-mailer', kind: 'python', fates: ['online'] },
  { project: 3, image: 'acme-admin-panel', kind: 'node', fates: ['online'] },
  { project: 3, image: 'analytics-dashboard', kind: 'python', fates: ['alert'] },
  { project: 3, image: 'job-queue-worker', kind: 'worker', fates: ['offline'] },
  { project: 3, image: 'scheduler', kind: 'worker', fates: ['online'] },
  { project: 3, image: 'acme-webhooks', kind: 'go', fates: ['online'] },
  { project: 3, image: 'nginx', kind: 'nginx', fates: ['online'] },
  { project: 4, image: 'globex-api', kind: 'python', fates: ['online', 'online'], memory: 1024 },
  { project: 4, image: 'globex-web', kind: 'node', fates: ['online'], publicIps: ['203.0.113.45'] },
  { project: 4, image: 'globex-auth', kind: 'go', fates: ['online'] },
  { project: 4, image: 'globex-worker', kind: 'worker', fates: ['online'] },
  { project: 4, image: 'globex-data-lake', kind: 'postgres', fates: ['online'] },
  { project: 4, image: 'redis-7', kind: 'redis', fates: ['offline'] },
  { project: 5, image: 'globex-shop', kind: 'wordpress', fates: ['online'] },
  { project: 5, image: 'mariadb-11', kind: 'mariadb', fates: ['online'] },
  { project: 5, image: 'globex-status', kind: 'nginx', fates: ['offline'] },
  { project: 6, image: 'nginx', kind: 'nginx', fates: ['online', 'online', 'online', 'online'] },
  { project: 6, image: 'redis-7', kind: 'redis', fates: ['online', 'online', 'online', 'online'] },
  { project: 6, image: 'postgres-16', kind: 'postgres', fates: ['online', 'online', 'online', 'offline'] },
  { project: 6, image: 'mariadb-11', kind: 'mariadb', fates: ['online', 'online', 'online', 'online'] },
  { project: 6, image: 'wordpress-6', kind: 'wordpress', fates: ['online', 'online', 'online', 'offline'] },
];

function imageIdOf(name: string): number {
  const image = CONTAINER_IMAGE_SEEDS.find((seed) => seed.name === name);
  if (image === undefined) throw new Error(`container seed: no catalogue image named ${name}`);
  return image.id;
}

/** Every seed container with its deterministic id, name and service. */
export const CONTAINER_SEEDS: readonly ContainerSeed[] = SERVICES.flatMap((service, serviceIndex) =>
  service.fates.map((fate, i) => ({
    fate,
    service,
    serviceId: serviceIndex + 1,
    publicIp: service.publicIps?.[i] ?? null,
  })),
).map(({ fate, service, serviceId, publicIp }, index) => {
  const id = index + 1;
  return {
    id,
    // ComputeStacks-style: the image's name and a short random-looking suffix.
    name: `${service.image}-${hash32(id, 0xc5).toString(16).padStart(8, '0').slice(0, 4)}`,
    userId: USER_OF_PROJECT[service.project]!,
    projectId: service.project,
    containerServiceId: serviceId,
    imageId: imageIdOf(service.image),
    imageName: service.image,
    kind: service.kind,
    fate,
    publicIp,
  };
});

/**
 * A seed container's lifecycle events, relative to `now` (the clock when seeding): started when
 * created 10–18 days ago, then restarted or rebuilt 1–5 days ago (a deploy), so online ones have
 * run a few days; offline ones were stopped 3–27 hours ago; the alert one began failing 40 minutes ago.
 */
function historyOf(seed: ContainerSeed, created: number, now: number): Array<[LifecycleEvent, number]> {
  const events: Array<[LifecycleEvent, number]> = [['start', created + MINUTE]];
  const deployed = now - (1 + (seed.id % 5)) * DAY - seed.id * 13 * MINUTE;
  events.push([seed.id % 2 === 0 ? 'rebuild' : 'restart', deployed]);
  if (seed.fate === 'offline') events.push(['stop', now - (3 + ((seed.id * 7) % 25)) * HOUR]);
  if (seed.fate === 'alert') events.push(['alert', now - 40 * MINUTE]);
  return events;
}

/**
 * Writes the seed once per data directory, in one transaction with a `seeded` marker, with times
 * relative to the clock at that moment; later starts keep what is there (and its history).
 */
export function seedContainers(store: ContainerStore, now: number): void {
  if (store.getMeta(SEEDED) !== undefined) return;
  store.transaction(() => {
    const serviceRulesWritten = new Set<number>();
    const hostInProject = new Map<number, number>();
    for (const seed of CONTAINER_SEEDS) {
      const created = now - (10 + (seed.id % 9)) * DAY - seed.id * 37 * MINUTE;
      const defaults = KIND_DEFAULTS[seed.kind];
      const service = SERVICES[seed.containerServiceId - 1]!;
      const host = (hostInProject.get(seed.projectId) ?? 1) + 1;
      hostInProject.set(seed.projectId, host);
      store.insert({
        id: seed.id,
        name: seed.name,
        user_id: seed.userId,
        project_id: seed.projectId,
        container_service_id: seed.containerServiceId,
        container_image_id: seed.imageId,
        kind: seed.kind,
        cpu_cores: defaults.cpu,
        memory_mb: service.memory ?? defaults.memory,
        local_ip: `10.${100 + seed.projectId}.0.${host}`,
        public_ip: seed.publicIp,
        created_at: created,
        updated_at: created,
      });
      if (!serviceRulesWritten.has(seed.containerServiceId)) {
        serviceRulesWritten.add(seed.containerServiceId);
        for (const [port, proto, external] of defaults.rules) {
          const rule: NewIngressRule = {
            container_service_id: seed.containerServiceId,
            port,
            port_nat: 0,
            proto,
            external_access: external,
            backend_ssl: false,
            tcp_proxy_opt: proto === 'tls' ? 'send-proxy-v2' : 'none',
            redirect_ssl: proto === 'http' && external,
            restrict_cf: false,
            tcp_lb: proto === 'tls',
            created_at: created,
            updated_at: created,
          };
          store.insertIngressRule(rule);
        }
      }
      for (const [event, at] of historyOf(seed, created, now)) store.addEvent(seed.id, event, at);
    }
    store.setMeta(SEEDED, new Date(now).toISOString());
  });
}
