import { isExactId } from '../backends/raw-values.js';
import type pLimit from 'p-limit';
import { NotFoundError } from '../errors.js';
import { upstream } from './upstream.js';

/**
 * A loader batch for an API with no multi-get: each key is fetched on its own, under the
 * backend's fan-out bound (shared by all requests). One result per key, in key order; a key
 * `parse` refuses, a miss or a failure is that key's Error, so one bad id never fails its
 * neighbours.
 */
export function loadEachByKey<K, T>(
  keys: readonly string[],
  fanOut: ReturnType<typeof pLimit>,
  parse: (key: string) => K | undefined,
  fetch: (id: K) => Promise<T>,
  what: string,
): Promise<Array<T | Error>> {
  return Promise.all(
    keys.map((key) => {
      const id = parse(key);
      if (id === undefined) return new NotFoundError(`No ${what} ${key}.`);
      return fanOut(() => upstream(fetch(id)).catch((error: unknown) => (error instanceof Error ? error : new NotFoundError(`No ${what} ${key}.`))));
    }),
  );
}

/** loadEachByKey for the integer ids of the ComputeStacks APIs. */
export function loadEachById<T>(
  keys: readonly string[],
  fanOut: ReturnType<typeof pLimit>,
  fetch: (id: number) => Promise<T>,
  what: string,
): Promise<Array<T | Error>> {
  return loadEachByKey(keys, fanOut, (key) => (isExactId(key) ? Number(key) : undefined), fetch, what);
}
