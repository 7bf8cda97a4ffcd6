import { createHash } from 'node:crypto';
import { DEFAULT_PROVIDER_ID, slugOf, type NestedDrafts } from './image.js';
import { SYSTEM_IMAGES } from './seed-system.js';
import type { SeedImage } from './seed-templates.js';
import { MAIN_USER_IMAGES, OTHER_USER_IMAGES } from './seed-users.js';
import type { ContainerImageStore, NewImage } from './store.js';

/** The catalogue in id order: system images 1–42 (41 and 42 inactive), user 1's 43–102, user 2's 103–127. */
const CATALOGUE: readonly SeedImage[] = [...SYSTEM_IMAGES, ...MAIN_USER_IMAGES, ...OTHER_USER_IMAGES];
/** The first image was created then; each next one a little later. */
const FIRST_CREATED = Date.parse('2024-01-15T09:00:00Z');
const HOUR = 3_600_000;
const SEEDED = 'container_images_seeded';

/** Facts about one seed image, for tests and docs. */
export interface ContainerImageSeed {
  id: number;
  name: string;
  label: string;
  userId: number | null;
  active: boolean;
  isLoadBalancer: boolean;
  /** Ids of the images it requires. */
  requires: number[];
  /** Users it is shared with. */
  sharedWith: number[];
}

const NAMES = CATALOGUE.map((seed) => slugOf(seed.label));
const idOf = (name: string): number => {
  const index = NAMES.indexOf(name);
  if (index < 0) throw new Error(`seed catalogue: no image named ${name}`);
  return index + 1;
};

/** Every seed image with its deterministic id (its position in the catalogue). */
export const CONTAINER_IMAGE_SEEDS: readonly ContainerImageSeed[] = CATALOGUE.map((seed, index) => ({
  id: index + 1,
  name: NAMES[index]!,
  label: seed.label,
  userId: seed.owner,
  active: seed.active ?? true,
  isLoadBalancer: seed.lb ?? false,
  requires: (seed.requires ?? []).map(idOf),
  sharedWith: seed.sharedWith ?? [],
}));

/** A stable stand-in for a generated password, so a seeded catalogue reads the same everywhere. */
function seedSecret(name: string, what: string): string {
  return createHash('sha256').update(`gantry/container-images/${name}/${what}`).digest('base64url').slice(0, 24);
}

/** Registries that need credentials (Acme's own). */
const PRIVATE_REGISTRIES = new Set(['registry.acme.dev']);

/** `ghcr.io/acme/api:1.0` -> provider, registry host, path and tag, as ComputeStacks stores them. */
function registryOf(
  seed: SeedImage,
  name: string,
): Pick<
  NewImage,
  'container_image_provider_id' | 'registry_custom' | 'registry_image_path' | 'registry_image_tag' | 'registry_auth' | 'registry_username' | 'registry_password'
> {
  const colon = seed.image.lastIndexOf(':');
  let path = seed.image.slice(0, colon);
  const tag = seed.image.slice(colon + 1);
  const [first = '', ...rest] = path.split('/');
  const host = first.includes('.') ? first : undefined;
  if (host !== undefined) path = rest.join('/');
  const provider = host === 'ghcr.io' ? 3 : host === 'quay.io' ? 2 : host === undefined ? DEFAULT_PROVIDER_ID : null;
  const isPrivate = host !== undefined && PRIVATE_REGISTRIES.has(host);
  return {
    container_image_provider_id: provider,
    registry_custom: provider === null ? host! : null,
    registry_image_path: path,
    registry_image_tag: tag,
    registry_auth: isPrivate,
    registry_username: isPrivate ? 'ci-bot' : null,
    registry_password: isPrivate ? seedSecret(name, 'registry') : null,
  };
}

function nestedOf(seed: SeedImage, name: string): NestedDrafts {
  return {
    env: seed.env ?? [],
    settings: (seed.settings ?? []).map((param) => (param.param_type === 'password' ? { ...param, value: seedSecret(name, param.name) } : param)),
    ingress: seed.ingress ?? [],
    volumes: seed.volumes ?? [],
  };
}

/**
 * Writes the seed catalogue once per data directory, in one transaction with a `seeded` marker,
 * so deletions persist across restarts and a crash mid-seed retries cleanly.
 */
export function seedContainerImages(store: ContainerImageStore): void {
  if (store.getMeta(SEEDED) !== undefined) return;
  store.transaction(() => {
    CATALOGUE.forEach((seed, index) => {
      const facts = CONTAINER_IMAGE_SEEDS[index]!;
      const created = FIRST_CREATED + index * 5 * HOUR;
      const image: NewImage = {
        id: facts.id,
        name: facts.name,
        label: seed.label,
        description: seed.description,
        active: facts.active,
        is_load_balancer: facts.isLoadBalancer,
        can_scale: seed.scale ?? false,
        is_free: seed.free ?? false,
        override_autoremove: false,
        command: seed.command ?? null,
        ...registryOf(seed, facts.name),
        domains_block_id: seed.blocks?.domains ?? null,
        general_block_id: seed.blocks?.general ?? null,
        remote_block_id: seed.blocks?.remote ?? null,
        ssh_block_id: seed.blocks?.ssh ?? null,
        image_url: seed.imageUrl ?? null,
        min_cpu: seed.cpu,
        min_memory: seed.memory,
        role: seed.role,
        role_class: seed.roleClass,
        user_id: seed.owner,
        created_at: created,
        // Edited a few days later, varied so updated_at does not simply follow created_at.
        updated_at: created + ((index * 7) % 30) * 24 * HOUR + 17 * 60_000,
      };
      // Dependencies point at later ids too, so they are written after every image exists.
      store.insert(image, nestedOf(seed, facts.name), []);
      store.setLabels(facts.id, seed.labels ?? {});
      for (const user of facts.sharedWith) store.share(facts.id, user);
    });
    for (const facts of CONTAINER_IMAGE_SEEDS) store.setDependencies(facts.id, facts.requires);
    store.setMeta(SEEDED, new Date().toISOString());
  });
}
