import type { AttemptAbort } from '../../overrides/attempt-abort.js';

/**
 * A bounded queue in front of one backend: at most `maxInFlight` calls out at once (the
 * pool's connections) and `maxPending` waiting for one. undici's own pool queue is unbounded,
 * so without this a backend that hangs collects every caller until memory or patience runs
 * out; here the caller past the bound fails at once (UPSTREAM_BUSY), and a waiter whose
 * deadline passes leaves the queue (UPSTREAM_TIMEOUT). Each backend has its own, so a hung
 * backend never delays calls to another.
 *
 * Fair between callers: waiters are kept per owner (the caller's credential) and a free slot
 * goes to each owner in turn. When the waiting room is full, a newcomer with fewer waiters
 * than the owner with the most takes the place of that owner's newest one (refused as busy).
 * A caller that floods a backend waits behind itself; another caller's lookups still get in;
 * a single caller (a service token) still has the whole room.
 */

export class QueueRefused extends Error {
  constructor(readonly reason: 'busy' | 'timeout' | 'gone') {
    super(reason === 'busy' ? 'backend queue full' : reason === 'gone' ? 'caller gone while queued' : 'deadline passed while queued');
    this.name = 'QueueRefused';
  }
}

interface Waiter {
  grant: (release: () => void) => void;
  /** Refuses it as busy: its place went to another owner. */
  evict: () => void;
  timer: NodeJS.Timeout | undefined;
}

export class CallQueue {
  private inFlight = 0;
  private pending = 0;
  /** Waiters by owner, in arrival order; a Map iterates its owners in the order of their turns. */
  private readonly waiting = new Map<string, Waiter[]>();

  constructor(
    readonly maxInFlight: number,
    readonly maxPending: number,
  ) {}

  /** Calls holding a slot now, and calls waiting for one. */
  get load(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.pending };
  }

  /**
   * A slot, as the function that gives it back (idempotent). Rejects with QueueRefused:
   * 'busy' at once when the queue (or the owner's share of it) is full, 'timeout' when
   * `deadline` (performance.now() ms) passes while waiting, 'gone' when `signal` aborts while
   * waiting (the operation is over).
   */
  acquire(deadline?: number, signal?: AttemptAbort, owner = ''): Promise<() => void> {
    const free = this.tryAcquire();
    if (free) return Promise.resolve(free);
    if (this.pending >= this.maxPending && !this.makeRoom(owner)) return Promise.reject(new QueueRefused('busy'));
    const line = this.waiting.get(owner);
    return new Promise((resolve, reject) => {
      const leave = (reason: 'timeout' | 'gone') => {
        this.remove(owner, waiter);
        clearTimeout(waiter.timer);
        signal?.off('abort', gone);
        reject(new QueueRefused(reason));
      };
      const gone = () => leave('gone');
      const waiter: Waiter = {
        grant: (release) => {
          signal?.off('abort', gone);
          resolve(release);
        },
        evict: () => {
          clearTimeout(waiter.timer);
          signal?.off('abort', gone);
          reject(new QueueRefused('busy'));
        },
        timer: undefined,
      };
      if (deadline !== undefined) waiter.timer = setTimeout(() => leave('timeout'), Math.max(0, deadline - performance.now()));
      signal?.once('abort', gone);
      if (line) line.push(waiter);
      else this.waiting.set(owner, [waiter]);
      this.pending += 1;
    });
  }

  /** A free slot at once, or undefined when all are taken (then `acquire` waits in line). */
  tryAcquire(): (() => void) | undefined {
    if (this.inFlight >= this.maxInFlight) return undefined;
    this.inFlight += 1;
    return this.releaser();
  }

  /** A full room: the owner with the most waiters gives up its newest, if `owner` has fewer. */
  private makeRoom(owner: string): boolean {
    let longest: [string, Waiter[]] | undefined;
    for (const entry of this.waiting) if (!longest || entry[1].length > longest[1].length) longest = entry;
    const mine = this.waiting.get(owner)?.length ?? 0;
    if (!longest || longest[0] === owner || longest[1].length <= mine + 1) return false;
    const evicted = longest[1].at(-1)!;
    this.remove(longest[0], evicted);
    evicted.evict();
    return true;
  }

  private remove(owner: string, waiter: Waiter): void {
    const line = this.waiting.get(owner);
    const at = line?.indexOf(waiter) ?? -1;
    if (!line || at < 0) return;
    line.splice(at, 1);
    this.pending -= 1;
    if (line.length === 0) this.waiting.delete(owner);
  }

  /** The next owner's oldest waiter; the owner goes to the back of the turns. */
  private next(): Waiter | undefined {
    const turn = this.waiting.entries().next();
    if (turn.done) return undefined;
    const [owner, line] = turn.value;
    const waiter = line.shift()!;
    this.pending -= 1;
    this.waiting.delete(owner);
    if (line.length > 0) this.waiting.set(owner, line);
    return waiter;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Hand the slot straight to the next waiter: inFlight stays as it is.
      const next = this.next();
      if (next) {
        clearTimeout(next.timer);
        next.grant(this.releaser());
      } else {
        this.inFlight -= 1;
      }
    };
  }
}
