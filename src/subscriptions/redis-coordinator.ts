import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Replicas share pollers through Redis: for each poller key one replica holds a lease
 * (`SET NX PX`, renewed every poll) and polls; it publishes what it read on the key's channel,
 * and every other replica serves its own subscribers from that channel instead of polling. When
 * the holder goes away its lease expires and the next replica to try takes over.
 */
export interface Coordinator {
  readonly replicaId: string;
  /** Takes or renews the lease; true when this replica holds it. */
  claim(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
  publish(key: string, events: unknown[]): Promise<void>;
  /** Calls `onEvents` with what other replicas publish for `key`; returns the unsubscribe. */
  listen(key: string, onEvents: (events: unknown[]) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// Renew only our own lease, atomically.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export function createRedisCoordinator(url: string, leaseMs: number): Coordinator {
  const replicaId = randomUUID();
  // ioredis is imported only by a gateway that has REDIS_URL: a single replica never loads it.
  const clients: Promise<{ commands: Redis; subscriber: Redis }> = import('ioredis').then(({ Redis }) => {
    const subscriber = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
    subscriber.on('message', onMessage);
    const commands = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
    // ioredis reconnects by itself, and a failed claim leaves the poller with this replica;
    // without a listener every failed reconnect would print a stack trace.
    for (const client of [subscriber, commands]) client.on('error', () => {});
    return { commands, subscriber };
  });
  const handlers = new Map<string, (events: unknown[]) => void>();
  const lease = (key: string) => `gantry:lease:${key}`;
  const channel = (key: string) => `gantry:events:${key}`;

  function onMessage(name: string, message: string): void {
    const key = name.slice('gantry:events:'.length);
    const handler = handlers.get(key);
    if (!handler) return;
    const parsed = JSON.parse(message) as { from: string; events: unknown[] };
    if (parsed.from !== replicaId) handler(parsed.events);
  }

  return {
    replicaId,
    async claim(key) {
      const { commands } = await clients;
      const taken = await commands.set(lease(key), replicaId, 'PX', leaseMs, 'NX');
      if (taken === 'OK') return true;
      return (await commands.eval(RENEW, 1, lease(key), replicaId, String(leaseMs))) === 1;
    },
    async release(key) {
      const { commands } = await clients;
      await commands.eval(RELEASE, 1, lease(key), replicaId);
    },
    async publish(key, events) {
      const { commands } = await clients;
      await commands.publish(channel(key), JSON.stringify({ from: replicaId, events }));
    },
    async listen(key, onEvents) {
      handlers.set(key, onEvents);
      const { subscriber } = await clients;
      await subscriber.subscribe(channel(key));
      return async () => {
        handlers.delete(key);
        await subscriber.unsubscribe(channel(key));
      };
    },
    async close() {
      const { commands, subscriber } = await clients;
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
    },
  };
}
