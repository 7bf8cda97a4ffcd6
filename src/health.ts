import type { BackendKey } from './backend-keys.js';

/**
 * Readiness: each backend is probed in the background every `intervalMs`; the gateway is
 * ready when every backend answered its last probe (any status below 500). /readyz reads
 * the last results and never waits on a backend itself.
 */
interface BackendHealth {
  ok: boolean;
  status: number | null;
  checkedAt: string | null;
  error?: string;
}

export interface ReadinessMonitor {
  /** Probes once now (awaited), then keeps probing on a timer. */
  start(): Promise<void>;
  stop(): void;
  readonly ready: boolean;
  report(): Record<string, BackendHealth>;
}

export function createReadinessMonitor(
  probes: Partial<Record<BackendKey, () => Promise<number>>>,
  intervalMs: number,
  probeTimeoutMs = 2_000,
): ReadinessMonitor {
  const state = new Map<BackendKey, BackendHealth>((Object.keys(probes) as BackendKey[]).map((key) => [key, { ok: false, status: null, checkedAt: null }]));
  let timer: NodeJS.Timeout | undefined;

  async function probeOne(key: BackendKey, probe: () => Promise<number>): Promise<void> {
    let deadline: NodeJS.Timeout | undefined;
    try {
      const status = await Promise.race([
        probe(),
        new Promise<never>((_, reject) => {
          deadline = setTimeout(() => reject(new Error('probe timed out')), probeTimeoutMs);
        }),
      ]);
      state.set(key, { ok: status < 500, status, checkedAt: new Date().toISOString() });
    } catch (error) {
      state.set(key, { ok: false, status: null, checkedAt: new Date().toISOString(), error: (error as Error).message });
    } finally {
      clearTimeout(deadline);
    }
  }

  const probeAll = () => Promise.all((Object.entries(probes) as Array<[BackendKey, () => Promise<number>]>).map(([k, p]) => probeOne(k, p)));

  return {
    async start() {
      await probeAll();
      timer = setInterval(() => void probeAll(), intervalMs);
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
