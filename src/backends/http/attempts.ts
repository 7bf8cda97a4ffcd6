import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { BackendKey } from '../../backend-keys.js';
import { AttemptAbort } from '../../overrides/attempt-abort.js';
import type { CallOutcome, CircuitBreaker } from './breaker.js';
import { armDeadline, DeadlineExceeded, NobodyWaits, spent } from './deadlines.js';
import { type BackendError, busy, circuitOpen, nobodyWaits, timeUp, transportError } from './errors.js';
import { QueueRefused, type CallQueue } from './queue.js';
import { backoffMs, isRetryableError, type RetryBudget } from './retry.js';

/**
 * The attempt loop: how one upstream call is tried, and tried again. Before every attempt, in
 * this order, so that a refused attempt costs nothing and the cheapest refusal wins:
 *
 *   1. the caller's deadline (spent: UPSTREAM_TIMEOUT, nothing sent);
 *   2. the backend's circuit breaker (open: UPSTREAM_UNAVAILABLE with retryAfter, nothing sent);
 *   3. the backend's bounded queue (full: UPSTREAM_BUSY; a waiter whose deadline passes: UPSTREAM_TIMEOUT);
 *   4. the breaker again, for a permit (the circuit may have opened while the call queued);
 *
 * then the attempt itself, aborted in flight at the deadline, its outcome reported to the
 * breaker and recorded for the trace, and the retry policy (retry.ts) decides whether another
 * attempt goes, within the retry budget and the deadline. test/backends/attempt-order.test.ts
 * pins this order.
 */

/** How one attempt went: what the caller gets if it is the last, and what the policies need to know. */
export interface Outcome<R> {
  status: number | null;
  result: { value: R } | { error: BackendError };
  breaker: CallOutcome;
  /** Worth another attempt, if the call may be retried at all. */
  transient: boolean;
  retryAfterMs?: number;
  /** Frees the attempt's response before a retry. */
  discard?: () => Promise<void>;
  /** A body the caller streams: the queue slot is held until it closes. */
  body?: Dispatcher.ResponseData['body'];
}

export interface AttemptPlan {
  retry: boolean;
  /** Read before every attempt: a shared GET's deadline grows when a later caller joins. */
  deadline: () => number | undefined;
  /** Abort an attempt in flight at the deadline (not for uploads: their bytes take what they take). */
  abortInFlight: boolean;
  /**
   * Aborts when nobody waits for the call any more (its operation answered, its caller left):
   * no attempt starts after it, a queued one leaves the queue, one in flight is aborted.
   */
  signal?: AttemptAbort | undefined;
  /** The operation's budget of upstream calls: throws when spent (see CallContext.charge). */
  charge?: (() => void) | undefined;
  /** Whose call it is (the credential): the queue gives each owner its turn. */
  owner?: string;
}

/** One backend's guards, shared by all its calls. */
export interface Guards {
  backend: BackendKey;
  queue: CallQueue;
  breaker: CircuitBreaker;
  budget: RetryBudget;
  retries: number;
  retryBaseMs: number;
}

/**
 * Longest a retry waits (backoff or Retry-After), deadline or not: a backend that asks for
 * more gets its answer passed on (429 with retryAfter) rather than a caller held that long;
 * pollers back off by retryAfter themselves.
 */
const MAX_RETRY_WAIT_MS = 5_000;

/** A failure with no usable response: timeouts, refused and reset connections, the deadline. */
export function transportOutcome(backend: BackendKey, error: unknown): Outcome<never> {
  if (error instanceof DeadlineExceeded) {
    // The caller's time ran out, which says as much about the caller as about the backend:
    // neutral for the breaker. A hung backend still trips it through its own timeouts.
    return { status: null, result: { error: timeUp(backend) }, breaker: 'neutral', transient: false };
  }
  if (error instanceof NobodyWaits) return { status: null, result: { error: nobodyWaits(backend) }, breaker: 'neutral', transient: false };
  return { status: null, result: { error: transportError(backend, error) }, breaker: 'failure', transient: isRetryableError(error) };
}

/** Releases `release` once a streamed body is done with, however it ends. */
function releaseWhenClosed(body: Dispatcher.ResponseData['body'], release: () => void): void {
  if (body.destroyed || body.readableEnded) {
    release();
    return;
  }
  body.once('close', release);
  body.once('end', release);
  body.once('error', release);
}

const openFor = (guards: Guards) => circuitOpen(guards.backend, Math.max(1, Math.ceil(guards.breaker.retryInMs() / 1000)));

/**
 * Runs `once` until it succeeds, fails for good, or may not be tried again; `record` sees every
 * attempt that was sent (status, start time, attempt number).
 */
export async function runAttempts<R>(
  guards: Guards,
  plan: AttemptPlan,
  once: (signal: AttemptAbort) => Promise<Outcome<R>>,
  record: (status: number | null, started: number, attempt: number) => void,
): Promise<R> {
  const { backend, breaker, queue } = guards;
  for (let attempt = 1; ; attempt++) {
    const deadline = plan.deadline();
    if (plan.signal?.aborted) throw nobodyWaits(backend);
    if (spent(deadline)) throw timeUp(backend);
    plan.charge?.();
    if (!breaker.allows()) throw openFor(guards);
    // A free slot is taken without a turn of the microtask queue; only a full queue waits.
    let release = queue.tryAcquire();
    if (!release) {
      try {
        release = await queue.acquire(deadline, plan.signal, plan.owner);
      } catch (error) {
        const reason = error instanceof QueueRefused ? error.reason : 'timeout';
        throw reason === 'busy' ? busy(backend) : reason === 'gone' ? nobodyWaits(backend) : timeUp(backend);
      }
    }
    const permit = breaker.enter();
    if (!permit) {
      release();
      throw openFor(guards);
    }
    if (attempt === 1) guards.budget.deposit();
    const abort = new AttemptAbort();
    const disarm = plan.abortInFlight ? armDeadline(abort, plan.deadline, plan.signal) : () => undefined;
    const started = performance.now();
    let outcome: Outcome<R>;
    try {
      outcome = await once(abort);
    } catch (error) {
      outcome = transportOutcome(backend, error);
    } finally {
      disarm();
    }
    permit.report(outcome.breaker);
    record(outcome.status, started, attempt);
    const wait = plan.retry && outcome.transient ? retryWait(guards, attempt, outcome.retryAfterMs, plan.deadline()) : undefined;
    if (wait === undefined) {
      if ('error' in outcome.result) {
        release();
        throw outcome.result.error;
      }
      if (outcome.body) releaseWhenClosed(outcome.body, release);
      else release();
      return outcome.result.value;
    }
    try {
      await outcome.discard?.();
    } catch {
      // A broken body is gone either way.
    } finally {
      release();
    }
    await sleep(wait);
  }
}

/** How long to wait before retry number `attempt`, or undefined when it may not happen. */
function retryWait(guards: Guards, attempt: number, retryAfter: number | undefined, deadline: number | undefined): number | undefined {
  if (attempt > guards.retries) return undefined;
  // The circuit opened on this failure: the caller gets the failure itself, not "circuit open".
  if (!guards.breaker.allows()) return undefined;
  const wait = Math.max(backoffMs(attempt, guards.retryBaseMs), retryAfter ?? 0);
  const room = deadline === undefined ? MAX_RETRY_WAIT_MS : Math.min(MAX_RETRY_WAIT_MS, deadline - performance.now());
  // A Retry-After past the deadline: answer now (429 carries retryAfter) rather than wait in vain.
  if (wait >= room) return undefined;
  return guards.budget.withdraw() ? wait : undefined;
}
