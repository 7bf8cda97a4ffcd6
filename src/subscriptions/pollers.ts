import { BackendError } from '../backends/http/errors.js';
import { GantryError } from '../errors.js';
import { fromBackendError } from '../schema/upstream.js';
import { EventQueue } from './event-queue.js';
import type { Coordinator } from './redis-coordinator.js';

/**
 * Upstreams only answer polls. One poller per key — (backend, resource, stream, credential
 * digest) — however many subscribers share it: it starts with the first subscriber, polls at
 * an interval with jitter, backs off on 429 and 5xx, ends every stream with the error when the
 * credential stops working (401, 403, 404), and stops with the last subscriber.
 */

export interface PollSource<T> {
  /** Events that appeared since the previous call (the source keeps its own cursor). */
  poll(): Promise<T[]>;
  /** An event another replica read: move the cursor past it, so a takeover resumes there. */
  seen?(event: T): void;
}

export interface PollerOptions {
  intervalMs: number;
  /** Subscriptions one caller (credential digest) may hold at once. */
  maxPerCaller?: number;
  /** Subscriptions one WebSocket may hold at once. */
  maxPerSocket?: number;
  /**
   * Upstream calls per second one caller's pollers may make together. A poller costs its calls
   * per poll times the polls per second; joining a poller that already runs costs nothing.
   */
  maxPollsPerSecondPerCaller?: number;
  /** With Redis: one replica polls each key and the others follow its events. */
  coordinator?: Coordinator;
  /** Events a slow subscriber may have queued before the oldest are dropped. */
  queueCapacity?: number;
}

/** Upstream codes after which polling again cannot help. */
const FATAL = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);
const MAX_BACKOFF_MS = 30_000;

class Poller<T> {
  readonly subscribers = new Set<EventQueue<T>>();
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;
  /** 'owner' polls; 'follower' serves events another replica published. */
  role: 'owner' | 'follower' = 'owner';
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly key: string,
    private readonly source: PollSource<T>,
    private readonly options: PollerOptions,
    private readonly onEmpty: () => void,
  ) {
    const coordinator = options.coordinator;
    if (coordinator) {
      void coordinator
        .listen(key, (events) => {
          for (const event of events as T[]) {
            this.source.seen?.(event);
            for (const subscriber of this.subscribers) subscriber.push(event);
          }
        })
        .then((unlisten) => {
          if (this.stopped) void unlisten();
          else this.unlisten = unlisten;
        });
    }
  }

  subscribe(onClose: () => void): EventQueue<T> {
    const queue = new EventQueue<T>(this.options.queueCapacity ?? 1000, () => {
      onClose();
      this.subscribers.delete(queue);
      if (this.subscribers.size === 0) this.stop();
    });
    this.subscribers.add(queue);
    if (this.subscribers.size === 1) this.schedule(0);
    return queue;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    let delay = this.options.intervalMs;
    try {
      const coordinator = this.options.coordinator;
      // With Redis, only the lease holder polls; the others only try to take over.
      this.role = !coordinator || (await coordinator.claim(this.key)) ? 'owner' : 'follower';
      if (this.stopped) return;
      if (this.role === 'owner') {
        const events = await this.source.poll();
        this.failures = 0;
        for (const event of events) for (const subscriber of this.subscribers) subscriber.push(event);
        if (coordinator && events.length > 0) await coordinator.publish(this.key, events);
      }
    } catch (error) {
      const mapped = error instanceof BackendError ? fromBackendError(error) : error;
      const code = (mapped as { code?: string }).code ?? '';
      if (FATAL.has(code)) {
        for (const subscriber of [...this.subscribers]) subscriber.fail(mapped);
        this.stop();
        return;
      }
      this.failures += 1;
      const retryAfter = (mapped as { retryAfter?: number }).retryAfter;
      delay = Math.min(MAX_BACKOFF_MS, retryAfter !== undefined ? retryAfter * 1000 : this.options.intervalMs * 2 ** this.failures);
    }
    // ±10% jitter so pollers started together do not poll together forever.
    this.schedule(delay * (0.9 + Math.random() * 0.2));
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    void this.unlisten?.();
    if (this.role === 'owner') void this.options.coordinator?.release(this.key).catch(() => undefined);
    this.onEmpty();
  }
}

