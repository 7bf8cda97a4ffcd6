import { strictNum as num, str, upstreamRecord } from '../raw-values.js';
/**
 * Upstream shapes of the VM image service (Glance v2) and their normalized, camelCase form.
 * Snake case stops here: nothing outside backends/ sees it. The reader is liberal: unknown
 * fields become custom properties only when they are strings, missing optional ones are null.
 */

export const VM_IMAGE_STATUSES = ['queued', 'saving', 'active', 'killed', 'deleted', 'pending_delete', 'deactivated', 'uploading', 'importing'] as const;
export const VM_IMAGE_VISIBILITIES = ['public', 'private', 'shared', 'community'] as const;
export const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'] as const;
export const DISK_FORMATS = ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'] as const;
export const MEMBER_STATUSES = ['accepted', 'pending', 'rejected', 'all'] as const;
export const SORT_KEYS = ['name', 'status', 'container_format', 'disk_format', 'size', 'id', 'created_at', 'updated_at'] as const;
export const COMPARISON_OPERATORS = ['gt', 'gte', 'eq', 'neq', 'lt', 'lte'] as const;

type VmImageStatus = (typeof VM_IMAGE_STATUSES)[number];
type VmImageVisibility = (typeof VM_IMAGE_VISIBILITIES)[number];
type ContainerFormat = (typeof CONTAINER_FORMATS)[number];
type DiskFormat = (typeof DISK_FORMATS)[number];
type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type SortKey = (typeof SORT_KEYS)[number];
type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** The image as the rest of the gateway sees it. */
export interface VmImageRecord {
  id: string;
  name: string | null;
  status: string;
  visibility: string;
  protected: boolean;
  tags: string[];
  containerFormat: string | null;
  diskFormat: string | null;
  minDisk: number;
  minRam: number;
  size: number | null;
  virtualSize: number | null;
  checksum: string | null;
  osHashAlgo: string | null;
  osHashValue: string | null;
  osHidden: boolean;
  owner: string | null;
  createdAt: string;
  updatedAt: string;
  /** Custom properties (`os_distro`, `hw_disk_bus`, …), sorted by name. */
  properties: Array<{ name: string; value: string }>;
}

/** Attributes Glance defines itself; every other top-level string key is a custom property. */
const GLANCE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id',
  'name',
  'status',
  'visibility',
  'protected',
  'tags',
  'container_format',
  'disk_format',
  'min_disk',
  'min_ram',
  'size',
  'virtual_size',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'os_hidden',
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

/** Names Glance keeps for itself (403 on create and patch, whatever the value), `os_glance_*` too. */
const GLANCE_RESERVED: ReadonlySet<string> = new Set(['location', 'deleted', 'deleted_at']);

/** Why a name cannot be a custom property (one of Glance's attributes or reserved names), or undefined. */
export function notACustomProperty(name: string): string | undefined {
  if (GLANCE_ATTRIBUTES.has(name)) return `"${name}" is a built-in attribute, not a custom property`;
  if (GLANCE_RESERVED.has(name) || name.startsWith('os_glance')) return `"${name}" is reserved by Glance`;
  return undefined;
}

/**
 * The query parameters of Glance's image list. A custom property filter is sent as a query
 * parameter of its own name, so one of these names would set or repeat the list's own
 * parameter (its page size, marker, sort or visibility) instead of filtering.
 */
export const GLANCE_LIST_PARAMETERS: ReadonlySet<string> = new Set([
  'limit',
  'marker',
  'sort',
  'sort_key',
  'sort_dir',
  'visibility',
  'member_status',
  'owner',
  'name',
  'status',
  'tag',
  'size_min',
  'size_max',
  'created_at',
  'updated_at',
  'protected',
  'os_hidden',
  'id',
  'container_format',
  'disk_format',
  'checksum',
  'os_hash_value',
]);

export function normalizeImage(value: unknown): VmImageRecord {
  const raw = upstreamRecord(value, 'vmImages', 'string');
  const properties = Object.entries(raw)
    .filter(([key, value]) => !GLANCE_ATTRIBUTES.has(key) && typeof value === 'string')
    .map(([name, value]) => ({ name, value: value as string }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    id: String(raw.id),
    name: str(raw.name),
    status: str(raw.status) ?? 'queued',
    visibility: str(raw.visibility) ?? 'shared',
    protected: raw.protected === true,
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [],
    containerFormat: str(raw.container_format),
    diskFormat: str(raw.disk_format),
    minDisk: num(raw.min_disk) ?? 0,
    minRam: num(raw.min_ram) ?? 0,
    size: num(raw.size),
    virtualSize: num(raw.virtual_size),
    checksum: str(raw.checksum),
    osHashAlgo: str(raw.os_hash_algo),
    osHashValue: str(raw.os_hash_value),
    osHidden: raw.os_hidden === true,
    owner: str(raw.owner),
    createdAt: str(raw.created_at) ?? new Date(0).toISOString(),
    updatedAt: str(raw.updated_at) ?? str(raw.created_at) ?? new Date(0).toISOString(),
    properties,
  };
}

/** List filters, in upstream terms; every field optional. */
export interface VmImageListParams {
  limit?: number;
  marker?: string;
  ids?: string[];
  name?: string;
  names?: string[];
  owner?: string;
  protected?: boolean;
  status?: VmImageStatus;
  tags?: string[];
  visibility?: VmImageVisibility | 'all';
  osHidden?: boolean;
  memberStatus?: MemberStatus;
  sizeMin?: number;
  sizeMax?: number;
  createdAt?: { op: ComparisonOperator; value: string };
  updatedAt?: { op: ComparisonOperator; value: string };
  /** `[key, dir]` pairs, sent as `sort=key:dir,...`. */
  sort?: Array<[SortKey, 'asc' | 'desc']>;
  /** Custom property filters, `os_distro=ubuntu`. */
  properties?: Array<{ name: string; value: string }>;
}

/** Fields accepted on create, in upstream terms. */
export interface VmImageCreateBody {
  id?: string;
  name?: string;
  container_format?: ContainerFormat;
  disk_format?: DiskFormat;
  min_disk?: number;
  min_ram?: number;
  protected?: boolean;
  tags?: string[];
  visibility?: VmImageVisibility;
  [property: string]: unknown;
}

/** One JSON Patch operation as Glance takes it. */
export interface VmImagePatchOp {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}
