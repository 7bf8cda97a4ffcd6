import DataLoader from 'dataloader';

/**
 * A DataLoader that also answers synchronously for the keys whose values it already holds:
 * primed, or loaded and settled. `peek(key)` is what `load(key)` would resolve to right now.
 *
 * Why: a resolver that lists related records (a container image's dependencies) usually finds
 * every one of them primed by the catalogue page it came from, yet `loadMany` still costs three
 * promises a key and a `Promise.all`: on a long list with dependencies, the largest share of
 * what the request allocated.
 *
 * It mirrors DataLoader's default cache (keys compared as they are), so options that change
 * caching are refused rather than silently peeked past.
 */
export class PeekableLoader<K, V> extends DataLoader<K, V> {
  /** Settled values, exactly as the cache would resolve them. */
  private readonly held = new Map<K, V>();
  /** Keys the cache holds a promise for that has not settled, or was rejected (null). */
  private readonly unsettled = new Map<K, Promise<V> | null>();

  constructor(batchLoadFn: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V>) {
    if (options?.cache === false || options?.cacheKeyFn || options?.cacheMap) throw new Error("PeekableLoader keeps DataLoader's default cache");
    super(batchLoadFn, options);
  }

  /** The value `load(key)` would resolve to now, if it has settled; undefined otherwise. */
  peek(key: K): V | undefined {
    return this.held.get(key);
  }

  /** Whether `peek(key)` has a value. */
  holds(key: K): boolean {
    return this.held.has(key);
  }

  override load(key: K): Promise<V> {
    const promise = super.load(key);
    if (!this.held.has(key) && !this.unsettled.has(key)) {
      // A new cache entry: held once it settles, unless it was cleared (or replaced) by then.
      this.unsettled.set(key, promise);
      promise.then(
        (value) => {
          if (this.unsettled.get(key) !== promise) return;
          this.unsettled.delete(key);
          this.held.set(key, value);
        },
        () => {
          if (this.unsettled.get(key) === promise) this.unsettled.set(key, null);
        },
      );
    }
    return promise;
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    // DataLoader ignores a prime for a key it already caches; so do we.
    if (!this.held.has(key) && !this.unsettled.has(key)) {
      if (value instanceof Error || (typeof value === 'object' && value !== null && 'then' in value)) this.unsettled.set(key, null);
      else this.held.set(key, value as V);
    }
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.held.delete(key);
    this.unsettled.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.held.clear();
    this.unsettled.clear();
    return super.clearAll();
  }
}
