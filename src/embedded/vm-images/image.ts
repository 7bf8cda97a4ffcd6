import { formatRfc3339Seconds } from '../time.js';

/** Glance v2 enums, exactly as a real Glance accepts them. */
export const STATUSES = ['queued', 'saving', 'active', 'killed', 'deleted', 'pending_delete', 'deactivated', 'uploading', 'importing'] as const;
export const VISIBILITIES = ['public', 'private', 'shared', 'community'] as const;
export const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'] as const;
export const DISK_FORMATS = ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'] as const;
export const MEMBER_STATUSES = ['accepted', 'pending', 'rejected', 'all'] as const;

export type ImageStatus = (typeof STATUSES)[number];
export type Visibility = (typeof VISIBILITIES)[number];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Attributes a caller may never set (403 on create and patch). */
export const READ_ONLY_ATTRIBUTES: ReadonlySet<string> = new Set([
  'status',
  'size',
  'virtual_size',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'owner',
  'created_at',
  'updated_at',
  'self',
  'file',
  'schema',
  'direct_url',
  'locations',
  'stores',
]);

/** Names Glance keeps for itself: 403 on create and patch, whatever the value. `os_glance_*` too. */
export const RESERVED_ATTRIBUTES: ReadonlySet<string> = new Set(['location', 'deleted', 'deleted_at']);

/** Base attributes a caller may set; any other key is a custom property. */
const MUTABLE_ATTRIBUTES = ['name', 'visibility', 'protected', 'tags', 'container_format', 'disk_format', 'min_disk', 'min_ram', 'os_hidden'] as const;
export type MutableAttribute = (typeof MUTABLE_ATTRIBUTES)[number];

/** True for a base attribute a caller may set (as opposed to a custom property). */
export function isMutableAttribute(key: string): key is MutableAttribute {
  return (MUTABLE_ATTRIBUTES as readonly string[]).includes(key);
}

/** One image as stored: Glance's own field names; times in epoch milliseconds. */
export interface ImageRecord {
  id: string;
  name: string | null;
  status: ImageStatus;
  visibility: Visibility;
  protected: boolean;
  container_format: string | null;
  disk_format: string | null;
  min_disk: number;
  min_ram: number;
  size: number | null;
  virtual_size: number | null;
  checksum: string | null;
  os_hash_algo: string | null;
  os_hash_value: string | null;
  os_hidden: boolean;
  owner: string | null;
  created_at: number;
  updated_at: number;
  tags: string[];
  /** Custom properties; a Map so a key like `__proto__` stays an ordinary key. */
  properties: Map<string, string>;
}

/** The image object Glance returns: every base attribute (null where unset), then custom properties. */
export function toGlanceImage(image: ImageRecord): Record<string, unknown> {
  const base: Array<[string, unknown]> = [
    ['id', image.id],
    ['name', image.name],
    ['status', image.status],
    ['visibility', image.visibility],
    ['protected', image.protected],
    ['tags', [...image.tags].sort()],
    ['container_format', image.container_format],
    ['disk_format', image.disk_format],
    ['min_disk', image.min_disk],
    ['min_ram', image.min_ram],
    ['size', image.size],
    ['virtual_size', image.virtual_size],
    ['checksum', image.checksum],
    ['os_hash_algo', image.os_hash_algo],
    ['os_hash_value', image.os_hash_value],
    ['os_hidden', image.os_hidden],
    ['owner', image.owner],
    ['created_at', formatRfc3339Seconds(image.created_at)],
    ['updated_at', formatRfc3339Seconds(image.updated_at)],
    ['self', `/v2/images/${image.id}`],
    ['file', `/v2/images/${image.id}/file`],
    ['schema', '/v2/schemas/image'],
  ];
  const custom = [...image.properties.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // fromEntries defines own properties, so a custom key such as `__proto__` cannot touch the prototype.
  return Object.fromEntries([...base, ...custom]);
}
