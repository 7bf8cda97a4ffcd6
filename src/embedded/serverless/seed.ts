import { QUASARCH_USER_MAIN, QUASARCH_USER_OTHER } from '../principals.js';
import { DAY, HOUR, SECOND } from '../simulation.js';
import { deterministicUuid } from '../uuid.js';
import type { ContainerSpec } from './container.js';
import { isKnownMissingImage } from './image-ref.js';
import type { ServerlessStore } from './store.js';
import { validateCreate, validateUpdate } from './validation.js';

const SEEDED = 'serverless_seeded';

/** A seed container's history: how long before seeding each revision was made, and what it asked for (a create body, then PUT bodies). */
interface SeedContainer {
  name: string;
  owner: 'main' | 'other';
  revisions: ReadonlyArray<readonly [age: number, body: Record<string, unknown>]>;
}

/**
 * Images come from the container-image catalogue seed (../container-images/seed-*.ts, same
 * registry path and tag), so a serverless container can be linked to its catalogue image; the
 * older acme-api tag and the `.invalid` registry (a pull that fails) are the exceptions.
 */
const CONTAINERS: readonly SeedContainer[] = [
  {
    name: 'acme-api',
    owner: 'main',
    revisions: [
      [
        30 * DAY,
        { image: 'registry.acme.dev/acme/api:2.13.1', cpu: 0.5, ram: '512Mi', ephemeralStorage: '2Gi', port: '3000', env: { NODE_ENV: 'production' } },
      ],
      [12 * DAY, { image: 'registry.acme.dev/acme/api:2.14.0' }],
      [2 * DAY, { cpu: 1, ram: '1Gi', env: { NODE_ENV: 'production', LOG_LEVEL: 'info' } }],
    ],
  },
  {
    name: 'hello-world',
    owner: 'main',
    revisions: [[20 * DAY, { image: 'nginx:1.27-alpine', cpu: 0.25, ram: '128Mi', port: '80', env: { FOO: 'bar' } }]],
  },
  {
    name: 'analytics-dashboard',
    owner: 'main',
    revisions: [
      [15 * DAY, { image: 'ghcr.io/acme/analytics:2.2.0', cpu: 0.5, ram: '512Mi', port: '8000', env: { PYTHONUNBUFFERED: '1' } }],
      // A registry typo: the pull fails, the container is `failed`, revision 1 keeps serving.
      [1 * HOUR, { image: 'registry.acme.invalid/acme/analytics:2.3.0' }],
    ],
  },
  {
    name: 'recommendation-api',
    owner: 'main',
    revisions: [
      [
        9 * DAY,
        {
          image: 'registry.acme.dev/acme/recommend:0.5.0',
          cpu: 4,
          ram: '16Gi',
          gpu: 1,
          desiredGPUs: ['a100'],
          ephemeralStorage: '20Gi',
          port: '8000',
          command: 'gunicorn',
          arguments: ['-b', '0.0.0.0:8000', 'recommend.app:app'],
          env: { PYTHONUNBUFFERED: '1', MODEL_PATH: '/models/recommend-v5' },
        },
      ],
    ],
  },
  {
    name: 'globex-web',
    owner: 'other',
    revisions: [
      [25 * DAY, { image: 'quay.io/globex/web:1.30.0', cpu: 0.5, ram: '512Mi', port: '3000', env: { NODE_ENV: 'production' } }],
      [3 * DAY, { env: { NODE_ENV: 'production', API_URL: 'https://api.globex.example' } }],
    ],
  },
  {
    name: 'globex-status',
    owner: 'other',
    revisions: [[18 * DAY, { image: 'ghcr.io/globex/status:1.0.0', cpu: 0.25, ram: '128Mi', port: '80' }]],
  },
];

const OWNERS = { main: QUASARCH_USER_MAIN, other: QUASARCH_USER_OTHER } as const;

/** Facts about one seed container, for tests and docs. */
export interface ServerlessSeed {
  id: string;
  name: string;
  /** Whose it is: `main` is admin's and reader's user, `other` the other principal's. */
  owner: 'main' | 'other';
  createdBy: string;
  /** Its latest revision's image. */
  image: string;
  /** Every revision's image, revision 1 first. */
  images: string[];
  revisions: number;
  /** Its status once its latest revision has had time to deploy. */
  status: 'deployed' | 'failed';
  gpu: number;
  desiredGPUs: string[] | null;
}

/** The specs of a seed container's revisions, each its create or update applied to the one before. */
function specsOf(seed: SeedContainer): ContainerSpec[] {
  const [first, ...updates] = seed.revisions;
  const created = validateCreate({ name: seed.name, ...first![1] }, () => false);
  const specs = [created.spec];
  for (const [, body] of updates) specs.push(validateUpdate(body, { name: seed.name, spec: specs[specs.length - 1]! }));
  return specs;
}

/** Every seed container with its fixed id, oldest first (the order `GET /v1/containers` lists them). */
export const SERVERLESS_SEEDS: readonly ServerlessSeed[] = CONTAINERS.map((seed) => {
  const specs = specsOf(seed);
  const latest = specs[specs.length - 1]!;
  return {
    id: deterministicUuid(`gantry/serverless/${seed.owner}/${seed.name}`),
    name: seed.name,
    owner: seed.owner,
    createdBy: OWNERS[seed.owner],
    image: latest.image,
    images: specs.map((spec) => spec.image),
    revisions: specs.length,
    status: isKnownMissingImage(latest.image) ? 'failed' : 'deployed',
    gpu: latest.gpu,
    desiredGPUs: latest.desiredGPUs,
  };
});

/**
 * Writes the seed once per data directory, in one transaction with a `seeded` marker, with
 * revision times relative to the clock at that moment (whole seconds); later starts keep what
 * is there, including containers users deleted.
 */
export function seedServerless(store: ServerlessStore, now: number): void {
  if (store.getMeta(SEEDED) !== undefined) return;
  const at = (age: number): number => Math.floor((now - age) / SECOND) * SECOND;
  store.transaction(() => {
    CONTAINERS.forEach((seed, index) => {
      const facts = SERVERLESS_SEEDS[index]!;
      const [first, ...rest] = specsOf(seed);
      store.insert({ id: facts.id, name: seed.name, createdBy: facts.createdBy, dateCreated: at(seed.revisions[0]![0]) }, first!);
      rest.forEach((spec, i) => {
        store.addRevision(facts.id, spec, at(seed.revisions[i + 1]![0]));
      });
    });
    store.setMeta(SEEDED, new Date(now).toISOString());
  });
}
