import { badRequest } from './errors.js';
import { MEMBER_STATUSES, VISIBILITIES, type MemberStatus, type Visibility } from './image.js';
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
const EXACT_COLUMNS = new Set(['owner', 'checksum', 'os_hash_algo', 'os_hash_value']);

/**
 * Glance's `in:` list (`split_filter_value_for_quotes`): commas separate; a value in double
 * quotes may hold commas, and a backslash keeps the character after it (both stay in the value,
 * so a quoted `\"` never matches a name with a quote, as on Glance). A quote must follow a comma
 * and be followed by one.
 */
function splitInList(raw: string): string[] {
  let open = true;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '"' || (i > 0 && raw[i - 1] === '\\')) continue;
    if (open && i > 0 && raw[i - 1] !== ',') throw badRequest(`Invalid filter value ${raw}. There is no comma before opening quotation mark.`);
    if (!open && i + 1 !== raw.length && raw[i + 1] !== ',') throw badRequest(`Invalid filter value ${raw}. There is no comma after closing quotation mark.`);
    open = !open;
  }
  if (!open) throw badRequest(`Invalid filter value ${raw}. The quote is not closed.`);
  return [...raw.matchAll(/"([^"\\]*(?:\\.[^"\\]*)*)",?|([^,]+),?|,/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** Glance's `split_filter_op`: `op:value`, or `eq` when there is no colon (or the whole value is a time). */
function splitOp(raw: string): [string, string] {
  const colon = raw.indexOf(':');
  if (colon < 0 || parseIsoTime(raw) !== undefined) return ['eq', raw];
  return [raw.slice(0, colon), raw.slice(colon + 1)];
}

/** `name`, `id`, `status` and the formats: `eq:` (or no operator) and `in:`, any other operator 400. */
function inOrEqual(column: string, raw: string): Condition {
  const [op, value] = splitOp(raw);
  if (op === 'in') {
    const values = splitInList(value);
    return { sql: `i.${column} IN (${values.map(() => '?').join(', ')})`, params: values };
  }
  if (op !== 'eq') throw badRequest(`Unable to filter by unknown operator '${op}'.`);
  return { sql: `i.${column} = ?`, params: [value] };
}

function booleanFilter(name: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') {
    throw badRequest(`Invalid value '${raw}' for '${name}' filter. Valid values are 'true' or 'false'.`);
  }
  return value === 'true';
}

/** `size_min`/`size_max`: any integer, as Python's int() reads it. */
function sizeBound(raw: string): number {
  if (!/^[+-]?\d+$/.test(raw.trim())) throw badRequest('Unable to filter on a range with a non-numeric value.');
  return Number(raw);
}

/** `created_at`/`updated_at` with an operator, compared at the precision the times are kept (ms here, µs on Glance). */
function timeFilter(column: string, raw: string): Condition {
  const [op, threshold] = splitOp(raw);
  const ms = parseIsoTime(threshold.trim());
  if (ms === undefined) throw badRequest(`Bad "${column}" query filter format. Use ISO 8601 DateTime notation.`);
  const sqlOp = TIME_OPS[op];
  if (sqlOp === undefined) throw badRequest('Unable to filter on a unknown operator.');
  return { sql: `i.${column} ${sqlOp} ?`, params: [ms] };
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
      case 'status':
      case 'container_format':
      case 'disk_format':
        conditions.push(inOrEqual(key, raw));
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
        conditions.push({ sql: 'i.size >= ?', params: [sizeBound(raw)] });
        break;
      case 'size_max':
        conditions.push({ sql: 'i.size <= ?', params: [sizeBound(raw)] });
        break;
      case 'created_at':
      case 'updated_at':
        conditions.push(timeFilter(key, raw));
        break;
      case 'min_disk':
      case 'min_ram':
        conditions.push({ sql: `i.${key} = ?`, params: [raw] });
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
