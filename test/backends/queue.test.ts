import { describe, expect, it } from 'vitest';
import { CallQueue, type QueueRefused } from '../../src/backends/http/queue.js';
import { AttemptAbort } from '../../src/overrides/attempt-abort.js';

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

  it('serves owners in turn: a flood of one caller does not delay another past one turn', async () => {
    const queue = new CallQueue(1, 100);
    const release = await queue.acquire(undefined, undefined, 'flood');
    const order: string[] = [];
    const take = (owner: string, name: string) =>
      queue.acquire(undefined, undefined, owner).then((giveBack) => {
        order.push(name);
        giveBack();
      });
    const waits = [...Array.from({ length: 5 }, (_, i) => take('flood', `flood-${i}`)), take('other', 'other')];
    release();
    await Promise.all(waits);
    // The other caller's one call goes second, not sixth.
    expect(order.indexOf('other')).toBe(1);
  });

  it("gives a full room's place to a caller with fewer waiters, refusing the flood's newest", async () => {
    const queue = new CallQueue(1, 4);
    await queue.acquire(undefined, undefined, 'flood');
    const flood = Array.from({ length: 4 }, () => refusal(queue.acquire(undefined, undefined, 'flood')));
    expect(await refusal(queue.acquire(undefined, undefined, 'flood'))).toBe('busy');
    const other = queue.acquire(undefined, undefined, 'other');
    expect(await flood[3]).toBe('busy');
    expect(queue.load).toEqual({ inFlight: 1, waiting: 4 });
    void other;
  });

  it('lets a waiter whose operation is over leave the queue', async () => {
    const queue = new CallQueue(1, 5);
    await queue.acquire();
    const over = new AttemptAbort();
    const waiting = refusal(queue.acquire(undefined, over));
    over.abort('over');
    expect(await waiting).toBe('gone');
    expect(queue.load).toEqual({ inFlight: 1, waiting: 0 });
  });
});
