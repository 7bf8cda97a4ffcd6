import type { AttemptAbort } from '../../overrides/attempt-abort.js';

/**
 * A caller's deadline, on the performance.now() clock: no call is sent once it has passed, a
 * call in flight is aborted at it, and a caller waiting on a call someone else sent stops
 * waiting at it. Pollers have none (undefined): only the per-backend timeouts bound them.
 */

/** The abort reason when a caller's deadline passes with its call in flight. */
export class DeadlineExceeded extends Error {
  constructor() {
    super('request deadline passed');
    this.name = 'DeadlineExceeded';
  }
}

/** The abort reason when nobody waits for a call in flight any more (its operation is over). */
export class NobodyWaits extends Error {
  constructor() {
    super('nobody waits for this call');
    this.name = 'NobodyWaits';
  }
}

/** Whether `deadline` has passed. */
export const spent = (deadline: number | undefined): boolean => deadline !== undefined && performance.now() >= deadline;

/**
 * Aborts `abort` once `deadline()` has passed, re-reading it (a shared GET's deadline grows when
 * a later caller joins), or once `signal` aborts (nobody waits any more). Returns the disarm
 * function.
 */
export function armDeadline(abort: AttemptAbort, deadline: () => number | undefined, signal?: AttemptAbort): () => void {
  let timer: NodeJS.Timeout | undefined;
  const gone = () => abort.abort(new NobodyWaits());
  if (signal?.aborted) gone();
  else signal?.once('abort', gone);
  const check = () => {
    const at = deadline();
    if (at === undefined) return;
    const left = at - performance.now();
    if (left <= 0) abort.abort(new DeadlineExceeded());
    else timer = setTimeout(check, left);
  };
  check();
  return () => {
    clearTimeout(timer);
    signal?.off('abort', gone);
  };
}

/** `promise`, or `timeUp()` thrown when `deadline` passes first. */
export async function withinDeadline<T>(promise: Promise<T>, deadline: number | undefined, timeUp: () => Error): Promise<T> {
  if (deadline === undefined) return promise;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(timeUp()), Math.max(0, deadline - performance.now()));
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
