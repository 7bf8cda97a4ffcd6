import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { z } from 'zod';
import { BACKEND_KEYS, type BackendKey } from './backend-keys.js';

/**
 * The only reader of process.env. Every setting is declared once in SETTINGS: its env var,
 * its key in a config file, its zod schema (with default) and its description. `--help`,
 * the README table and the tests are generated from (or checked against) this list.
 *
 * Precedence: defaults < config file (`--config path.json|.yaml`) < environment.
 */

const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().min(1).max(3_600_000);
const optionalUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
  .transform((value) => value.replace(/\/+$/, ''))
  .optional();
const optionalSecret = z.string().min(1).optional();

interface Setting {
  env: string;
  /** Dotted path in a config file: `backends.vmImages.url`. */
  file: string;
  schema: z.ZodType;
  description: string;
}

const backendLabel: Record<BackendKey, { env: string; label: string }> = {
  vmImages: { env: 'VM_IMAGES', label: 'VM image service (Glance v2)' },
  ciImages: { env: 'CI_IMAGES', label: 'CI image service' },
  containerImages: { env: 'CONTAINER_IMAGES', label: 'container image catalogue' },
  containers: { env: 'CONTAINERS', label: 'containers service' },
  serverless: { env: 'SERVERLESS', label: 'serverless container service' },
};

const backendSettings: Setting[] = BACKEND_KEYS.flatMap((key) => [
  {
    env: `GANTRY_${backendLabel[key].env}_URL`,
    file: `backends.${key}.url`,
    schema: optionalUrl,
    description: `Root URL of the ${backendLabel[key].label}; unset means the embedded one.`,
  },
  {
    env: `GANTRY_${backendLabel[key].env}_SERVICE_TOKEN`,
    file: `backends.${key}.serviceToken`,
    schema: optionalSecret,
    description: `Single-tenant mode: token sent to the ${backendLabel[key].label} when the caller sends none.`,
  },
]);

