import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * The Redis connection the replicas share their request budgets through (rate-limits.ts).
 * Commands are never queued while it is down (`enableOfflineQueue: false`): a limiter then
 * answers from its in-process twin at once, and the log says so once per outage, and once
 * when Redis answers again. Only the host:port is logged, never a password from the URL.
 */
export interface SharedStore {
  readonly redis: Redis;
  /** Resolves once Redis answered, or failed to (then the warning is out): bounded by the connect timeout. */
  connected(): Promise<void>;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 2_000;

export function createSharedStore(url: string, logger: Pick<Logger, 'warn' | 'info'>): SharedStore {
  // Loaded only with REDIS_URL, as the poller coordinator does: a single replica never needs it.
  const { Redis: RedisClient } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
  const parsed = new URL(url);
  const target = `${parsed.hostname}:${parsed.port || '6379'}`;
  const redis = new RedisClient(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: CONNECT_TIMEOUT_MS });
  let shared: boolean | undefined;
  const down = (code: string) => {
    if (shared === false) return;
    shared = false;
    logger.warn(
      { redis: target, code },
      `Redis at ${target} does not answer (${code}): this replica enforces its request budgets alone until it does, so the effective limit is the setting times the replicas`,
    );
  };
  redis.on('error', (error: NodeJS.ErrnoException) => down(error.code ?? error.name));
  redis.on('end', () => down('connection closed'));
  redis.on('ready', () => {
    if (shared === false) logger.info({ redis: target }, `Redis at ${target} answers again: request budgets are shared by the replicas`);
    shared = true;
  });
  const settled = new Promise<void>((resolve) => {
    redis.once('ready', () => resolve());
    redis.once('error', () => resolve());
    setTimeout(resolve, CONNECT_TIMEOUT_MS + 500).unref();
  });
  return {
    redis,
    connected: () => settled,
    async close() {
      redis.removeAllListeners('end');
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
