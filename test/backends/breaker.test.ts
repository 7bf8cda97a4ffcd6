import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/backends/http/breaker.js';

/** A breaker on a clock the test moves. */
function breaker(threshold = 3, cooldownMs = 1_000) {
  let now = 0;
  const b = new CircuitBreaker({ threshold, cooldownMs, now: () => now });
  return { b, advance: (ms: number) => (now += ms) };
}

const fail = (b: CircuitBreaker) => b.enter()!.report('failure');
const succeed = (b: CircuitBreaker) => b.enter()!.report('success');

describe('circuit breaker', () => {
  it('opens after a run of failures in a row, and a success in between resets the run', () => {
    const { b } = breaker(3);
    fail(b);
    fail(b);
    succeed(b);
    fail(b);
    fail(b);
    expect(b.state).toBe('closed');
    fail(b);
    expect(b.snapshot()).toEqual({ state: 'open', failures: 3, retryInMs: 1_000 });
    expect(b.allows()).toBe(false);
    expect(b.enter()).toBeUndefined();
  });

  it('half-opens after the cool-down and lets exactly one probe through; its success closes it', () => {
    const { b, advance } = breaker(1, 1_000);
    fail(b);
    advance(999);
    expect(b.enter()).toBeUndefined();
    advance(1);
    expect(b.state).toBe('half-open');
    const probe = b.enter();
    expect(probe).toBeDefined();
    expect(b.allows()).toBe(false);
    expect(b.enter()).toBeUndefined();
    probe!.report('success');
    expect(b.snapshot()).toEqual({ state: 'closed', failures: 0 });
    expect(b.enter()).toBeDefined();
  });

  it('opens again for a whole cool-down when the probe fails', () => {
    const { b, advance } = breaker(2, 500);
    fail(b);
    fail(b);
    advance(500);
    b.enter()!.report('failure');
    expect(b.state).toBe('open');
    advance(499);
    expect(b.state).toBe('open');
    advance(1);
    expect(b.state).toBe('half-open');
  });

  it('frees the probe slot when the probe says nothing about the backend (not sent, cancelled)', () => {
    const { b, advance } = breaker(1, 100);
    fail(b);
    advance(100);
    b.enter()!.report('neutral');
    expect(b.state).toBe('half-open');
    expect(b.enter()).toBeDefined();
  });

  it('does not let a call that started before the circuit opened close it, nor extend it', () => {
    const { b, advance } = breaker(1, 100);
    const early = b.enter()!;
    const late = b.enter()!;
    fail(b);
    advance(60);
    early.report('success');
    expect(b.state).toBe('open');
    late.report('failure');
    advance(40);
    expect(b.state).toBe('half-open');
  });

  it('counts a report once', () => {
    const { b } = breaker(2);
    const permit = b.enter()!;
    permit.report('failure');
    permit.report('failure');
    expect(b.state).toBe('closed');
  });
});
