import { randomUUID } from 'node:crypto';
import type { Principal } from '../principals.js';
import { notAuthorized } from './access.js';
import { badRequest, conflict, forbiddenDetail } from './errors.js';
import { isMutableAttribute, type ImageRecord } from './image.js';
import type { VmImageStore } from './store.js';
import { checkImageId, checkNotReadOnly, checkNotReserved, checkProperty, parseAttribute } from './validation.js';

/** The new image's owner: the caller's project, or any project an admin names (Glance's rule). */
function ownerFor(principal: Principal, asked: unknown): string {
  if (asked === undefined || asked === null) return principal.projectId;
  if (typeof asked !== 'string') throw badRequest(`Provided object does not match schema 'image': ${JSON.stringify(asked)} is not of type 'string'`);
  if (!principal.isAdmin && asked !== principal.projectId) throw forbiddenDetail(`You are not permitted to create images owned by '${asked}'`);
  return asked;
}

/**
 * Validates a POST /v2/images body and stores the new queued image. Read-only attributes are
 * 403 before any value is checked (Glance's deserializer order); values 400; a taken id 409.
 */
export function createImage(store: VmImageStore, principal: Principal, body: unknown): ImageRecord {
  if (!principal.canWrite) throw notAuthorized('add_image');
  if (body === undefined) throw badRequest('Body expected in request.');
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`Provided object does not match schema 'image': ${JSON.stringify(body)} is not of type 'object'`);
  }
  // Glance drops a hash the caller sends (it computes its own on upload), and reads an owner itself.
  const entries = Object.entries(body as Record<string, unknown>).filter(([key]) => key !== 'os_hash_value' && key !== 'owner');
  for (const [key] of entries) {
    if (key !== 'id') checkNotReadOnly(key);
  }
  const owner = ownerFor(principal, (body as Record<string, unknown>).owner);
  const now = store.now();
  const image: ImageRecord = {
    id: '',
    name: null,
    status: 'queued',
    visibility: 'shared',
    protected: false,
    container_format: null,
    disk_format: null,
    min_disk: 0,
    min_ram: 0,
    size: null,
    virtual_size: null,
    checksum: null,
    os_hash_algo: null,
    os_hash_value: null,
    os_hidden: false,
    owner,
    created_at: now,
    updated_at: now,
    tags: [],
    properties: new Map(),
  };
  let id: string | undefined;
  for (const [key, value] of entries) {
    if (key === 'id') id = checkImageId(value);
    else if (isMutableAttribute(key)) (image as unknown as Record<string, unknown>)[key] = parseAttribute(key, value);
    else image.properties.set(key, checkProperty(key, value));
  }
  for (const [key] of entries) checkNotReserved(key, 'create');
  // Glance's default policy: only admins publicize; any project member may share with the community.
  if (image.visibility === 'public' && !principal.isAdmin) throw notAuthorized('publicize_image');
  image.id = id ?? randomUUID();
  if (store.idTaken(image.id)) throw conflict(`Image ID ${image.id} already exists!`);
  store.insert(image);
  return image;
}
