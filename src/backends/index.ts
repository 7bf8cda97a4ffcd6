import type { Logger } from 'pino';
import type { BackendKey } from '../backend-keys.js';
import type { Config } from '../config/schema.js';
import type { BackendProbe } from '../health.js';
import type { BreakerSnapshot } from './http/breaker.js';
import type { BreakerChange } from './http/types.js';
import { CiImagesClient } from './ci-images/client.js';
import { ContainerImagesClient } from './container-images/client.js';
import { ContainersClient } from './containers/client.js';
import { ServerlessClient } from './serverless/client.js';
import { VmImagesClient } from './vm-images/client.js';

/** The backend clients, shared by every request; credentials are passed per call. */
export interface Backends {
  vmImages: VmImagesClient;
  ciImages: CiImagesClient;
  containerImages: ContainerImagesClient;
  containers: ContainersClient;
  serverless: ServerlessClient;
  /** Readiness probes by backend key, each with the host:port it reaches. */
  probes: Partial<Record<BackendKey, BackendProbe>>;
  /** Each backend's circuit breaker (closed, open, half-open), for /readyz and metrics. */
  breakerStates(): Record<BackendKey, BreakerSnapshot>;
  close(): Promise<void>;
}

const breakerMessage = ({ backend, target, state, failures, cooldownMs }: BreakerChange): string =>
  state === 'open'
    ? `circuit for backend ${backend} (${target}) opened after ${failures} failures in a row: its calls fail at once, and one probe call goes in ${Math.ceil(cooldownMs / 1000)} s`
    : `circuit for backend ${backend} (${target}) closed: a probe call succeeded`;

/**
 * Builds one client (and one keep-alive pool) per backend from the resolved URLs: a configured
 * URL, or the embedded service's loopback URL that main.ts passes in.
 */
export function createBackends(config: Config, urls: Partial<Record<BackendKey, string>>, logger?: Pick<Logger, 'warn'>): Backends {
  const url = (key: BackendKey): string => {
    const resolved = config.backends[key].url ?? urls[key];
    if (!resolved) throw new Error(`No URL for backend ${key}: configure it or start the embedded service`);
    return resolved;
  };
  // Timeouts, queue bound, retry and breaker settings: each client gets its own pool, queue,
  // retry budget and breaker from them, so one failing backend never spends another's.
  const timeouts = {
    connectTimeoutMs: config.upstream.connectTimeoutMs,
    headersTimeoutMs: config.upstream.headersTimeoutMs,
    bodyTimeoutMs: config.upstream.bodyTimeoutMs,
    connections: config.upstream.connections,
    maxPending: config.upstream.maxPending,
    revalidationBytes: config.upstream.revalidationBytes,
    maxResponseBytes: config.upstream.maxResponseBytes,
    // Production shows clients no text an upstream wrote (it can name hosts, paths, queries).
    upstreamErrorText: config.profile !== 'production',
    retries: config.upstream.retries,
    retryBaseMs: config.upstream.retryBaseMs,
    retryBudgetPercent: config.upstream.retryBudgetPercent,
    breakerThreshold: config.upstream.breakerThreshold,
    breakerCooldownMs: config.upstream.breakerCooldownMs,
    onBreakerChange: (change: BreakerChange) => logger?.warn(change, breakerMessage(change)),
  };
  const vmImages = new VmImagesClient({ ...timeouts, url: url('vmImages') });
  const ciImages = new CiImagesClient({ ...timeouts, url: url('ciImages') });
  const containerImages = new ContainerImagesClient({ ...timeouts, url: url('containerImages') });
  const containers = new ContainersClient({ ...timeouts, url: url('containers') });
  const serverless = new ServerlessClient({ ...timeouts, url: url('serverless') });
  const clients = { vmImages, ciImages, containerImages, containers, serverless };
  return {
    ...clients,
    probes: Object.fromEntries(Object.entries(clients).map(([key, client]) => [key, { target: client.http.target, probe: () => client.probe() }])),
    breakerStates: () =>
      Object.fromEntries(Object.entries(clients).map(([key, client]) => [key, client.http.breakerState()])) as Record<BackendKey, BreakerSnapshot>,
    async close() {
      await Promise.all(Object.values(clients).map((client) => client.close()));
    },
  };
}