export const SETTINGS: readonly Setting[] = [
  { env: 'PORT', file: 'port', schema: port.default(4000), description: 'Port the gateway listens on (0 picks a free one).' },
  { env: 'HOST', file: 'host', schema: z.string().min(1).default('127.0.0.1'), description: 'Address the gateway binds.' },
  {
    env: 'GANTRY_DATA_DIR',
    file: 'dataDir',
    schema: z.string().min(1).default('./data'),
    description: 'Where the embedded services keep their SQLite database, image files and generated tokens.',
  },
  { env: 'REDIS_URL', file: 'redisUrl', schema: z.url({ protocol: /^rediss?$/ }).optional(), description: 'Redis shared by replicas (redis://host:6379).' },
  {
    env: 'LOG_LEVEL',
    file: 'logLevel',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'pino log level.',
  },
  ...backendSettings,
  {
    env: 'GANTRY_TOKEN_ADMIN',
    file: 'embedded.tokens.admin',
    schema: optionalSecret,
    description: 'Token of the embedded `admin` principal; generated and stored in the data dir when unset.',
  },
  {
    env: 'GANTRY_TOKEN_READER',
    file: 'embedded.tokens.reader',
    schema: optionalSecret,
    description: 'Token of the embedded read-only `reader` principal; generated when unset.',
  },
  {
    env: 'GANTRY_TOKEN_OTHER',
    file: 'embedded.tokens.other',
    schema: optionalSecret,
    description: 'Token of the embedded `other` principal (another user and project); generated when unset.',
  },
  {
    env: 'GANTRY_UPSTREAM_CONNECT_TIMEOUT_MS',
    file: 'upstream.connectTimeoutMs',
    schema: positiveMs.default(2_000),
    description: 'Time to open a TCP connection to a backend.',
  },
  {
    env: 'GANTRY_UPSTREAM_HEADERS_TIMEOUT_MS',
    file: 'upstream.headersTimeoutMs',
    schema: positiveMs.default(10_000),
    description: 'Time for a backend to send response headers.',
  },
  {
    env: 'GANTRY_UPSTREAM_BODY_TIMEOUT_MS',
    file: 'upstream.bodyTimeoutMs',
    schema: positiveMs.default(30_000),
    description: 'Longest pause between two chunks of a backend response body.',
  },
  {
    env: 'GANTRY_UPSTREAM_CONNECTIONS',
    file: 'upstream.connections',
    schema: z.coerce.number().int().min(1).max(1024).default(64),
    description: 'Keep-alive connections per backend.',
  },
  {
    env: 'GANTRY_UPSTREAM_REVALIDATION_BYTES',
    file: 'upstream.revalidationBytes',
    schema: z.coerce
      .number()
      .int()
      .min(0)
      .max(1024 * 1024 * 1024)
      .default(4 * 1024 * 1024),
    description:
      'JSON bytes of backend answers kept per backend to revalidate with If-None-Match when the backend sent an ETag (a Rails API does); a 304 is answered from the kept copy, per credential. 0 turns it off.',
  },
  {
    env: 'GANTRY_REQUEST_DEADLINE_MS',
    file: 'requestDeadlineMs',
    schema: positiveMs.default(30_000),
    description:
      'Time one GraphQL request may spend on its upstream calls; each call gets at most what is left, and once it is spent calls fail with UPSTREAM_TIMEOUT without being sent.',
  },
  {
    env: 'GANTRY_UPSTREAM_MAX_PENDING',
    file: 'upstream.maxPending',
    schema: z.coerce.number().int().min(0).max(100_000).default(256),
    description:
      'Calls to one backend that may wait for a free connection when all `GANTRY_UPSTREAM_CONNECTIONS` are busy; more fail at once with UPSTREAM_BUSY.',
  },
  {
    env: 'GANTRY_UPSTREAM_RETRIES',
    file: 'upstream.retries',
    schema: z.coerce.number().int().min(0).max(10).default(2),
    description:
      'Retries of an idempotent call (GET, HEAD, PUT, DELETE; never a power action or an upload) after a refused or reset connection, 502, 503, 504 or 429.',
  },
  {
    env: 'GANTRY_UPSTREAM_RETRY_BASE_MS',
    file: 'upstream.retryBaseMs',
    schema: positiveMs.default(100),
    description:
      'First retry backoff; it doubles per retry, with full jitter. A longer Retry-After wins if it is at most 5 s and fits in the deadline; a longer one is passed on to the client instead.',
  },
  {
    env: 'GANTRY_UPSTREAM_RETRY_BUDGET_PERCENT',
    file: 'upstream.retryBudgetPercent',
    schema: z.coerce.number().min(0).max(100).default(10),
    description: "Retries may add at most this share of a backend's calls (token bucket, 10 retries banked), so retries never multiply load.",
  },
  {
    env: 'GANTRY_UPSTREAM_BREAKER_THRESHOLD',
    file: 'upstream.breakerThreshold',
    schema: z.coerce.number().int().min(1).max(10_000).default(5),
    description:
      "Failures in a row (refused, reset, timeout, 5xx, malformed answer; not 4xx) that open a backend's circuit: calls then fail at once with UPSTREAM_UNAVAILABLE.",
  },
  {
    env: 'GANTRY_UPSTREAM_BREAKER_COOLDOWN_MS',
    file: 'upstream.breakerCooldownMs',
    schema: positiveMs.default(10_000),
    description: 'How long an open circuit stays open before one probe call is let through; its success closes the circuit, its failure opens it again.',
  },
  {
    env: 'GANTRY_MAX_PAGE_SIZE',
    file: 'maxPageSize',
    schema: z.coerce.number().int().min(1).max(1000).default(100),
    description: 'Hard cap on `first`/`last` of every connection.',
  },
  {
    env: 'GANTRY_MAX_UPLOAD_BYTES',
    file: 'maxUploadBytes',
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(Number.MAX_SAFE_INTEGER)
      .default(64 * 1024 ** 3),
    description: 'Largest image upload the byte routes accept (413 above it).',
  },
  {
    env: 'GANTRY_POLL_INTERVAL_MS',
    file: 'pollIntervalMs',
    schema: positiveMs.default(2_000),
    description: 'How often a subscription poller asks its backend for new logs, samples or state (with ±10% jitter).',
  },
  {
    env: 'GANTRY_MAX_SUBSCRIPTIONS_PER_SOCKET',
    file: 'maxSubscriptionsPerSocket',
    schema: z.coerce.number().int().min(1).max(100_000).default(100),
    description: 'Subscriptions one WebSocket may have open at once; more are refused with RATE_LIMITED.',
  },
  {
    env: 'GANTRY_SUBSCRIPTION_QUEUE_EVENTS',
    file: 'subscriptionQueueEvents',
    schema: z.coerce.number().int().min(10).max(100_000).default(1_000),
    description: 'Events one subscription may have waiting for a client that reads slowly; past it the oldest are dropped and the next event has gap: true.',
  },
  {
    env: 'GANTRY_MAX_SUBSCRIPTIONS_PER_CALLER',
    file: 'maxSubscriptionsPerCaller',
    schema: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
    description: 'Subscriptions one credential may have open at once across sockets and SSE.',
  },
  {
    env: 'GANTRY_TRACE_UPSTREAM',
    file: 'traceUpstream',
    schema: z.union([z.boolean(), z.stringbool()]).default(false),
    description: 'Dev flag: add `extensions.upstream` (every upstream call) to every response, not only when asked with `X-Gantry-Trace: upstream`.',
  },
  {
    env: 'GANTRY_FAST_EXECUTION',
    file: 'fastExecution',
    schema: z.union([z.boolean(), z.stringbool()]).default(true),
    description:
      "The gateway's two bends of its frameworks for speed: JSON POSTs answered without Yoga's fetch adapter (the fast path) and repeated queries run compiled by graphql-jit. false sends every request through Yoga and graphql-js; answers are the same either way.",
  },
  {
    env: 'GANTRY_READINESS_INTERVAL_MS',
    file: 'readinessIntervalMs',
    schema: positiveMs.default(5_000),
    description: 'How often each backend is probed for /readyz.',
  },
  {
    env: 'GANTRY_OTLP_ENDPOINT',
    file: 'tracing.otlpEndpoint',
    schema: optionalUrl,
    description:
      'OpenTelemetry: OTLP/HTTP traces endpoint (http://collector:4318/v1/traces); a span per operation and per upstream call, traceparent sent to the backends. Unset: no tracing.',
  },
  {
    env: 'GANTRY_HEAP_GROWTH_PERCENT',
    file: 'heapGrowthPercent',
    schema: z.coerce.number().int().min(0).max(1000).default(30),
    description:
      'How far V8 lets the heap grow past what survived its last full collection, in percent. 30 keeps the old generation close to the live heap (under load the gateway stays under 130 MB with the production command, npm run start:prod), at no measurable cost on ordinary queries (request garbage dies young) and 10-15% on the heaviest; 0 leaves it to V8, which lets the heap grow to several times its live size (200+ MB). See docs/deployment.md, Memory.',
  },
  {
    env: 'GANTRY_PROFILE',
    file: 'profile',
    schema: z.enum(['development', 'production']).optional(),
    description:
      '`production` turns GraphiQL and introspection off for callers without a developer key and hides field suggestions; unset means production when NODE_ENV=production, else development.',
  },
  {
    env: 'GANTRY_DEVELOPER_KEYS',
    file: 'developerKeys',
    schema: z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().min(16, 'each developer key needs at least 16 characters')))
      .optional(),
    description:
      'Comma-separated secrets; a caller sending one in `X-Gantry-Developer-Key` (or `developerKey` in graphql-ws connectionParams) gets introspection and GraphiQL in production.',
  },
  {
    env: 'GANTRY_TRUSTED_DOCUMENTS',
    file: 'trustedDocuments',
    schema: z.string().min(1).optional(),
    description:
      'Path of a trusted-documents manifest (`{"<hash>": "<document>"}`, as codegen writes it); when set, every transport runs only those documents, sent by `documentId` or `extensions.persistedQuery.sha256Hash`.',
  },
  {
    env: 'GANTRY_MAX_REQUEST_BYTES',
    file: 'limits.maxRequestBytes',
    schema: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 ** 2)
      .default(1024 ** 2),
    description: 'Largest GraphQL request body and WebSocket message (413, or the socket closed with 1009).',
  },
  {
    env: 'GANTRY_MAX_DEPTH',
    file: 'limits.maxDepth',
    schema: z.coerce.number().int().min(1).max(1000).default(12),
    description: 'Deepest field nesting an operation may have (introspection excepted).',
  },
  {
    env: 'GANTRY_MAX_ALIASES',
    file: 'limits.maxAliases',
    schema: z.coerce.number().int().min(0).max(10_000).default(30),
    description: 'Most aliases in one operation.',
  },
  {
    env: 'GANTRY_MAX_DIRECTIVES',
    file: 'limits.maxDirectives',
    schema: z.coerce.number().int().min(0).max(10_000).default(20),
    description: 'Most directives in one operation.',
  },
  {
    env: 'GANTRY_MAX_TOKENS',
    file: 'limits.maxTokens',
    schema: z.coerce.number().int().min(100).max(1_000_000).default(5_000),
    description: 'Most lexical tokens in one document (checked while parsing, so a huge document costs little).',
  },
  {
    env: 'GANTRY_MAX_COST',
    file: 'limits.maxCost',
    schema: z.coerce.number().int().min(1).max(100_000_000).default(50_000),
    description: 'Highest query cost (graphql-armor: objects 2, scalars 1, times 1.5 per level of depth).',
  },
  {
    env: 'GANTRY_RATE_LIMIT_PER_ADDRESS',
    file: 'rateLimit.perAddress',
    schema: z.coerce.number().int().min(0).max(1_000_000).default(200),
    description:
      'Requests (HTTP requests, WebSocket connections and operations) per second from one client address, in bursts of twice that; 429 with Retry-After beyond. 0 turns it off (do so behind a load balancer that hides client addresses).',
  },
  {
    env: 'GANTRY_RATE_LIMIT_PER_CREDENTIAL',
    file: 'rateLimit.perCredential',
    schema: z.coerce.number().int().min(0).max(1_000_000).default(100),
    description: 'GraphQL operations per second for one credential, in bursts of twice that; RATE_LIMITED with retryAfter beyond. 0 turns it off.',
  },
  {
    env: 'GANTRY_RATE_LIMIT_AUTH_FAILURES',
    file: 'rateLimit.authFailures',
    schema: z.coerce.number().int().min(0).max(1_000_000).default(20),
    description:
      'Refused credentials (malformed at connection_init, or UNAUTHENTICATED) one address may cause per minute before its WebSocket upgrades get 429. 0 turns it off.',
  },
];

