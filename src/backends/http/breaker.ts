/**
 * A circuit breaker per backend. A backend that keeps failing (refused or reset connections,
 * timeouts, 5xx, malformed answers; never 4xx, which are answers about the request) is left
 * alone for a cool-down: callers fail at once instead of queueing behind a dead service and
 * adding to its load while it restarts. After the cool-down one call goes through as a probe;
 * its success closes the circuit, its failure opens it for another cool-down.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Failures in a row that open the circuit. */
  threshold: number;
  /** How long the circuit stays open before one probe call is let through. */
  cooldownMs: number;
  /** Monotonic clock in ms (tests inject one). @default performance.now */
  now?: () => number;
  /** Told when the circuit opens (from closed) and when it closes again; not on a failed probe's re-opening. */
  onChange?: (change: { state: 'open' | 'closed'; failures: number }) => void;
}

/** What /readyz and metrics show per backend. */
export interface BreakerSnapshot {
  state: BreakerState;
  /** Failures in a row (closed), or the run that opened the circuit (open, half-open). */
  failures: number;
  /** Until a probe may go (open only), in ms. */
  retryInMs?: number;
}

/** How one call went, for the breaker: `neutral` says nothing about the backend (not sent, cancelled). */
export type CallOutcome = 'success' | 'failure' | 'neutral';

/** A pass through the breaker; the first report counts, later ones are ignored. */
export interface BreakerPermit {
  report(outcome: CallOutcome): void;
}

export class CircuitBreaker {
  private open = false;
  private failures = 0;
  private openedAt = 0;
  /** A half-open probe is out: everyone else still fails fast until it reports. */
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  get state(): BreakerState {
    if (!this.open) return 'closed';
    return this.now() - this.openedAt >= this.options.cooldownMs ? 'half-open' : 'open';
  }

  /** Whether a call could pass now; no side effects (check before queueing for a connection). */
  allows(): boolean {
    const state = this.state;
    return state === 'closed' || (state === 'half-open' && !this.probing);
  }

  /** Ms until the circuit lets a probe through; 0 when it would pass now. */
  retryInMs(): number {
    if (!this.open) return 0;
    return Math.max(0, Math.ceil(this.options.cooldownMs - (this.now() - this.openedAt)));
  }

  /** Takes a pass, or undefined when the circuit refuses the call. In half-open the one pass is the probe. */
  enter(): BreakerPermit | undefined {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.probing)) return undefined;
    const probe = state === 'half-open';
    if (probe) this.probing = true;
    let reported = false;
    return {
      report: (outcome) => {
        if (reported) return;
        reported = true;
        if (probe) this.probing = false;
        this.settle(outcome, probe);
      },
    };
  }

  private settle(outcome: CallOutcome, probe: boolean): void {
    if (outcome === 'neutral') return;
    if (outcome === 'success') {
      // A call that started before the circuit opened proves little; only the probe closes it.
      if (!this.open || probe) {
        const failures = this.failures;
        if (this.open) this.options.onChange?.({ state: 'closed', failures });
        this.open = false;
        this.failures = 0;
      }
      return;
    }
    if (this.open && !probe) return;
    this.failures = probe ? this.failures : this.failures + 1;
    if (probe || this.failures >= this.options.threshold) {
      if (!this.open) this.options.onChange?.({ state: 'open', failures: this.failures });
      this.open = true;
      this.openedAt = this.now();
    }
  }

  snapshot(): BreakerSnapshot {
    const state = this.state;
    return state === 'open' ? { state, failures: this.failures, retryInMs: this.retryInMs() } : { state, failures: this.failures };
  }
}