/** Who subscribes, and what a new poller for them would cost. */
export interface Subscriber {
  /** The caller's credential digest: limits and the poll budget are per caller. */
  caller?: string;
  /** The WebSocket, for the per-socket limit. */
  socket?: object | undefined;
  /** Upstream calls one poll makes (metrics read CPU and memory: 2). @default 1 */
  callsPerPoll?: number;
}

export class PollerRegistry {
  private readonly pollers = new Map<string, Poller<unknown>>();
  private readonly perCaller = new Map<string, number>();
  private readonly perSocket = new WeakMap<object, number>();
  /** Upstream calls per second of each caller's running pollers. */
  private readonly pollRate = new Map<string, number>();

  constructor(private readonly options: PollerOptions) {}

  /**
   * Joins the poller for `key`, creating it (and its source) for the first subscriber.
   * @throws GantryError RATE_LIMITED when `caller` already holds its maximum of subscriptions,
   *   or a new poller would take its pollers past their budget of upstream calls per second.
   */
  subscribe<T>(key: string, makeSource: () => PollSource<T>, subscriber: Subscriber = {}): EventQueue<T> {
    const { caller = '', socket } = subscriber;
    const onSocket = socket ? (this.perSocket.get(socket) ?? 0) : 0;
    if (socket && onSocket >= (this.options.maxPerSocket ?? Number.POSITIVE_INFINITY)) {
      throw new GantryError('RATE_LIMITED', `Too many subscriptions on this socket (at most ${this.options.maxPerSocket}).`);
    }
    const held = this.perCaller.get(caller) ?? 0;
    if (held >= (this.options.maxPerCaller ?? Number.POSITIVE_INFINITY)) {
      throw new GantryError('RATE_LIMITED', `Too many open subscriptions for this credential (at most ${this.options.maxPerCaller}).`);
    }
    let poller = this.pollers.get(key) as Poller<T> | undefined;
    const rate = poller ? 0 : ((subscriber.callsPerPoll ?? 1) * 1000) / this.options.intervalMs;
    const budget = this.options.maxPollsPerSecondPerCaller ?? Number.POSITIVE_INFINITY;
    const spent = this.pollRate.get(caller) ?? 0;
    if (rate > 0 && spent + rate > budget) {
      throw new GantryError(
        'RATE_LIMITED',
        `Too many live streams for this credential: they would poll upstream more than ${budget} times a second. Close some streams first.`,
      );
    }
    this.perCaller.set(caller, held + 1);
    if (socket) this.perSocket.set(socket, onSocket + 1);
    const release = () => {
      const left = (this.perCaller.get(caller) ?? 1) - 1;
      if (left <= 0) this.perCaller.delete(caller);
      else this.perCaller.set(caller, left);
      if (socket) this.perSocket.set(socket, Math.max(0, (this.perSocket.get(socket) ?? 1) - 1));
    };
    if (!poller) {
      this.pollRate.set(caller, spent + rate);
      const created = new Poller<T>(key, makeSource(), this.options, () => {
        if (this.pollers.get(key) === created) this.pollers.delete(key);
        const left = (this.pollRate.get(caller) ?? rate) - rate;
        if (left <= 1e-9) this.pollRate.delete(caller);
        else this.pollRate.set(caller, left);
      });
      poller = created;
      this.pollers.set(key, created as Poller<unknown>);
    }
    return poller.subscribe(release);
  }

  /** Upstream calls per second of each caller's pollers: for tests. */
  get pollRates(): ReadonlyMap<string, number> {
    return this.pollRate;
  }

  /** Open subscriptions per caller digest: for tests and metrics. */
  get callers(): ReadonlyMap<string, number> {
    return this.perCaller;
  }

  /** Pollers running now, by key: for tests and metrics. */
  get active(): ReadonlyMap<string, { subscribers: number; role: 'owner' | 'follower'; backlog: number }> {
    return new Map(
      [...this.pollers].map(([key, p]) => {
        // The most events any one subscriber of this poller has waiting: a slow reader shows here.
        let backlog = 0;
        for (const queue of p.subscribers) backlog = Math.max(backlog, queue.size);
        return [key, { subscribers: p.subscribers.size, role: p.role, backlog }];
      }),
    );
  }

  /** Ends every stream (shutdown), then lets go of Redis. */
  async close(): Promise<void> {
    for (const poller of [...this.pollers.values()]) {
      for (const subscriber of [...poller.subscribers]) void subscriber.return();
      poller.stop();
    }
    await this.options.coordinator?.close();
  }
}