export interface BackendConfig {
  /** Root URL without trailing slash; undefined means "start the embedded service". */
  url: string | undefined;
  serviceToken: string | undefined;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  backends: Readonly<Record<BackendKey, Readonly<BackendConfig>>>;
  embedded: { tokens: { admin?: string; reader?: string; other?: string } };
  upstream: {
    connectTimeoutMs: number;
    headersTimeoutMs: number;
    bodyTimeoutMs: number;
    connections: number;
    maxPending: number;
    revalidationBytes: number;
    retries: number;
    retryBaseMs: number;
    retryBudgetPercent: number;
    breakerThreshold: number;
    breakerCooldownMs: number;
  };
  requestDeadlineMs: number;
  maxPageSize: number;
  maxUploadBytes: number;
  pollIntervalMs: number;
  maxSubscriptionsPerSocket: number;
  maxSubscriptionsPerCaller: number;
  subscriptionQueueEvents: number;
  traceUpstream: boolean;
  fastExecution: boolean;
  readinessIntervalMs: number;
  heapGrowthPercent: number;
  profile: 'development' | 'production';
  tracing: { otlpEndpoint: string | undefined };
  developerKeys: string[];
  trustedDocuments: string | undefined;
  limits: { maxRequestBytes: number; maxDepth: number; maxAliases: number; maxDirectives: number; maxTokens: number; maxCost: number };
  rateLimit: { perAddress: number; perCredential: number; authFailures: number };
}

