import { createHash } from 'node:crypto';
import { type IRateLimiterOptions, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/schema.js';
import type { SharedStore } from './shared-store.js';

/**
 * Request budgets per client address and per credential, and a budget of refused credentials
 * per address (the brake on a bad token hammering connection_init). Windows of two seconds
 * allow bursts of twice the per-second rate; the failure budget counts per minute.
 *
 * With REDIS_URL the replicas share each budget through Redis (rate-limiter-flexible's Redis
 * limiter), so the limit a client meets does not grow with the replica count. While Redis does
 * not answer, each limiter falls back to its in-process twin (the library's insurance limiter):
 * each replica then enforces the budget alone, as without Redis (shared-store.ts warns).
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

type Limiter = RateLimiterMemory | RateLimiterRedis;

async function charge(limiter: Limiter | undefined, key: string): Promise<number | undefined> {
  if (!limiter) return undefined;
  try {
    await limiter.consume(key);
    return undefined;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return seconds(rejection);
    throw rejection;
  }
}

export function createRateLimits(config: Config['rateLimit'], shared?: SharedStore): RateLimits {
  const limiter = (keyPrefix: string, options: IRateLimiterOptions): Limiter => {
    const inProcess = new RateLimiterMemory({ ...options, keyPrefix });
    if (!shared) return inProcess;
    // Not ready (connecting, or down): straight to the in-process twin, never a queued command.
    return new RateLimiterRedis({
      ...options,
      keyPrefix: `gantry:budget:${keyPrefix}`,
      storeClient: shared.redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: inProcess,
    });
  };
  const perSecond = (name: string, rate: number) => (rate > 0 ? limiter(name, { points: rate * 2, duration: 2 }) : undefined);
  const byAddress = perSecond('address', config.perAddress);
  const byCredential = perSecond('credential', config.perCredential);
  const failures = config.authFailures > 0 ? limiter('auth-failures', { points: config.authFailures, duration: 60 }) : undefined;
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
