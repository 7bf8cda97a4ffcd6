import { AttemptAbort } from '../../overrides/attempt-abort.js';
import { withinDeadline } from './deadlines.js';
import type { BackendError } from './errors.js';
import type { JsonResponse } from './types.js';

/** One GET in flight that identical callers join; its deadline is the latest of theirs. */
interface SharedCall {
  promise: Promise<JsonResponse<unknown>>;
  /** The latest deadline of its callers (undefined: one has none): the call is aborted in flight at it. */
  deadline: number | undefined;
  /** Told when a joiner moves `deadline` past the starter's own (see starterWait). */
  extended?: () => void;
  /** Aborts when every caller's operation is over (see hold): nobody waits for the answer. */
  abandoned: AttemptAbort;
  /** Callers whose operations are not over; one without a signal (a poller) holds it for good. */
  holders: number;
}

/** Counts a caller as waiting for `shared` until its operation is over (its signal aborts). */
function hold(shared: SharedCall, signal: AttemptAbort | undefined): void {
  if (signal === undefined) {
    shared.holders = Number.POSITIVE_INFINITY;
    return;
  }
  shared.holders += 1;
  const letGo = () => {
    shared.holders -= 1;
    if (shared.holders <= 0) shared.abandoned.abort('abandoned');
  };
  if (signal.aborted) letGo();
  else signal.once('abort', letGo);
}

/**
 * Identical GETs in flight, keyed by the caller's token and the path: a caller asking for what
 * the same credential is already fetching joins that call instead of sending another (never
 * across credentials). Each caller still gets its answer within its own deadline, and the
 * shared call lives until the latest of them. The token itself, not a digest, is in the key:
 * an entry lives exactly as long as its call, as the token does anyway.
 */
export class SharedGets {
  private readonly inflight = new Map<string, SharedCall>();

  constructor(private readonly timeUp: () => BackendError) {}

  /** The answer of the call in flight under `key`, joined within `deadline`, or undefined when there is none. */
  join(key: string, deadline: number | undefined, signal?: AttemptAbort): Promise<JsonResponse<unknown>> | undefined {
    const pending = this.inflight.get(key);
    if (!pending) return undefined;
    hold(pending, signal);
    // No deadline (a poller) outlives any; otherwise the later one wins.
    const before = pending.deadline;
    pending.deadline = pending.deadline === undefined || deadline === undefined ? undefined : Math.max(pending.deadline, deadline);
    if (pending.deadline !== before) pending.extended?.();
    return withinDeadline(pending.promise, deadline, this.timeUp);
  }

  /**
   * Starts the call under `key`: `send` gets the call's deadline as a getter (it grows as
   * callers join) and the starter gets its answer within its own deadline.
   */
  start(
    key: string,
    deadline: number | undefined,
    signal: AttemptAbort | undefined,
    send: (deadline: () => number | undefined, abandoned: AttemptAbort) => Promise<JsonResponse<unknown>>,
  ): Promise<JsonResponse<unknown>> {
    const shared: SharedCall = { promise: undefined as never, deadline, abandoned: new AttemptAbort(), holders: 0 };
    hold(shared, signal);
    shared.promise = send(() => shared.deadline, shared.abandoned);
    this.inflight.set(key, shared);
    const forget = () => {
      if (this.inflight.get(key) === shared) this.inflight.delete(key);
    };
    shared.promise.then(forget, forget);
    return this.starterWait(shared, deadline);
  }

  /**
   * The starter's answer within its own deadline. Until a joiner extends the call's deadline it
   * is the starter's, and the call is aborted at it: no timer of its own is needed, and most
   * calls (nobody joins) never arm one. An extension arms it.
   */
  private starterWait(shared: SharedCall, deadline: number | undefined): Promise<JsonResponse<unknown>> {
    if (deadline === undefined) return shared.promise;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      shared.extended = () => {
        timer ??= setTimeout(() => reject(this.timeUp()), Math.max(0, deadline - performance.now()));
      };
      shared.promise.then(
        (response) => {
          clearTimeout(timer);
          resolve(response);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}
