import {
  HISTORY_MS,
  HOUR,
  DAY,
  MINUTE,
  SERVING_STATES,
  UP_STATES,
  between,
  hash32,
  phaseAt,
  seededRandom,
  slotsNewestFirst,
  slotsOldestFirst,
  timeline,
  upSince,
  type LifecycleState,
  type Phase,
  type TimedEvent,
} from '../simulation.js';
import { formatRailsTime } from '../time.js';
import type { ContainerRow } from './container.js';
import { PROFILES, type ProcessSpec, type WorkloadProfile } from './profiles.js';

/** A serving container writes one line of its steady stream every 2 s. */
const LOG_STEP_MS = 2000;
/** Boot lines come 400 ms apart from the start of `working`; shutdown lines 300 ms apart from the start of `stopping`. */
const BOOT_LINE_GAP_MS = 400;
const SHUTDOWN_LINE_GAP_MS = 300;
/** A running container is sampled every 30 s (at whole multiples of 30 s since the epoch). */
const SAMPLE_STEP_MS = 30_000;
/** The metrics endpoints return the last 3 hours. */
const METRICS_WINDOW_MS = 3 * HOUR;

/** One log entry as the API returns it: epoch seconds (microseconds in the fraction), container name, line. */
export type LogEntry = [number, string, string];

/** One process as `docker top` reports it. */
export interface ProcessEntry {
  UID: string;
  PID: number;
  PPID: number;
  C: number;
  STIME: string;
  TTY: string;
  TIME: string;
  CMD: string;
}

// Salts keep the random streams of different questions about the same slot apart.
const LOG_SALT = 1;
const CPU_SALT = 2;
const MEM_SALT = 3;
const LIFECYCLE_SALT = 4;

const round2 = (value: number): number => Math.round(value * 100) / 100;
/** Epoch ms plus microseconds -> epoch seconds as a float (`1612904254.9995728`). */
const epochSeconds = (ms: number, micros: number): number => (ms * 1000 + micros) / 1e6;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `ps`'s STIME: `HH:MM` when started within the last day, else `MonDD`. */
function psStartTime(start: number, now: number): string {
  const d = new Date(start);
  if (now - start < DAY) return d.toISOString().slice(11, 16);
  return `${MONTHS[d.getUTCMonth()]}${String(d.getUTCDate()).padStart(2, '0')}`;
}
/** `ps`'s TIME: cumulative CPU time as `[DD-]HH:MM:SS`. */
function psCpuTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86_400);
  const clock = [Math.floor(total / 3600) % 24, Math.floor(total / 60) % 60, total % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return days > 0 ? `${days}-${clock}` : clock;
}

/**
 * What one container has been doing, derived from its stored events at instant `now`: its state,
 * resource use, log lines, samples and processes. Cheap to build; build one per request.
 */
export class ContainerActivity {
  private readonly phases: Phase[];
  private readonly profile: WorkloadProfile;

  constructor(
    readonly container: ContainerRow,
    private readonly events: readonly TimedEvent[],
    readonly now: number,
  ) {
    this.phases = timeline(events);
    this.profile = PROFILES[container.kind];
  }

  /** `current_state` now. */
  get currentState(): LifecycleState {
    return phaseAt(this.phases, this.now).state;
  }

