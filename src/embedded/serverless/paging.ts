import { invalid, type FieldErrors } from './errors.js';

/** `rows` when none is given: what Quasarch answers for the GPU model list. */
export const DEFAULT_ROWS = 100;
/** Larger `rows` are refused. */
export const MAX_ROWS = 1000;

/** One page of a list: 1-based `page`, `rows` per page, and the rows to skip. */
export interface Paging {
  page: number;
  rows: number;
  offset: number;
}

/** The body of every list: `{"items", "total", "page", "rowsPerPage"}`. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  rowsPerPage: number;
}

function readPositive(query: URLSearchParams, key: string, fallback: number, max: number, errors: FieldErrors): number {
  const raw = query.get(key);
  if (raw === null || raw === '') return fallback;
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    errors[key] = max === Number.MAX_SAFE_INTEGER ? 'must be an integer of at least 1' : `must be an integer from 1 to ${max}`;
  }
  return value;
}

/**
 * `?page=&rows=`: page from 1 (default 1), rows from 1 to 1000 (default 100). An empty value is
 * the default; anything else that is not such an integer is 400 naming the parameter. A page
 * past the end is simply empty.
 */
export function parsePaging(query: URLSearchParams): Paging {
  const errors: FieldErrors = {};
  const page = readPositive(query, 'page', 1, Number.MAX_SAFE_INTEGER, errors);
  const rows = readPositive(query, 'rows', DEFAULT_ROWS, MAX_ROWS, errors);
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return { page, rows, offset: Math.min((page - 1) * rows, Number.MAX_SAFE_INTEGER) };
}

/** A page of `items` (already cut to the page) in Quasarch's list envelope. */
export function pageOf<T>(items: T[], total: number, paging: Paging): Page<T> {
  return { items, total, page: paging.page, rowsPerPage: paging.rows };
}
