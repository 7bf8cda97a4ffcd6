import { describe, expect, it } from 'vitest';
import { PeekableLoader } from '../../src/overrides/peekable-loader.js';

/** A loader over `values` that records each batch and answers an Error for unknown keys. */
function loaderOver(values: Record<string, string>) {
  const batches: string[][] = [];
  let release: () => void = () => undefined;
  const gate = { open: true };
  const loader = new PeekableLoader<string, string>(async (keys) => {
    batches.push([...keys]);
    // Read when the batch starts, answered when the test releases it.
    const answers = keys.map((key) => values[key] ?? new Error(`no ${key}`));
    if (!gate.open) await new Promise<void>((resolve) => (release = resolve));
    gate.open = true;
    return answers;
  });
  return { loader, batches, hold: () => (gate.open = false), release: () => release() };
}

describe('PeekableLoader', () => {
  it('holds a primed value at once, and load answers the same without a batch', async () => {
    const { loader, batches } = loaderOver({});
    loader.prime('a', 'primed');
    expect(loader.holds('a')).toBe(true);
    expect(loader.peek('a')).toBe('primed');
    expect(await loader.load('a')).toBe('primed');
    expect(batches).toEqual([]);
  });

  it('holds a loaded value once it has settled, not before', async () => {
    const { loader } = loaderOver({ a: 'A', b: 'B' });
    const pending = loader.loadMany(['a', 'b']);
    expect(loader.holds('a')).toBe(false);
    expect(await pending).toEqual(['A', 'B']);
    expect([loader.peek('a'), loader.peek('b')]).toEqual(['A', 'B']);
  });

  it('ignores a prime for a key it already has, as DataLoader does', async () => {
    const { loader } = loaderOver({ a: 'loaded' });
    await loader.load('a');
    loader.prime('a', 'primed later');
    expect(loader.peek('a')).toBe('loaded');
    expect(await loader.load('a')).toBe('loaded');
  });

  it('ignores a prime for a key whose load is in flight, and holds what the load brings', async () => {
    const { loader, hold, release } = loaderOver({ a: 'loaded' });
    hold();
    const pending = loader.load('a');
    loader.prime('a', 'primed meanwhile');
    expect(loader.holds('a')).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await pending).toBe('loaded');
    expect(loader.peek('a')).toBe('loaded');
  });

  it('never holds a failure, loaded or primed', async () => {
    const { loader } = loaderOver({});
    await expect(loader.load('missing')).rejects.toThrow('no missing');
    loader.prime('failed', new Error('primed failure'));
    expect(loader.holds('missing')).toBe(false);
    expect(loader.holds('failed')).toBe(false);
    // Still cached as failures: a prime cannot replace them, as with DataLoader.
    loader.prime('missing', 'value');
    expect(loader.holds('missing')).toBe(false);
    await expect(loader.load('missing')).rejects.toThrow('no missing');
  });

  it('forgets a cleared key, even when a load of it settles after the clear', async () => {
    const values = { a: 'first' };
    const { loader, hold, release } = loaderOver(values);
    hold();
    const stale = loader.load('a');
    await new Promise((resolve) => setImmediate(resolve));
    loader.clear('a');
    values.a = 'second';
    release();
    expect(await stale).toBe('first');
    expect(loader.holds('a')).toBe(false);
    expect(await loader.load('a')).toBe('second');
    expect(loader.peek('a')).toBe('second');
  });

  it('forgets everything on clearAll', async () => {
    const { loader } = loaderOver({ a: 'A' });
    loader.prime('b', 'B');
    await loader.load('a');
    loader.clearAll();
    expect(loader.holds('a') || loader.holds('b')).toBe(false);
  });

  it('refuses cache options it could not mirror', () => {
    expect(() => new PeekableLoader<string, string>(async (keys) => keys, { cacheKeyFn: (key) => key })).toThrow(/default cache/);
    expect(() => new PeekableLoader<string, string>(async (keys) => keys, { cache: false })).toThrow(/default cache/);
  });
});