  /** `req_state`: what the last power action asked for (running after start, restart, rebuild; stopped after stop or none). */
  get reqState(): 'running' | 'stopped' {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const { event, at } = this.events[i]!;
      if (at > this.now || event === 'alert') continue;
      return event === 'stop' ? 'stopped' : 'running';
    }
    return 'stopped';
  }

  /** `updated_at`: the row's own, or the last state change that has happened, whichever is later. */
  get updatedAt(): number {
    const phase = phaseAt(this.phases, this.now);
    return Number.isFinite(phase.from) ? Math.max(this.container.updated_at, phase.from) : this.container.updated_at;
  }

  /** `stats`: CPU and memory use in percent now; zero when the container is not up. */
  get stats(): { cpu: number; mem: number } {
    if (!UP_STATES.has(this.currentState)) return { cpu: 0, mem: 0 };
    return { cpu: this.cpuAt(this.now), mem: round2((this.memoryAt(this.now) / this.container.memory_mb) * 100) };
  }

  /** CPU use in percent of the allowance at instant `t` (the container must be up then). */
  private cpuAt(t: number): number {
    const slot = Math.floor(t / SAMPLE_STEP_MS) * SAMPLE_STEP_MS;
    const random = seededRandom(this.container.id, slot, CPU_SALT);
    const state = phaseAt(this.phases, t).state;
    if (state === 'alert' || state === 'resource_usage') return round2(85 + random() * 14);
    const up = upSince(this.phases, t) ?? t;
    // Busier by day than by night, on a cycle offset per container; booting costs extra.
    const daily = 1 + 0.35 * Math.sin((2 * Math.PI * (t % DAY)) / DAY + (this.container.id % 7));
    const warmup = t - up < 2 * MINUTE ? 3 : 1;
    return Math.min(100, Math.max(0.01, round2(this.profile.cpu * daily * warmup * (0.7 + 0.6 * random()))));
  }

  /** Memory in use at instant `t`, whole MB: climbs toward the profile's share after boot, with a little noise. */
  private memoryAt(t: number): number {
    const slot = Math.floor(t / SAMPLE_STEP_MS) * SAMPLE_STEP_MS;
    const random = seededRandom(this.container.id, slot, MEM_SALT);
    const state = phaseAt(this.phases, t).state;
    const up = upSince(this.phases, t) ?? t;
    const share =
      state === 'alert' || state === 'resource_usage'
        ? 0.9 + random() * 0.08
        : this.profile.memory * (0.55 + 0.45 * (1 - Math.exp(-(t - up) / (20 * MINUTE)))) + (random() - 0.5) * 0.02;
    return Math.min(this.container.memory_mb, Math.max(1, Math.round(this.container.memory_mb * share)));
  }

  /** The samples of the last 3 hours, oldest first: a point every 30 s while the container was up. */
  private samples<T>(value: (t: number) => T): Array<[string, T]> {
    return slotsOldestFirst(this.phases, this.now - METRICS_WINDOW_MS, this.now, SAMPLE_STEP_MS, UP_STATES).map(({ slot }) => [
      formatRailsTime(slot),
      value(slot),
    ]);
  }

  cpuSeries(): Array<[string, number]> {
    return this.samples((t) => this.cpuAt(t));
  }

  memorySeries(): Array<[string, number]> {
    return this.samples((t) => this.memoryAt(t));
  }

  /**
   * Log entries with times in [from, to] (epoch ms), newest first, at most `limit`: boot lines
   * while `working`, shutdown lines when `stopping` follows an up state, and a line every 2 s while
   * serving (trouble mixed in while in `alert`). Nothing lies in the future or before the history cap.
   */
  logs(from: number, to: number, limit: number): LogEntry[] {
    const start = Math.max(from, this.now - HISTORY_MS);
    const end = Math.min(to, this.now);
    if (start > end) return [];
    const name = this.container.name;
    const entries: LogEntry[] = [];
    const inWindow = (ms: number): boolean => ms >= start && ms <= end;

    // The steady stream: the newest `limit` lines are enough, whatever the lifecycle lines add.
    for (const { slot } of slotsNewestFirst(this.phases, start - LOG_STEP_MS, end, LOG_STEP_MS, SERVING_STATES)) {
      if (entries.length >= limit) break;
      const random = seededRandom(this.container.id, slot, LOG_SALT);
      const micros = Math.floor(random() * 1e6);
      const at = slot + Math.floor(micros / 1000);
      const state = phaseAt(this.phases, at).state;
      if (!inWindow(at) || !SERVING_STATES.has(state)) continue;
      const text = state !== 'online' && random() < 0.5 ? this.profile.failing(random, at) : this.profile.line(random, at);
      entries.push([epochSeconds(slot, micros), name, text]);
    }

    // Boot and shutdown lines, from the phases near the window.
    this.phases.forEach((phase, index) => {
      if (phase.to < start - 5000 || phase.from > end) return;
      const previous = this.phases[index - 1];
      const lines =
        phase.state === 'working'
          ? { list: this.profile.boot, gap: BOOT_LINE_GAP_MS }
          : phase.state === 'stopping' && previous !== undefined && UP_STATES.has(previous.state)
            ? { list: this.profile.shutdown, gap: SHUTDOWN_LINE_GAP_MS }
            : undefined;
      if (lines === undefined) return;
      lines.list.forEach((line, i) => {
        const at = phase.from + i * lines.gap;
        if (at >= phase.to || !inWindow(at)) return;
        entries.push([epochSeconds(at, hash32(this.container.id, at, LIFECYCLE_SALT) % 1000), name, line(at)]);
      });
    });

    return entries.sort((a, b) => b[0] - a[0]).slice(0, limit);
  }

  /**
   * The process table now, as `docker top`: empty unless up; the main process, then its children.
   * PIDs are host PIDs (new ones each boot); the main process's parent is the containerd shim.
   */
  processes(): ProcessEntry[] {
    const boot = upSince(this.phases, this.now);
    if (boot === undefined) return [];
    const spec = this.profile.process;
    const children = spec.children ?? [];
    const random = seededRandom(this.container.id, boot, LIFECYCLE_SALT);
    const mainPid = 2000 + (hash32(this.container.id, boot) % 60_000);
    const cpu = this.cpuAt(this.now);
    const uptime = this.now - boot;
    const row = (process: ProcessSpec, pid: number, ppid: number, share: number): ProcessEntry => ({
      UID: process.uid,
      PID: pid,
      PPID: ppid,
      C: Math.round(cpu * share),
      STIME: psStartTime(boot, this.now),
      TTY: '?',
      TIME: psCpuTime((uptime * cpu * share) / 100),
      CMD: process.cmd,
    });
    // The main process does a tenth of the work when it has children to do the rest.
    const mainShare = children.length === 0 ? 1 : 0.1;
    const table = [row(spec, mainPid, mainPid - between(random, 12, 40), mainShare)];
    let pid = mainPid + between(random, 15, 30);
    for (const child of children) {
      table.push(row(child, pid, mainPid, (1 - mainShare) / children.length));
      pid += between(random, 1, 3);
    }
    return table;
  }
}
