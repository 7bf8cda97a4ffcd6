import { describe, expect, it } from 'vitest';
import { backoffMs, isRetryableError, RETRY_RESERVE, retryAfterMs, RetryBudget } from '../../src/backends/http/retry.js';

describe('retry policy', () => {
  it('backs off exponentially with full jitter, capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 100, () => 1))).toEqual([100, 200, 400, 800]);
    expect(backoffMs(3, 100, () => 0)).toBe(0);
    expect(backoffMs(3, 100, () => 0.5)).toBe(200);
    expect(backoffMs(20, 100, () => 1)).toBe(5_000);
  });

  it('retries refused and reset connections, not timeouts or unknown failures', () => {
    expect(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].map((code) => isRetryableError({ code }))).toEqual([true, true, true, true]);
    expect(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_ABORTED'].some((code) => isRetryableError({ code }))).toBe(
      false,
    );
    expect(isRetryableError(new Error('x'))).toBe(false);
    expect(isRetryableError(null)).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3_000);
    expect(retryAfterMs('0.5')).toBe(500);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  it('lets retries add at most the budget share of calls, plus the banked reserve', () => {
    const budget = new RetryBudget(10);
    let retries = 0;
    // Every call fails and wants a retry.
    for (let call = 0; call < 1_000; call++) {
      budget.deposit();
      if (budget.withdraw()) retries++;
    }
    expect(retries).toBeLessThanOrEqual(100 + RETRY_RESERVE);
    expect(retries).toBeGreaterThanOrEqual(100);
  });

  it('allows no retry at all with a 0% budget', () => {
    const budget = new RetryBudget(0);
    budget.deposit();
    expect(budget.withdraw()).toBe(false);
  });
});
