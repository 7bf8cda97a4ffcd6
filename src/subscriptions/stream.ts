import type { EventQueue, Queued } from './event-queue.js';

/**
 * A subscriber's stream: some events first (a replay, the current state), then the queue.
 * Not an async generator on purpose: a generator waiting for its next event cannot be
 * returned until that event comes, so a client that unsubscribes from a quiet stream would
 * hold its poller until the next event. Here `return()` ends the queue at once.
 */
export function streamFrom<T, R>(queue: EventQueue<T>, map: (item: Queued<T>) => R | undefined, first: R[] = []): AsyncIterableIterator<R> {
  const pending = [...first];
  return {
    async next(): Promise<IteratorResult<R>> {
      const head = pending.shift();
      if (head !== undefined) return { value: head, done: false };
      for (;;) {
        const item = await queue.next();
        if (item.done) return { value: undefined, done: true };
        const mapped = map(item.value);
        if (mapped !== undefined) return { value: mapped, done: false };
      }
    },
    async return(): Promise<IteratorResult<R>> {
      await queue.return();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown): Promise<IteratorResult<R>> {
      await queue.return();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
