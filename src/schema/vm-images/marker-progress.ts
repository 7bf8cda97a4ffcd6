import type { SortKey, VmImageRecord } from '../../backends/vm-images/types.js';
import { UpstreamError } from '../../errors.js';

/**
 * A guard against a Glance that does not move past its marker. Glance builds the keyset
 * condition of a marker from the marker's sort values, and writes a NULL one (a `size` of an
 * image without data, a NULL `name`) as `''`, which SQLite sorts after every number and
 * before every other string: the next page then starts over (a client following the cursors
 * loops) or skips images. Each cursor of a VM image page carries its image's sort values; the
 * page after it must start strictly after them in the order asked, or the request ends with
 * an error that says why, instead of a page that repeats or loses images.
 */
type SortValue = string | number | null;

const FIELDS: Record<SortKey, (image: VmImageRecord) => SortValue> = {
  name: (image) => image.name,
  status: (image) => image.status,
  container_format: (image) => image.containerFormat,
  disk_format: (image) => image.diskFormat,
  size: (image) => image.size,
  id: (image) => image.id,
  created_at: (image) => image.createdAt,
  updated_at: (image) => image.updatedAt,
};

/** The image's values for the sort keys, as a cursor carries them. */
export const sortValues = (image: VmImageRecord, sort: ReadonlyArray<[SortKey, 'asc' | 'desc']>): SortValue[] => sort.map(([key]) => FIELDS[key](image));

/**
 * One key's order where it is certain: NULL before any value (MySQL, MariaDB and SQLite, the
 * databases Glance runs on, all sort NULL first ascending) and numbers by value. Two different
 * strings give NaN: the database's collation decides (MySQL's ignores case), not this gateway.
 */
function compareValue(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return Number.NaN;
}

/** Times are shown to the second and kept finer: two equal ones may still be in either order. */
const TIME_KEYS: ReadonlySet<SortKey> = new Set(['created_at', 'updated_at']);

/**
 * Positive when `a` comes after `b` in the order asked, negative before, 0 the same image;
 * NaN when the values shown cannot tell (equal times).
 */
function compare(a: readonly SortValue[], b: readonly SortValue[], sort: ReadonlyArray<[SortKey, 'asc' | 'desc']>): number {
  for (let i = 0; i < sort.length; i++) {
    const [key, dir] = sort[i]!;
    const order = compareValue(a[i] ?? null, b[i] ?? null);
    if (Number.isNaN(order)) return order;
    if (order !== 0) return dir === 'asc' ? order : -order;
    if (TIME_KEYS.has(key)) return Number.NaN;
  }
  return 0;
}

/** Throws when the page surely does not follow its marker: an image at or before it, or one twice. */
export function checkProgress(
  marker: { id: string; values: readonly SortValue[] | undefined } | undefined,
  page: readonly VmImageRecord[],
  sort: ReadonlyArray<[SortKey, 'asc' | 'desc']>,
): void {
  const seen = new Set(marker ? [marker.id] : []);
  let previous = marker?.values;
  for (const image of page) {
    const values = sortValues(image, sort);
    // NaN (cannot tell) passes; only a page that is surely not after its marker fails.
    if (seen.has(image.id) || (previous !== undefined && compare(values, previous, sort) <= 0)) {
      throw new UpstreamError(
        'UPSTREAM_UNAVAILABLE',
        'The VM image service answered a page that does not follow its marker (Glance does so when a sort key of the marker image is empty, such as the size of an image without data). Sort by another key, or filter those images out.',
      );
    }
    seen.add(image.id);
    previous = values;
  }
}
