import { z } from 'zod';
import type { BackendKey } from '../backend-keys.js';
import { int, ms, optionalSecret, optionalUrl, setting } from './setting.js';

/** The settings of the five backends: where they are, their credentials, and how they are called. */

const backendLabel: Record<BackendKey, { env: string; label: string }> = {
  vmImages: { env: 'VM_IMAGES', label: 'VM image service (Glance v2)' },
  ciImages: { env: 'CI_IMAGES', label: 'CI image service' },
  containerImages: { env: 'CONTAINER_IMAGES', label: 'container image catalogue' },
  containers: { env: 'CONTAINERS', label: 'containers service' },
  serverless: { env: 'SERVERLESS', label: 'serverless container service' },
};

const backend = (key: BackendKey) => {
  const { env, label } = backendLabel[key];
  return z.object({
    url: setting(optionalUrl(), `GANTRY_${env}_URL`, 'operator', `Root URL of the ${label}; unset means the embedded one.`),
    serviceToken: setting(
      optionalSecret(),
      `GANTRY_${env}_SERVICE_TOKEN`,
      'operator',
      `Single-tenant mode: token sent to the ${label} when the caller sends none.`,
    ),
  });
};

const backends = z.object({
  vmImages: backend('vmImages'),
  ciImages: backend('ciImages'),
  containerImages: backend('containerImages'),
  containers: backend('containers'),
  serverless: backend('serverless'),
} satisfies Record<BackendKey, unknown>);

const tokens = z.object({
  admin: setting(
    optionalSecret(),
    'GANTRY_TOKEN_ADMIN',
    'operator',
    'Token of the embedded `admin` principal; generated and stored in the data dir when unset.',
  ),
  reader: setting(optionalSecret(), 'GANTRY_TOKEN_READER', 'operator', 'Token of the embedded read-only `reader` principal; generated when unset.'),
  other: setting(
    optionalSecret(),
    'GANTRY_TOKEN_OTHER',
    'operator',
    'Token of the embedded `other` principal (another user and project); generated when unset.',
  ),
});

const upstream = z.object({
  connectTimeoutMs: setting(ms().default(2_000), 'GANTRY_UPSTREAM_CONNECT_TIMEOUT_MS', 'tuning', 'Time to open a TCP connection to a backend.'),
  headersTimeoutMs: setting(ms().default(10_000), 'GANTRY_UPSTREAM_HEADERS_TIMEOUT_MS', 'tuning', 'Time for a backend to send response headers.'),
  bodyTimeoutMs: setting(ms().default(30_000), 'GANTRY_UPSTREAM_BODY_TIMEOUT_MS', 'tuning', 'Longest pause between two chunks of a backend response body.'),
  maxResponseBytes: setting(
    int(1024, 1024 ** 3).default(8 * 1024 ** 2),
    'GANTRY_UPSTREAM_MAX_RESPONSE_BYTES',
    'operator',
    'Largest JSON answer read from a backend, counted as it streams in: past it the call fails with UPSTREAM_UNAVAILABLE (answer too large) and its connection is dropped. The answers being read from one backend hold at most twice this together. Memory under a hostile backend grows by a few times this (measured: +40 MB RSS at 8 MiB with four answers at the cap at once). The byte routes (image downloads) are not bounded by it.',
  ),
  connections: setting(int(1, 1024).default(64), 'GANTRY_UPSTREAM_CONNECTIONS', 'tuning', 'Keep-alive connections per backend.'),
  revalidationBytes: setting(
    int(0, 1024 ** 3).default(4 * 1024 ** 2),
    'GANTRY_UPSTREAM_REVALIDATION_BYTES',
    'tuning',
    'JSON bytes of backend answers kept per backend to revalidate with If-None-Match when the backend sent an ETag (a Rails API does); a 304 is answered from the kept copy, per credential. 0 turns it off.',
  ),
  maxPending: setting(
    int(0, 100_000).default(256),
    'GANTRY_UPSTREAM_MAX_PENDING',
    'tuning',
    'Calls to one backend that may wait for a free connection when all `GANTRY_UPSTREAM_CONNECTIONS` are busy; more fail at once with UPSTREAM_BUSY.',
  ),
  retries: setting(
    int(0, 10).default(2),
    'GANTRY_UPSTREAM_RETRIES',
    'tuning',
    'Retries of an idempotent call (GET, HEAD, PUT, DELETE; never a power action or an upload) after a refused or reset connection, 502, 503, 504 or 429.',
  ),
  retryBaseMs: setting(
    ms().default(100),
    'GANTRY_UPSTREAM_RETRY_BASE_MS',
    'tuning',
    'First retry backoff; it doubles per retry, with full jitter. A longer Retry-After wins if it is at most 5 s and fits in the deadline; a longer one is passed on to the client instead.',
  ),
  retryBudgetPercent: setting(
    z.coerce.number().min(0).max(100).default(10),
    'GANTRY_UPSTREAM_RETRY_BUDGET_PERCENT',
    'tuning',
    "Retries may add at most this share of a backend's calls (token bucket, 10 retries banked), so retries never multiply load.",
  ),
  breakerThreshold: setting(
    int(1, 10_000).default(5),
    'GANTRY_UPSTREAM_BREAKER_THRESHOLD',
    'tuning',
    "Failures in a row (refused, reset, timeout, 5xx, malformed answer; not 4xx) that open a backend's circuit: calls then fail at once with UPSTREAM_UNAVAILABLE.",
  ),
  breakerCooldownMs: setting(
    ms().default(10_000),
    'GANTRY_UPSTREAM_BREAKER_COOLDOWN_MS',
    'tuning',
    'How long an open circuit stays open before one probe call is let through; its success closes the circuit, its failure opens it again.',
  ),
});

export const backendSettings = {
  backends,
  embedded: z.object({ tokens }),
  upstream,
  requestDeadlineMs: setting(
    ms().default(30_000),
    'GANTRY_REQUEST_DEADLINE_MS',
    'tuning',
    'Time one GraphQL request may spend on its upstream calls; each call gets at most what is left, and once it is spent calls fail with UPSTREAM_TIMEOUT without being sent.',
  ),
};
