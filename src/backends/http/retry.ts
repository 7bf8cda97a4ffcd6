/**
 * When a failed upstream call is tried again, and how soon. Only where HTTP says a repeat is
 * harmless (RFC 9110 idempotent methods: GET, HEAD, PUT, DELETE; never POST or PATCH), only
 * after failures that say nothing about the request itself (refused or reset connections,
 * 502, 503, 504, 429), with jittered exponential backoff, and only out of a per-backend
 * budget so that a failing backend never sees more than a small share of extra calls.
 * Timeouts are not retried: the time is already spent, and a slow backend needs less load.
 */

export const RETRYABLE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
/** Transport failures where the request did not get a usable answer and a repeat is safe for an idempotent call. */
const RETRYABLE_ERRORS: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** Longest backoff, whatever the attempt. */
const MAX_BACKOFF_MS = 5_000;

export function isRetryableError(error: unknown): boolean {
  return RETRYABLE_ERRORS.has((error as { code?: string } | null)?.code ?? '');
}

/**
 * Wait before retry number `retry` (1-based): "full jitter", uniformly in
 * [0, base * 2^(retry-1)], so callers that failed together do not come back together.
 */
export function backoffMs(retry: number, baseMs: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (retry - 1)));
}

/** Retries banked when the budget is full, so a backend with little traffic still gets a retry or two. */
export const RETRY_RESERVE = 10;

/**
 * A token bucket: every first attempt deposits `percent / 100` of a token, every retry takes a
 * whole one, and the bucket holds at most RETRY_RESERVE. Over any stretch, retries are at most
 * `percent`% of calls plus the reserve. 0 turns retries off.
 */
export class RetryBudget {
  private tokens: number;
  private readonly perCall: number;
  private readonly capacity: number;

  constructor(percent: number) {
    this.perCall = percent / 100;
    this.capacity = percent > 0 ? RETRY_RESERVE : 0;
    this.tokens = this.capacity;
  }

  deposit(): void {
    this.tokens = Math.min(this.capacity, this.tokens + this.perCall);
  }

  /** Takes one retry's token; false when the budget is spent. */
  withdraw(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  get balance(): number {
    return this.tokens;
  }
}

/** Retry-After as milliseconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
