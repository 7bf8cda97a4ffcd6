import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/schema.js';

/**
 * Request budgets per client address and per credential, and a budget of refused credentials
 * per address (the brake on a bad token hammering connection_init). Windows of two seconds
 * allow bursts of twice the per-second rate; the failure budget counts per minute. In
 * process: each replica enforces its own (Redis-backed limits are a drop-in of the same
 * library when one replica's share is not enough).
 */
export interface RateLimits {
  /** Charges one request to `address`; the seconds to wait when over budget, else undefined. */
  address(address: string): Promise<number | undefined>;
  /** Charges one operation to each token the caller sent (by its digest); seconds to wait, else undefined. */
  credential(tokens: readonly string[]): Promise<number | undefined>;
  /** Records a refused credential from `address`. */
  authFailure(address: string): Promise<void>;
  /** Seconds `address` must wait because of refused credentials, else undefined (does not charge). */
  authBlocked(address: string): Promise<number | undefined>;
}

const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

async function charge(limiter: RateLimiterMemory | undefined, key: string): Promise<number | undefined> {
  if (!limiter) return undefined;
  try {
    await limiter.consume(key);
    return undefined;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return seconds(rejection);
    throw rejection;
  }
}

export function createRateLimits(config: Config['rateLimit']): RateLimits {
  const perSecond = (rate: number) => (rate > 0 ? new RateLimiterMemory({ points: rate * 2, duration: 2 }) : undefined);
  const byAddress = perSecond(config.perAddress);
  const byCredential = perSecond(config.perCredential);
  const failures = config.authFailures > 0 ? new RateLimiterMemory({ points: config.authFailures, duration: 60 }) : undefined;
  return {
    address: (address) => charge(byAddress, address),
    async credential(tokens) {
      if (!byCredential) return undefined;
      let wait: number | undefined;
      for (const token of tokens) {
        const left = await charge(byCredential, createHash('sha256').update(token).digest('base64url'));
        if (left !== undefined) wait = Math.max(wait ?? 0, left);
      }
      return wait;
    },
    async authFailure(address) {
      await failures?.penalty(address);
    },
    async authBlocked(address) {
      const state = await failures?.get(address);
      return state && state.consumedPoints >= config.authFailures ? seconds(state) : undefined;
    },
  };
}
