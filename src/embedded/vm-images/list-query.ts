import { badRequest } from './errors.js';
import { MEMBER_STATUSES, STATUSES, VISIBILITIES, type MemberStatus, type Visibility } from './image.js';
import { parseIsoTime } from './iso-time.js';
import type { Condition } from './list-sql.js';
import { PAGING_KEYS, parseLimit, parseSort, type SortSpec } from './paging.js';

/** A parsed GET /v2/images query. */
export interface ListQuery {
  limit: number;
  marker: string | undefined;
  /** Always ends with `id`, so every order is total and marker paging is stable. */
  sort: SortSpec[];
  conditions: Condition[];
  visibility: Visibility | 'all' | undefined;
  memberStatus: MemberStatus;
}

const TIME_OPS: Record<string, string> = { gt: '>', gte: '>=', eq: '=', neq: '!=', lt: '<', lte: '<=' };
/** Columns filtered by plain equality; every other unknown key is a custom property filter. */
const EXACT_COLUMNS = new Set(['owner', 'container_format', 'disk_format', 'checksum', 'os_hash_algo', 'os_hash_value']);

/** Glance's `in:a,"b,c"` list: commas separate, double quotes protect commas. */
function splitInList(raw: string): string[] {
  const values: string[] = [];
  let i = 0;
  while (i <= raw.length) {
    if (raw[i] === '"') {
      const close = raw.indexOf('"', i + 1);
      if (close < 0) throw badRequest(`Invalid filter value ${raw}. The quote is not closed.`);
      values.push(raw.slice(i + 1, close));
      i = close + 1;
      if (i < raw.length && raw[i] !== ',') throw badRequest(`Invalid filter value ${raw}. There is no comma after closing quotation mark.`);
      i += 1;
    } else {
      const comma = raw.indexOf(',', i);
      const end = comma < 0 ? raw.length : comma;
      values.push(raw.slice(i, end));
      i = end + 1;
    }
  }
  return values;
}

function inOrEqual(column: string, raw: string): Condition {
  if (raw.startsWith('in:')) {
    const values = splitInList(raw.slice(3));
    return { sql: `i.${column} IN (${values.map(() => '?').join(', ')})`, params: values };
  }
  return { sql: `i.${column} = ?`, params: [raw] };
}

function booleanFilter(name: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') {
    throw badRequest(`Invalid value '${raw}' for '${name}' filter. Valid values are 'true' or 'false'.`);
  }
  return value === 'true';
}

function sizeBound(name: string, raw: string): number {
  if (!/^\d+$/.test(raw.trim())) throw badRequest(`Invalid value for ${name}: ${raw}. It must be a non-negative integer.`);
  return Number(raw);
}

/** Glance's `split_filter_op`: `gte:2020-01-01T00:00:00Z`, or a bare time meaning `eq`. */
function timeFilter(column: string, raw: string): Condition {
  let op = 'eq';
  let threshold = raw;
  const colon = raw.indexOf(':');
  if (colon >= 0 && parseIsoTime(raw) === undefined) {
    op = raw.slice(0, colon);
    threshold = raw.slice(colon + 1);
  }
  const sqlOp = TIME_OPS[op];
  if (sqlOp === undefined) throw badRequest(`Invalid operator ${op} for ${column} filter. Use one of: gt, gte, eq, neq, lt, lte.`);
  const ms = parseIsoTime(threshold.trim());
  if (ms === undefined) throw badRequest(`Invalid date format '${threshold}' for ${column} filter.`);
  // Stored times keep milliseconds; Glance compares at whole seconds, the precision it shows.
  return { sql: `(i.${column} / 1000) * 1000 ${sqlOp} ?`, params: [ms] };
}

function oneOf<T extends string>(raw: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(raw)) throw badRequest(`Invalid ${what} value: ${raw}`);
  return raw as T;
}

/** Parses and validates a GET /v2/images query string (400 on anything Glance rejects). */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const conditions: Condition[] = [];
  let visibility: ListQuery['visibility'];
  let memberStatus: MemberStatus = 'accepted';
  let hidden: boolean | undefined;
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key) || PAGING_KEYS.has(key)) continue;
    seen.add(key);
    const all = params.getAll(key);
    const raw = all[all.length - 1]!;
    switch (key) {
      case 'name':
      case 'id':
        conditions.push(inOrEqual(key, raw));
        break;
      case 'status':
        conditions.push({ sql: 'i.status = ?', params: [oneOf(raw, STATUSES, 'status')] });
        break;
      case 'visibility':
        visibility = oneOf(raw, [...VISIBILITIES, 'all'] as const, 'visibility');
        if (visibility !== 'all') conditions.push({ sql: 'i.visibility = ?', params: [visibility] });
        break;
      case 'member_status':
        memberStatus = oneOf(raw, MEMBER_STATUSES, 'member_status');
        break;
      case 'protected':
        conditions.push({ sql: 'i.protected = ?', params: [booleanFilter(key, raw) ? 1 : 0] });
        break;
      case 'os_hidden':
        hidden = booleanFilter(key, raw);
        break;
      case 'tag':
        for (const tag of all) {
          conditions.push({ sql: 'EXISTS (SELECT 1 FROM vm_image_tags t WHERE t.image_id = i.id AND t.tag = ?)', params: [tag] });
        }
        break;
      case 'size_min':
        conditions.push({ sql: 'i.size >= ?', params: [sizeBound(key, raw)] });
        break;
      case 'size_max':
        conditions.push({ sql: 'i.size <= ?', params: [sizeBound(key, raw)] });
        break;
      case 'created_at':
      case 'updated_at':
        conditions.push(timeFilter(key, raw));
        break;
      case 'min_disk':
      case 'min_ram':
        conditions.push({ sql: `i.${key} = ?`, params: [sizeBound(key, raw)] });
        break;
      default:
        if (EXACT_COLUMNS.has(key)) {
          conditions.push({ sql: `i.${key} = ?`, params: [raw] });
        } else {
          conditions.push({
            sql: 'EXISTS (SELECT 1 FROM vm_image_properties p WHERE p.image_id = i.id AND p.name = ? AND p.value = ?)',
            params: [key, raw],
          });
        }
    }
  }
  // Hidden images stay out of a list unless asked for; os_hidden=true lists only them.
  conditions.push({ sql: 'i.os_hidden = ?', params: [hidden === true ? 1 : 0] });
  const marker = params.get('marker');
  return {
    limit: parseLimit(params.get('limit')),
    marker: marker === null ? undefined : marker,
    sort: parseSort(params),
    conditions,
    visibility,
    memberStatus,
  };
}
