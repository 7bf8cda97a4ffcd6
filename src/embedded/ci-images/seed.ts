import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { DJINN_USER_MAIN, DJINN_USER_OTHER } from '../principals.js';
import { buildQcow2Header } from '../qcow2.js';
import type { DjinnUser, NamespaceVisibility } from './image.js';
import type { CiImageStore } from './store.js';

const SEEDED = 'seeded';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GiB = 1024 ** 3;

/** The two Djinn users: `me` (admin and reader) and `alex` (other). */
const CI_USERS: readonly DjinnUser[] = [
  { id: DJINN_USER_MAIN, email: 'me@example.com', username: 'me', created_at: Date.parse('2024-02-05T09:12:44Z') },
  { id: DJINN_USER_OTHER, email: 'alex@example.com', username: 'alex', created_at: Date.parse('2024-06-17T14:03:10Z') },
];

type Owner = 'me' | 'alex';
const USER_IDS: Record<Owner, number> = { me: DJINN_USER_MAIN, alex: DJINN_USER_OTHER };

/** Seed namespaces, ids 1.. in this order; all top-level (their own root). */
const CI_NAMESPACES: ReadonlyArray<{
  path: string;
  owner: Owner;
  description: string;
  visibility: NamespaceVisibility;
  collaborators: readonly Owner[];
  created: string;
}> = [
  {
    path: 'djinn',
    owner: 'me',
    description: "Build images for Djinn's own pipelines",
    visibility: 'private',
    collaborators: ['alex'],
    created: '2024-02-06T10:00:00Z',
  },
  { path: 'infra', owner: 'me', description: 'Base images for infrastructure jobs', visibility: 'private', collaborators: [], created: '2024-03-01T08:30:00Z' },
  { path: 'sandbox', owner: 'alex', description: 'Experiments', visibility: 'private', collaborators: [], created: '2024-06-18T16:45:00Z' },
];

/** [name, owner, namespace (owned by `owner`), guest disk GiB, KiB on disk, author when not the owner] */
type SeedRow = [string, Owner, string | null, number, number, Owner?];

/** The catalogue in creation (and id) order; user 1 has 40 images, user 2 has 8. */
// biome-ignore format: seed data, one record per line, reads as a table
const CATALOGUE: readonly SeedRow[] = [
  ['alpine', 'me', null, 2, 3], ['debian', 'me', null, 10, 6], ['ubuntu', 'me', null, 10, 6],
  ['go-dev', 'me', null, 16, 8], ['alpine', 'me', 'djinn', 2, 3], ['node-dev', 'me', null, 16, 7],
  ['djinn-server-build', 'me', 'djinn', 20, 8], ['python-dev', 'me', null, 16, 7], ['terraform', 'me', 'infra', 8, 4],
  ['debian-bookworm', 'me', null, 10, 5], ['rust-dev', 'me', null, 20, 8], ['go-dev', 'me', 'djinn', 16, 8],
  ['ansible', 'me', 'infra', 8, 4], ['djinn-worker-build', 'me', 'djinn', 20, 8], ['ubuntu-jammy', 'me', null, 10, 6],
  ['fedora-40', 'me', null, 12, 6], ['alpine', 'alex', null, 2, 3], ['zig-dev', 'alex', null, 12, 5],
  ['postgres-16', 'me', 'djinn', 12, 5], ['packer-builder', 'me', 'infra', 16, 6], ['ruby-dev', 'me', null, 16, 6],
  ['nixos-unstable', 'alex', 'sandbox', 20, 7], ['debian-cross-arm64', 'me', 'djinn', 16, 7, 'alex'], ['java-21', 'me', null, 16, 7],
  ['redis-7', 'me', 'djinn', 8, 4], ['rocky-9', 'me', null, 12, 6], ['debian', 'alex', null, 10, 6],
  ['k8s-tools', 'me', 'infra', 12, 5], ['php-dev', 'me', null, 12, 5], ['docs-builder', 'me', 'djinn', 10, 5],
  ['archlinux', 'me', null, 12, 6], ['void-linux', 'alex', 'sandbox', 8, 4], ['alpine-3-19', 'me', null, 2, 3],
  ['e2e-runner', 'me', 'djinn', 24, 8], ['elixir-dev', 'alex', null, 12, 5], ['python-3-12', 'me', null, 16, 7],
  ['nginx-test', 'me', 'infra', 4, 3], ['node-20', 'me', null, 16, 7], ['freebsd-14', 'me', 'djinn', 12, 6],
  ['go-dev', 'alex', null, 16, 8], ['debian-bullseye', 'me', null, 10, 5], ['openbsd-7', 'me', 'infra', 8, 4],
  ['release-signing', 'me', 'djinn', 4, 2], ['go-1-22', 'me', null, 16, 8], ['gentoo-stage3', 'alex', 'sandbox', 20, 8],
  ['alpine-3-20', 'me', null, 2, 3], ['djinn-curator-build', 'me', 'djinn', 20, 8], ['ubuntu-noble', 'me', null, 10, 6],
];

