import { describe, expect, it } from 'vitest';
import { CallQueue, type QueueRefused } from '../../src/backends/http/queue.js';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => (e as QueueRefused).reason,
  );

describe('bounded queue per backend', () => {
  it('lets N calls out and M wait, refuses the next at once, and hands slots over in order', async () => {
    const queue = new CallQueue(2, 2);
    const first = await queue.acquire();
    await queue.acquire();
    const order: string[] = [];
    const third = queue.acquire().then((release) => {
      order.push('third');
      return release;
    });
    const fourth = queue.acquire().then((release) => {
      order.push('fourth');
      return release;
    });
    expect(queue.load).toEqual({ inFlight: 2, waiting: 2 });
    expect(await refusal(queue.acquire())).toBe('busy');
    first();
    first(); // a second release of the same slot changes nothing
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    expect(queue.load).toEqual({ inFlight: 2, waiting: 0 });
  });

  it('takes a waiter whose deadline passes out of the queue', async () => {
    const queue = new CallQueue(1, 5);
    const release = await queue.acquire();
    const started = performance.now();
    expect(await refusal(queue.acquire(performance.now() + 50))).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(queue.load).toEqual({ inFlight: 1, waiting: 0 });
    release();
    expect(queue.load).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('with no room to wait, refuses as soon as every slot is taken', async () => {
    const queue = new CallQueue(1, 0);
    await queue.acquire();
    expect(await refusal(queue.acquire())).toBe('busy');
  });

  it('hands out a free slot synchronously, and none while every slot is taken or a caller waits', async () => {
    const queue = new CallQueue(1, 1);
    const release = queue.tryAcquire();
    expect(release).toBeTypeOf('function');
    expect(queue.tryAcquire()).toBeUndefined();
    const waiter = queue.acquire();
    release!();
    // The slot went to the waiter, not back to the pool: a newcomer still gets none.
    expect(queue.tryAcquire()).toBeUndefined();
    (await waiter)();
    expect(queue.load).toEqual({ inFlight: 0, waiting: 0 });
    expect(queue.tryAcquire()).toBeTypeOf('function');
  });
});
