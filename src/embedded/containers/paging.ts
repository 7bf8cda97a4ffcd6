import { unprocessable } from '../compute-stacks/errors.js';
import { DAY } from '../simulation.js';

/**
 * How the containers service's lists are walked: the container list by api-pagination's `page`
 * and `per_page` (compute-stacks/paging.ts), a container's logs by a time window and a limit.
 */

export const DEFAULT_LOG_LIMIT = 500;
export const MAX_LOG_LIMIT = 10_000;

/** The window and size of `GET /api/containers/{id}/logs`, times in epoch ms. */
export interface LogsQuery {
  from: number;
  to: number;
  limit: number;
}

const LIMIT_MESSAGE = `Limit must be between 1 and ${MAX_LOG_LIMIT}`;

/** A whole number of seconds since the epoch, or undefined when absent or empty. */
function epochParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  if (!/^\d{1,12}$/.test(raw.trim())) throw unprocessable([`${name} must be an integer (seconds since the epoch)`]);
  return Number(raw.trim()) * 1000;
}

/**
 * `limit` (default 500, 1..10000), `period_start` and `period_end` (epoch seconds; defaults one
 * day ago and now; period_start alone defaults to a day before a given period_end). Stricter than ComputeStacks, which falls back to the defaults for anything
 * unusable: here a bad value is 422, so a typo never silently widens the window.
 */
export function parseLogsQuery(query: URLSearchParams, now: number): LogsQuery {
  const rawLimit = query.get('limit');
  let limit = DEFAULT_LOG_LIMIT;
  if (rawLimit !== null && rawLimit.trim() !== '') {
    if (!/^\d{1,6}$/.test(rawLimit.trim())) throw unprocessable([LIMIT_MESSAGE]);
    limit = Number(rawLimit.trim());
    if (limit < 1 || limit > MAX_LOG_LIMIT) throw unprocessable([LIMIT_MESSAGE]);
  }
  const from = epochParam(query, 'period_start');
  const to = epochParam(query, 'period_end');
  const end = to ?? now;
  // Without period_start, the day before period_end (one day ago when neither is given).
  const start = from ?? end - DAY;
  if (end < start) throw unprocessable(['period_end must be after period_start']);
  // Whole seconds: period_end names the last second wanted, all of it.
  return { from: start, to: to === undefined ? end : end + 999, limit };
}