/** Facts about one seed image, for tests and docs. */
export interface CiImageSeed {
  id: number;
  name: string;
  userId: number;
  authorId: number;
  namespace: string | null;
  /** Guest disk size in the QCOW2 header. */
  virtualSize: number;
  size: number;
}

/** Every seed image with its id (its position in the catalogue). */
export const CI_IMAGE_SEEDS: readonly CiImageSeed[] = CATALOGUE.map(([name, owner, namespace, gib, kib, author], index) => ({
  id: index + 1,
  name,
  userId: USER_IDS[owner],
  authorId: USER_IDS[author ?? owner],
  namespace,
  virtualSize: gib * GiB,
  size: kib * 1024,
}));

/** Deterministic filler bytes (SHA-256 in counter mode), so every seeded file is the same everywhere. */
function fillerBytes(name: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(createHash('sha256').update(`${name}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

/** A seed image's file: a QCOW2 v3 header for its guest disk, then filler up to its size. */
export function seedImageFile(seed: CiImageSeed): Buffer {
  const data = fillerBytes(`gantry/ci-images/${seed.id}`, seed.size);
  buildQcow2Header(seed.virtualSize).copy(data, 0);
  return data;
}

/**
 * Writes users, namespaces and the catalogue once per data directory: blobs first, then every
 * row in one transaction with a `seeded` marker, so deletions persist and a crash mid-seed
 * retries cleanly (recovery removes the blobs of a seed that never committed). Images were made
 * about every four and a half days, the newest two weeks before the directory was first seeded.
 */
export function seedCiImages(store: CiImageStore): void {
  if (store.getMeta(SEEDED) !== undefined) return;
  const newest = Math.floor(Date.now() / DAY) * DAY - 14 * DAY;
  const first = newest - (CI_IMAGE_SEEDS.length - 1) * 4.5 * DAY;
  const files = CI_IMAGE_SEEDS.map((seed) => {
    const data = seedImageFile(seed);
    const hash = createHash('sha256').update(`gantry/ci-images/blob/${seed.id}`).digest('hex').slice(0, 32);
    writeFileSync(store.blobPath(hash), data);
    return { hash, sha256: createHash('sha256').update(data).digest('hex') };
  });
  store.transaction(() => {
    for (const user of CI_USERS) store.insertUser(user);
    const namespaceIds = new Map<string, number>();
    for (const namespace of CI_NAMESPACES) {
      const created = Date.parse(namespace.created);
      const id = store.insertNamespace({
        user_id: USER_IDS[namespace.owner],
        name: namespace.path,
        path: namespace.path,
        description: namespace.description,
        visibility: namespace.visibility,
        created_at: created,
      });
      namespaceIds.set(namespace.path, id);
      for (const collaborator of namespace.collaborators) store.addCollaborator(id, USER_IDS[collaborator], created + DAY);
    }
    CI_IMAGE_SEEDS.forEach((seed, index) => {
      store.insert({
        id: seed.id,
        user_id: seed.userId,
        author_id: seed.authorId,
        namespace_id: seed.namespace === null ? null : namespaceIds.get(seed.namespace)!,
        driver: 'qemu',
        hash: files[index]!.hash,
        name: seed.name,
        size: seed.size,
        sha256: files[index]!.sha256,
        // Varied by a few hours, so creation times do not look machine-made.
        created_at: first + index * 4.5 * DAY + ((index * 7) % 11) * HOUR,
      });
    });
    store.setMeta(SEEDED, new Date().toISOString());
  });
}