/** Thrown when a setting is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function getPath(source: unknown, path: string): unknown {
  let value = source;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node = (node[part] ??= {}) as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

const KNOWN_FILE_PATHS = new Set(SETTINGS.map((s) => s.file));

function unknownFileKeys(source: unknown, prefix = ''): string[] {
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return [];
  return Object.entries(source as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (KNOWN_FILE_PATHS.has(path)) return [];
    const nested = value !== null && typeof value === 'object' && [...KNOWN_FILE_PATHS].some((p) => p.startsWith(`${path}.`));
    return nested ? unknownFileKeys(value, path) : [path];
  });
}

/** Reads a JSON or YAML config file (by extension; YAML is a superset of JSON anyway). */
export function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new ConfigError([`--config ${path}: cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  try {
    // yaml is loaded only here, for a --config file: ~0.6 MB of heap a gateway configured by
    // its environment never needs. (JSON is YAML, so one parser reads both.)
    const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    return parse(text) ?? {};
  } catch (error) {
    throw new ConfigError([`--config ${path}: not valid JSON or YAML (${(error as Error).message.split('\n')[0]})`]);
  }
}

/**
 * Builds the frozen Config from environment variables and an optional parsed config file.
 * @throws ConfigError naming each wrong variable (or file key).
 */
export function loadConfig(env: NodeJS.ProcessEnv, file: unknown = {}): Config {
  const problems: string[] = unknownFileKeys(file).map((key) => `config file key "${key}" is not a setting`);
  const out: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const fromEnv = env[setting.env];
    const fromFile = getPath(file, setting.file);
    const raw = fromEnv !== undefined && fromEnv !== '' ? fromEnv : fromFile;
    const source = fromEnv !== undefined && fromEnv !== '' ? setting.env : `config file key "${setting.file}"`;
    const parsed = setting.schema.safeParse(raw);
    if (parsed.success) {
      setPath(out, setting.file, parsed.data);
    } else {
      const reason = parsed.error.issues[0]?.message ?? 'invalid value';
      problems.push(`${source}: ${reason} (got ${JSON.stringify(raw)})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const backends = Object.fromEntries(
    BACKEND_KEYS.map((key) => {
      const b = (getPath(out, `backends.${key}`) ?? {}) as Partial<BackendConfig>;
      return [key, Object.freeze({ url: b.url, serviceToken: b.serviceToken })];
    }),
  ) as Record<BackendKey, BackendConfig>;
  return Object.freeze({
    ...(out as Omit<Config, 'backends' | 'embedded'>),
    profile: (out.profile as Config['profile'] | undefined) ?? (env.NODE_ENV === 'production' ? 'production' : 'development'),
    developerKeys: (out.developerKeys as string[] | undefined) ?? [],
    tracing: { otlpEndpoint: (getPath(out, 'tracing.otlpEndpoint') as string | undefined) ?? undefined },
    backends: Object.freeze(backends),
    embedded: { tokens: { ...((getPath(out, 'embedded.tokens') ?? {}) as Config['embedded']['tokens']) } },
  }) as Config;
}

/** The backends with no URL configured: the ones main.ts embeds. */
export function embeddedBackendKeys(config: Config): BackendKey[] {
  return BACKEND_KEYS.filter((key) => config.backends[key].url === undefined);
}

/** `--help` text: every setting with its env var, file key and default. */
export function settingsHelp(): string {
  const lines = SETTINGS.map((s) => {
    const parsed = s.schema.safeParse(undefined);
    const fallback = parsed.success && parsed.data !== undefined ? ` (default: ${String(parsed.data)})` : '';
    return `  ${s.env.padEnd(38)} ${s.description}${fallback}\n  ${''.padEnd(38)} config file key: ${s.file}`;
  });
  return lines.join('\n');
}
