/**
 * Simulated time for the embedded container services: lifecycles that move through states after
 * a power action, and per-time-slot randomness for logs and metrics.
 *
 * Everything is computed lazily and deterministically from stored events and the clock: nothing
 * runs on a timer, a restart loses nothing, and the same question asked twice at the same
 * simulated time gets the same answer. Services store only what a user did (power actions) and
 * derive the rest here when asked.
 */

/** Now in epoch milliseconds. `startEmbedded({ clock })` injects one; tests pass a fake they advance. */
export type Clock = () => number;

/** The real clock. */
export const systemClock: Clock = () => Date.now();

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How far back simulated history (logs) reaches: older windows are empty. */
export const HISTORY_MS = 7 * DAY;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/**
 * A 32-bit hash of integers (FNV-1a over both 32-bit halves of each, then murmur3's finaliser),
 * so epoch milliseconds above 2^32 keep every bit.
 */
export function hash32(...parts: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const value = Math.trunc(part);
    h = Math.imul(h ^ (value >>> 0), 0x01000193);
    h = Math.imul(h ^ (Math.floor(value / 2 ** 32) >>> 0), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A random source in [0, 1): the same key always yields the same sequence (mulberry32). */
export type Random = () => number;

export function seededRandom(...key: readonly number[]): Random {
  let state = hash32(...key);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, chosen by `random`. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** An integer in [min, max]. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

// ---------------------------------------------------------------------------------------------
// Lifecycles

/** What a user may ask of a container (ComputeStacks' power actions). */
export const POWER_ACTIONS = ['start', 'stop', 'restart', 'rebuild'] as const;
export type PowerAction = (typeof POWER_ACTIONS)[number];

/** What moves a lifecycle: a power action, or the platform noticing a failed health check. */
export type LifecycleEvent = PowerAction | 'alert';

/** ComputeStacks' container states. */
export const LIFECYCLE_STATES = ['migrating', 'starting', 'stopping', 'working', 'alert', 'resource_usage', 'online', 'offline', 'unhealthy'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/**
 * The states each event sets in motion, with how long each lasts; the last one lasts until the
 * next event. Every event starts its own sequence at once, cutting short whatever ran before.
 */
const SEQUENCES: Readonly<Record<LifecycleEvent, ReadonlyArray<readonly [LifecycleState, number]>>> = {
  start: [
    ['starting', 2 * SECOND],
    ['working', 3 * SECOND],
    ['online', Infinity],
  ],
  stop: [
    ['stopping', 2 * SECOND],
    ['offline', Infinity],
  ],
  restart: [
    ['stopping', 2 * SECOND],
    ['starting', 2 * SECOND],
    ['working', 3 * SECOND],
    ['online', Infinity],
  ],
  rebuild: [
    ['migrating', 4 * SECOND],
    ['starting', 2 * SECOND],
    ['working', 3 * SECOND],
    ['online', Infinity],
  ],
  alert: [['alert', Infinity]],
};

/** States in which the container's processes run: they use CPU and memory and can be listed. */
export const UP_STATES: ReadonlySet<LifecycleState> = new Set(['working', 'online', 'alert', 'resource_usage', 'unhealthy']);
/** States in which a container serves and so writes its steady stream of log lines. */
export const SERVING_STATES: ReadonlySet<LifecycleState> = new Set(['online', 'alert', 'resource_usage', 'unhealthy']);

/** A stored event: what happened and when (epoch ms). */
export interface TimedEvent {
  event: LifecycleEvent;
  at: number;
}

/** A span of time in one state: [from, to), `to` Infinity for the current open-ended one. */
export interface Phase {
  state: LifecycleState;
  from: number;
  to: number;
  /** The event whose sequence this phase belongs to; undefined before the first event. */
  cause: LifecycleEvent | undefined;
}

/**
 * The phases a list of events produces, oldest first, without gaps: offline from the beginning of
 * time until the first event. Events must be in the order they happened (ties keep their order).
 * Phases cut to nothing by a later event at the same instant are left out.
 */
export function timeline(events: readonly TimedEvent[]): Phase[] {
  const phases: Phase[] = [];
  let cursor = -Infinity;
  let pending: Array<{ state: LifecycleState; from: number; to: number; cause: LifecycleEvent | undefined }> = [
    { state: 'offline', from: -Infinity, to: Infinity, cause: undefined },
  ];
  const flush = (until: number) => {
    for (const phase of pending) {
      const to = Math.min(phase.to, until);
      if (phase.from < to) phases.push({ ...phase, to });
    }
  };
  for (const { event, at } of events) {
    const when = Math.max(at, cursor);
    flush(when);
    pending = [];
    let from = when;
    for (const [state, duration] of SEQUENCES[event]) {
      pending.push({ state, from, to: from + duration, cause: event });
      from += duration;
    }
    cursor = when;
  }
  flush(Infinity);
  return phases;
}

/** The phase at instant `t`. */
export function phaseAt(phases: readonly Phase[], t: number): Phase {
  for (let i = phases.length - 1; i >= 0; i--) {
    const phase = phases[i]!;
    if (phase.from <= t) return phase;
  }
  return phases[0]!;
}

/** The phases that overlap [from, to], clipped to it, oldest first. */
function phasesBetween(phases: readonly Phase[], from: number, to: number): Phase[] {
  return phases
    .filter((phase) => phase.from <= to && phase.to > from)
    .map((phase) => ({ ...phase, from: Math.max(phase.from, from), to: Math.min(phase.to, to + 1) }));
}

/**
 * Multiples of `step` in [from, to] that fall in a phase whose state `keep` accepts, newest
 * first: the time slots at which something (a log line, a sample) happened.
 */
export function* slotsNewestFirst(
  phases: readonly Phase[],
  from: number,
  to: number,
  step: number,
  keep: ReadonlySet<LifecycleState>,
): Generator<{ slot: number; phase: Phase }> {
  const clipped = phasesBetween(phases, from, to);
  for (let i = clipped.length - 1; i >= 0; i--) {
    const phase = clipped[i]!;
    if (!keep.has(phase.state)) continue;
    // Slots in [phase.from, phase.to), phase.to exclusive (it is to + 1 for the last one).
    for (let slot = Math.ceil((phase.to - 1) / step) * step; slot >= phase.from; slot -= step) {
      if (slot < phase.to) yield { slot, phase };
    }
  }
}

/** The same slots, oldest first. */
export function slotsOldestFirst(
  phases: readonly Phase[],
  from: number,
  to: number,
  step: number,
  keep: ReadonlySet<LifecycleState>,
): Array<{ slot: number; phase: Phase }> {
  return [...slotsNewestFirst(phases, from, to, step, keep)].reverse();
}

/**
 * When the run containing instant `t` began: the start of the earliest up phase in the unbroken
 * chain of up phases reaching `t` (the process's start time). Undefined when not up at `t`.
 */
export function upSince(phases: readonly Phase[], t: number): number | undefined {
  let index = -1;
  for (let i = phases.length - 1; i >= 0; i--) {
    if (phases[i]!.from <= t) {
      index = i;
      break;
    }
  }
  if (index < 0 || !UP_STATES.has(phases[index]!.state)) return undefined;
  while (index > 0 && UP_STATES.has(phases[index - 1]!.state) && phases[index - 1]!.to === phases[index]!.from) index--;
  return phases[index]!.from;
}
