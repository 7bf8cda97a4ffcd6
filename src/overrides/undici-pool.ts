import { createRequire } from 'node:module';
import type { Pool as UndiciPool } from 'undici';

/**
 * undici's Pool, loaded from undici's own modules rather than its index. The index loads all
 * of undici (fetch, WebSocket, EventSource, caches, mocks, cookies, two WASM parsers), live in
 * the heap for the process's lifetime, for a gateway that only ever makes a Pool. What the
 * index does for a Pool is one line, mixing the request API into Dispatcher.prototype, and it
 * is repeated here (the same assignment, idempotent if the index is loaded too). undici is
 * pinned to an exact version and declares no `exports` map, so the paths are reachable;
 * test/backends/undici-pool.test.ts checks, in a process of its own, that the Pool made here is
 * the index's own class and sends requests without the index loaded.
 */
const require = createRequire(import.meta.url);
const Dispatcher = require('undici/lib/dispatcher/dispatcher.js') as { prototype: object };
Object.assign(Dispatcher.prototype, require('undici/lib/api/index.js') as object);

export const Pool = require('undici/lib/dispatcher/pool.js') as typeof UndiciPool;
export type Pool = UndiciPool;
