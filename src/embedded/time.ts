/**
 * Epoch milliseconds that strictly increase within the process, so two writes never share a
 * timestamp and "newest first" never ties. Start it at the newest time already stored.
 */
export class MonotonicClock {
  constructor(private last = 0) {}

  now(): number {
    this.last = Math.max(Date.now(), this.last + 1);
    return this.last;
  }
}

/** RFC 3339 with whole seconds and `Z` (`2025-11-22T10:12:00Z`), as Glance prints times. */
export function formatRfc3339Seconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Rails' JSON time (`2021-03-11T21:55:51.000+00:00`): milliseconds and a numeric UTC offset. */
export function formatRailsTime(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '+00:00');
}

/**
 * Go's `time.RFC3339Nano`, as `encoding/json` prints a `time.Time` in UTC: the fraction without
 * trailing zeros, none at all on a whole second (`2025-06-01T12:00:00.25Z`, `2025-06-01T12:00:00Z`).
 */
export function formatRfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d*?)0*Z$/, (_match, digits: string) => (digits === '' ? 'Z' : `.${digits}Z`));
}
