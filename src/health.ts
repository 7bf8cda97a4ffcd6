import type { Logger } from 'pino';
import type { BackendKey } from './backend-keys.js';
import { whyStatus, whyUnreachable } from './backends/http/why-unavailable.js';

/**
 * Readiness: each backend is probed in the background every `intervalMs`; the gateway is
 * ready when every backend answered its last probe (any status below 500). /readyz reads
 * the last results and never waits on a backend itself. When a backend is not ready, its
 * `reason` says why (refused, DNS, timeout, TLS, reset, or the HTTP status, with host:port),
 * and the log says so once when it goes down and once when it comes back.
 */
interface BackendHealth {
  ok: boolean;
  status: number | null;
  checkedAt: string | null;
  /** Why the backend is not ready; absent when it is. */
  reason?: string;
}

/** How the monitor reaches one backend. */
export interface BackendProbe {
  /** `host:port`, for the reason. */
  target: string;
  /** Resolves to the backend's status; rejects with the transport error when it cannot be reached. */
  probe(): Promise<number>;
}

export interface ReadinessMonitor {
  /** Probes once now (awaited), warns about each backend that did not answer, then keeps probing on a timer. */
  start(): Promise<void>;
  stop(): void;
  readonly ready: boolean;
  report(): Record<string, BackendHealth>;
}

export function createReadinessMonitor(
  probes: Partial<Record<BackendKey, BackendProbe>>,
  intervalMs: number,
  logger?: Pick<Logger, 'warn' | 'info'>,
  probeTimeoutMs = 2_000,
): ReadinessMonitor {
  const state = new Map<BackendKey, BackendHealth>((Object.keys(probes) as BackendKey[]).map((key) => [key, { ok: false, status: null, checkedAt: null }]));
  let timer: NodeJS.Timeout | undefined;

  async function check({ target, probe }: BackendProbe): Promise<BackendHealth> {
    let deadline: NodeJS.Timeout | undefined;
    const checkedAt = () => new Date().toISOString();
    try {
      const status = await Promise.race([
        probe(),
        new Promise<never>((_, reject) => {
          deadline = setTimeout(() => reject(Object.assign(new Error('probe timed out'), { code: 'PROBE_TIMEOUT' })), probeTimeoutMs);
        }),
      ]);
      return status < 500 ? { ok: true, status, checkedAt: checkedAt() } : { ok: false, status, checkedAt: checkedAt(), reason: whyStatus(status, target) };
    } catch (error) {
      return { ok: false, status: null, checkedAt: checkedAt(), reason: whyUnreachable(error, target) };
    } finally {
      clearTimeout(deadline);
    }
  }

  async function probeOne(key: BackendKey, probe: BackendProbe, first: boolean): Promise<void> {
    const before = state.get(key);
    const now = await check(probe);
    state.set(key, now);
    if (first && !now.ok) logger?.warn({ backend: key, reason: now.reason }, `backend ${key} did not answer its first probe: ${now.reason}`);
    else if (!first && before?.ok && !now.ok) logger?.warn({ backend: key, reason: now.reason }, `backend ${key} is unavailable: ${now.reason}`);
    else if (!first && before && !before.ok && now.ok) logger?.info({ backend: key, status: now.status }, `backend ${key} answers again`);
  }

  const probeAll = (first: boolean) =>
    Promise.all((Object.entries(probes) as Array<[BackendKey, BackendProbe]>).map(([key, probe]) => probeOne(key, probe, first)));

  return {
    async start() {
      await probeAll(true);
      timer = setInterval(() => void probeAll(false), intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
    get ready() {
      return [...state.values()].every((s) => s.ok);
    },
    report: () => Object.fromEntries(state),
  };
}
