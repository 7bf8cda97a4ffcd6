import { badRequest } from './errors.js';
import type { ImageRecord } from './image.js';
import type { Condition } from './list-sql.js';

/**
 * How a Glance list is walked: `limit` (25 by default, at most 1000), a sort over Glance's
 * keys that always ends with created_at and `id` (so every order is total), and `marker`, the id of the last
 * image seen, turned into a keyset condition. Filters are list-query.ts's.
 */

/** Keys GET /v2/images may sort by: Glance's own (anything else is 400). */
export const SORT_KEYS = ['name', 'status', 'container_format', 'disk_format', 'size', 'id', 'created_at', 'updated_at'] as const;
type SortKey = (typeof SORT_KEYS)[number];

export interface SortSpec {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 1000;

/** Query keys that page and sort rather than filter. */
export const PAGING_KEYS = new Set(['limit', 'marker', 'sort', 'sort_key', 'sort_dir']);

export function parseLimit(raw: string | null): number {
  if (raw === null) return DEFAULT_LIMIT;
  if (!/^[+-]?\d+$/.test(raw.trim())) throw badRequest('limit param must be an integer');
  const limit = Number(raw);
  if (limit < 0) throw badRequest('limit param must be positive');
  return Math.min(limit, MAX_LIMIT);
}

function sortKey(raw: string): SortKey {
  const key = raw.trim();
  if (!(SORT_KEYS as readonly string[]).includes(key)) {
    throw badRequest(`Invalid sort key: ${key}. It must be one of the following: ${SORT_KEYS.join(', ')}.`);
  }
  return key as SortKey;
}

function sortDir(raw: string): 'asc' | 'desc' {
  const dir = raw.trim();
  if (dir !== 'asc' && dir !== 'desc') throw badRequest(`Invalid sort direction: ${dir}`);
  return dir;
}

export function parseSort(params: URLSearchParams): SortSpec[] {
  const keys = params.getAll('sort_key');
  const dirs = params.getAll('sort_dir');
  const sort = params.get('sort');
  let specs: SortSpec[];
  if (sort !== null) {
    if (keys.length > 0 || dirs.length > 0) throw badRequest('Old and new sorting syntax cannot be combined');
    specs = sort.split(',').map((item) => {
      const [key = '', dir] = item.split(':', 2);
      return { key: sortKey(key), dir: dir === undefined ? 'desc' : sortDir(dir) };
    });
  } else {
    const sortKeys = keys.length > 0 ? keys.map(sortKey) : (['created_at'] as SortKey[]);
    const sortDirs = dirs.length > 0 ? dirs.map(sortDir) : ['desc' as const];
    if (sortDirs.length !== 1 && sortDirs.length !== sortKeys.length) {
      throw badRequest('Number of sort dirs does not match the number of sort keys');
    }
    specs = sortKeys.map((key, i) => ({ key, dir: sortDirs.length === 1 ? sortDirs[0]! : sortDirs[i]! }));
  }
  // Ties break by created_at, then id (Glance's image_get_all), in the one direction given, else descending.
  const dirsGiven = sort !== null ? specs.length : dirs.length;
  const tieDir = dirsGiven === 1 ? specs[0]!.dir : 'desc';
  for (const key of ['created_at', 'id'] as const) if (!specs.some((spec) => spec.key === key)) specs.push({ key, dir: tieDir });
  return specs;
}

/**
 * Keyset condition "sorts after the marker" for a total order. SQLite puts NULLs first when
 * ascending and last when descending; the comparisons below follow that.
 */
export function afterMarker(sort: readonly SortSpec[], marker: ImageRecord): Condition {
  const alternatives: string[] = [];
  const params: unknown[] = [];
  for (let i = 0; i < sort.length; i++) {
    const parts: string[] = [];
    for (let j = 0; j < i; j++) {
      const { key } = sort[j]!;
      const value = marker[key];
      if (value === null) {
        parts.push(`i.${key} IS NULL`);
      } else {
        parts.push(`i.${key} = ?`);
        params.push(value);
      }
    }
    const { key, dir } = sort[i]!;
    const value = marker[key];
    if (dir === 'asc') {
      if (value === null) {
        parts.push(`i.${key} IS NOT NULL`);
      } else {
        parts.push(`i.${key} > ?`);
        params.push(value);
      }
    } else if (value === null) {
      parts.push('0');
    } else {
      parts.push(`(i.${key} < ? OR i.${key} IS NULL)`);
      params.push(value);
    }
    alternatives.push(`(${parts.join(' AND ')})`);
  }
  return { sql: `(${alternatives.join(' OR ')})`, params };
}
