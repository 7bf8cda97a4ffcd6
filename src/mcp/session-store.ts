import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import type { InitializeRequest } from '@modelcontextprotocol/sdk/types.js';

/**
 * What an MCP session is, wherever its requests land: who owns it (a digest of the credential
 * that opened it: no other caller may use its id), how it was initialized (so another replica
 * can take it up), and the resources it is subscribed to. Without Redis the records live in
 * this process; with REDIS_URL in Redis, so that a client behind a load balancer without sticky
 * sessions can send each request to any replica.
 *
 * A change of a session's subscriptions is announced on the session's channel; the replica
 * that holds the session's event stream (its GET) watches it and starts or stops the feeds.
 */
interface SessionRecord {
  owner: string;
  init: InitializeRequest['params'];
  subscriptions: string[];
}

export interface SessionStore {
  get(id: string): Promise<SessionRecord | undefined>;
  put(id: string, record: SessionRecord): Promise<void>;
  delete(id: string): Promise<void>;
  /** Tells whoever watches `id` that its record changed (or is gone). */
  announce(id: string): Promise<void>;
  /** Calls `onChange` when `id`'s record changes, from any replica; returns the stop. */
  watch(id: string, onChange: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** How long a session nobody uses is kept (each request renews it). */
const SESSION_TTL_MS = 60 * 60 * 1000;

export function memorySessionStore(): SessionStore {
  const records = new Map<string, { record: SessionRecord; expires: number }>();
  const changes = new EventEmitter().setMaxListeners(0);
  return {
    async get(id) {
      const entry = records.get(id);
      if (!entry) return undefined;
      if (entry.expires < Date.now()) {
        records.delete(id);
        return undefined;
      }
      return structuredClone(entry.record);
    },
    async put(id, record) {
      records.set(id, { record: structuredClone(record), expires: Date.now() + SESSION_TTL_MS });
    },
    async delete(id) {
      records.delete(id);
    },
    async announce(id) {
      changes.emit(id);
    },
    async watch(id, onChange) {
      changes.on(id, onChange);
      return async () => void changes.off(id, onChange);
    },
    async close() {
      records.clear();
      changes.removeAllListeners();
    },
  };
}

export function redisSessionStore(url: string): SessionStore {
  // Loaded only with REDIS_URL, as the other Redis users are.
  const { Redis: RedisClient } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
  const commands: Redis = new RedisClient(url, { maxRetriesPerRequest: 2 });
  const subscriber: Redis = new RedisClient(url, { maxRetriesPerRequest: 2 });
  // ioredis reconnects by itself; without a listener each failed attempt prints a stack.
  for (const client of [commands, subscriber]) client.on('error', () => {});
  const key = (id: string) => `gantry:mcp:session:${id}`;
  const channel = (id: string) => `gantry:mcp:changed:${id}`;
  const watchers = new Map<string, Set<() => void>>();
  subscriber.on('message', (name: string) => {
    for (const onChange of watchers.get(name.slice('gantry:mcp:changed:'.length)) ?? []) onChange();
  });
  return {
    async get(id) {
      const text = await commands.get(key(id));
      if (text === null) return undefined;
      await commands.pexpire(key(id), SESSION_TTL_MS);
      return JSON.parse(text) as SessionRecord;
    },
    async put(id, record) {
      await commands.set(key(id), JSON.stringify(record), 'PX', SESSION_TTL_MS);
    },
    async delete(id) {
      await commands.del(key(id));
    },
    async announce(id) {
      await commands.publish(channel(id), '');
    },
    async watch(id, onChange) {
      let set = watchers.get(id);
      if (!set) {
        set = new Set();
        watchers.set(id, set);
        await subscriber.subscribe(channel(id));
      }
      set.add(onChange);
      return async () => {
        set.delete(onChange);
        if (set.size === 0 && watchers.get(id) === set) {
          watchers.delete(id);
          await subscriber.unsubscribe(channel(id));
        }
      };
    },
    async close() {
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
    },
  };
}
