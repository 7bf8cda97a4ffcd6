import { describe, expect, it } from 'vitest';
import { type Guards, type Outcome, runAttempts } from '../../src/backends/http/attempts.js';
import { CircuitBreaker } from '../../src/backends/http/breaker.js';
import { BackendError } from '../../src/backends/http/errors.js';
import { CallQueue } from '../../src/backends/http/queue.js';
import { RetryBudget } from '../../src/backends/http/retry.js';
import type { AttemptAbort } from '../../src/overrides/attempt-abort.js';

/**
 * The order in which an upstream call meets its guards (src/backends/http/attempts.ts): the
 * caller's deadline, the circuit breaker, the bounded queue, the breaker's permit, the attempt
 * (aborted in flight at the deadline), then the retry policy. Where two guards would both
 * refuse, the earlier one answers; a refused call sends nothing and charges nothing.
 */

function guards(options: { connections?: number; pending?: number; threshold?: number; retries?: number } = {}): Guards {
  return {
    backend: 'vmImages',
    queue: new CallQueue(options.connections ?? 1, options.pending ?? 0),
    breaker: new CircuitBreaker({ threshold: options.threshold ?? 1, cooldownMs: 60_000 }),
    budget: new RetryBudget(10),
    retries: options.retries ?? 2,
    retryBaseMs: 1,
  };
}

const ok: Outcome<string> = { status: 200, result: { value: 'answer' }, breaker: 'success', transient: false };
const unavailable = (): Outcome<never> => ({
  status: 503,
  result: { error: new BackendError('vmImages', 503, 'UPSTREAM_UNAVAILABLE', 'down') },
  breaker: 'failure',
  transient: true,
});

/** A transport that counts what was sent and answers with `answer`. */
function transport(answer: (signal: AttemptAbort, attempt: number) => Promise<Outcome<string>> | Outcome<string>) {
  const sent: number[] = [];
  const once = async (signal: AttemptAbort) => {
    sent.push(sent.length + 1);
    return answer(signal, sent.length);
  };
  return { sent, once };
}

const plan = (deadline?: number, retry = true) => ({ retry, deadline: () => deadline, abortInFlight: true });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'answered',
    (error: BackendError) => error.code,
  );
const openBreaker = (g: Guards) => g.breaker.enter()!.report('failure');

describe("the order of an upstream call's guards", () => {
  it('checks the deadline first: a spent deadline beats an open circuit and a full queue', async () => {
    const g = guards();
    openBreaker(g);
    const holder = g.queue.tryAcquire();
    const { sent, once } = transport(() => ok);
    expect(await codeOf(runAttempts(g, plan(performance.now() - 1), once, () => {}))).toBe('UPSTREAM_TIMEOUT');
    expect(sent).toEqual([]);
    holder?.();
  });

  it('checks the circuit before the queue: an open circuit answers at once, without queueing', async () => {
    const g = guards({ pending: 1 });
    openBreaker(g);
    const holder = g.queue.tryAcquire();
    const { sent, once } = transport(() => ok);
    const refusal = runAttempts(g, plan(), once, () => {}).catch((error: BackendError) => error);
    const error = (await refusal) as BackendError;
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(g.queue.load).toEqual({ inFlight: 1, waiting: 0 });
    expect(sent).toEqual([]);
    holder?.();
  });

  it('answers UPSTREAM_BUSY past the queue, sending nothing and charging the breaker nothing', async () => {
    const g = guards({ threshold: 5 });
    const holder = g.queue.tryAcquire();
    const { sent, once } = transport(() => ok);
    expect(await codeOf(runAttempts(g, plan(), once, () => {}))).toBe('UPSTREAM_BUSY');
    expect(sent).toEqual([]);
    expect(g.breaker.snapshot()).toEqual({ state: 'closed', failures: 0 });
    holder?.();
  });

  it('asks the breaker again after the queue: a circuit that opened while the call waited refuses it and frees the slot', async () => {
    const g = guards({ pending: 1 });
    const holder = g.queue.tryAcquire()!;
    const { sent, once } = transport(() => ok);
    const waiting = codeOf(runAttempts(g, plan(), once, () => {}));
    expect(g.queue.load).toEqual({ inFlight: 1, waiting: 1 });
    openBreaker(g);
    holder();
    expect(await waiting).toBe('UPSTREAM_UNAVAILABLE');
    expect(sent).toEqual([]);
    expect(g.queue.load).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('aborts an attempt in flight at the deadline, which is neutral for the breaker', async () => {
    const g = guards();
    const { sent, once } = transport(
      (signal) =>
        new Promise((_, reject) => {
          signal.once('abort', () => reject(signal.reason));
        }),
    );
    expect(await codeOf(runAttempts(g, plan(performance.now() + 30), once, () => {}))).toBe('UPSTREAM_TIMEOUT');
    expect(sent).toEqual([1]);
    expect(g.breaker.snapshot()).toEqual({ state: 'closed', failures: 0 });
    expect(g.queue.load).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('sends a retry through every guard again, and records each attempt', async () => {
    const g = guards({ threshold: 5 });
    const recorded: Array<[number | null, number]> = [];
    const { sent, once } = transport((_signal, attempt) => (attempt === 1 ? unavailable() : ok));
    expect(await runAttempts(g, plan(), once, (status, _started, attempt) => recorded.push([status, attempt]))).toBe('answer');
    expect(sent).toEqual([1, 2]);
    expect(recorded).toEqual([
      [503, 1],
      [200, 2],
    ]);
    expect(g.queue.load).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('gives the caller the failure itself when that failure opened the circuit, not "circuit open"', async () => {
    const g = guards({ threshold: 1 });
    const { sent, once } = transport(() => unavailable());
    const error = (await runAttempts(g, plan(), once, () => {}).catch((e: BackendError) => e)) as BackendError;
    expect(error.status).toBe(503);
    expect(error.message).toBe('down');
    expect(sent).toEqual([1]);
    expect(g.breaker.snapshot().state).toBe('open');
  });
});
