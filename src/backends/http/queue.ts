/**
 * A bounded queue in front of one backend: at most `maxInFlight` calls out at once (the
 * pool's connections) and `maxPending` waiting for one. undici's own pool queue is unbounded,
 * so without this a backend that hangs collects every caller until memory or patience runs
 * out; here the caller past the bound fails at once (UPSTREAM_BUSY), and a waiter whose
 * deadline passes leaves the queue (UPSTREAM_TIMEOUT). Each backend has its own, so a hung
 * backend never delays calls to another.
 */

export class QueueRefused extends Error {
  constructor(readonly reason: 'busy' | 'timeout') {
    super(reason === 'busy' ? 'backend queue full' : 'deadline passed while queued');
    this.name = 'QueueRefused';
  }
}

interface Waiter {
  grant: (release: () => void) => void;
  timer: NodeJS.Timeout | undefined;
}

export class CallQueue {
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly maxInFlight: number,
    readonly maxPending: number,
  ) {}

  /** Calls holding a slot now, and calls waiting for one. */
  get load(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.waiting.length };
  }

  /**
   * A slot, as the function that gives it back (idempotent). Rejects with QueueRefused:
   * 'busy' at once when the queue is full, 'timeout' when `deadline` (performance.now() ms)
   * passes while waiting.
   */
  acquire(deadline?: number): Promise<() => void> {
    const free = this.tryAcquire();
    if (free) return Promise.resolve(free);
    if (this.waiting.length >= this.maxPending) return Promise.reject(new QueueRefused('busy'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { grant: resolve, timer: undefined };
      if (deadline !== undefined) {
        waiter.timer = setTimeout(
          () => {
            const at = this.waiting.indexOf(waiter);
            if (at >= 0) this.waiting.splice(at, 1);
            reject(new QueueRefused('timeout'));
          },
          Math.max(0, deadline - performance.now()),
        );
      }
      this.waiting.push(waiter);
    });
  }

  /** A free slot at once, or undefined when all are taken (then `acquire` waits in line). */
  tryAcquire(): (() => void) | undefined {
    if (this.inFlight >= this.maxInFlight) return undefined;
    this.inFlight += 1;
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Hand the slot straight to the oldest waiter: inFlight stays as it is.
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.grant(this.releaser());
      } else {
        this.inFlight -= 1;
      }
    };
  }
}
