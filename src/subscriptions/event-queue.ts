/**
 * One subscriber's bounded queue, read as an async iterator. A consumer that stops reading
 * cannot grow memory without bound: past `capacity` the oldest events are dropped and the
 * next event carries `gap: true`, so the client knows it missed some (it can resume from the
 * last cursor it saw).
 */
export interface Queued<T> {
  event: T;
  /** Events were dropped before this one. */
  gap: boolean;
}

export class EventQueue<T> implements AsyncIterableIterator<Queued<T>> {
  private readonly items: Array<Queued<T>> = [];
  private waiting: ((result: IteratorResult<Queued<T>>) => void) | undefined;
  private failWaiting: ((error: unknown) => void) | undefined;
  private dropped = false;
  private done = false;
  private failure: unknown;

  constructor(
    private readonly capacity: number,
    private readonly onClose: () => void,
  ) {}

  /** Events waiting for the consumer. */
  get size(): number {
    return this.items.length;
  }

  push(event: T): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = this.failWaiting = undefined;
      resolve({ value: { event, gap: this.takeGap() }, done: false });
      return;
    }
    if (this.items.length >= this.capacity) {
      this.items.shift();
      this.dropped = true;
    }
    this.items.push({ event, gap: this.takeGap() });
  }

  /** Ends the stream with an error (after what is queued). */
  fail(error: unknown): void {
    if (this.done) return;
    this.failure = error;
    if (this.failWaiting) {
      const reject = this.failWaiting;
      this.waiting = this.failWaiting = undefined;
      this.finish();
      reject(error);
    }
  }

  private takeGap(): boolean {
    const gap = this.dropped;
    this.dropped = false;
    return gap;
  }

  next(): Promise<IteratorResult<Queued<T>>> {
    const item = this.items.shift();
    if (item) return Promise.resolve({ value: item, done: false });
    if (this.failure !== undefined) {
      this.finish();
      return Promise.reject(this.failure);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<Queued<T>>> {
    this.finish();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = this.failWaiting = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.items.length = 0;
    this.onClose();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
