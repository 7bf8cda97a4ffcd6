import { z } from 'zod';
import { commaList, flag, int, ms, optionalSecret, optionalUrl, setting } from './setting.js';

/** The gateway's own settings: where it listens, who may do what, how much, and how it runs. */

export const serverSettings = {
  port: setting(int(0, 65_535).default(4000), 'PORT', 'operator', 'Port the gateway listens on (0 picks a free one).'),
  host: setting(z.string().min(1).default('127.0.0.1'), 'HOST', 'operator', 'Address the gateway binds.'),
  dataDir: setting(
    z.string().min(1).default('./data'),
    'GANTRY_DATA_DIR',
    'operator',
    'Where the embedded services keep their SQLite database, image files and generated tokens.',
  ),
  redisUrl: setting(z.url({ protocol: /^rediss?$/ }).optional(), 'REDIS_URL', 'operator', 'Redis shared by replicas (redis://host:6379).'),
  logLevel: setting(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'), 'LOG_LEVEL', 'operator', 'pino log level.'),
};

const limits = z.object({
  maxRequestBytes: setting(
    int(1024, 64 * 1024 ** 2).default(1024 ** 2),
    'GANTRY_MAX_REQUEST_BYTES',
    'tuning',
    'Largest GraphQL request body and WebSocket message (413, or the socket closed with 1009).',
  ),
  maxDepth: setting(int(1, 1000).default(12), 'GANTRY_MAX_DEPTH', 'tuning', 'Deepest field nesting an operation may have (introspection excepted).'),
  maxAliases: setting(int(0, 10_000).default(30), 'GANTRY_MAX_ALIASES', 'tuning', 'Most aliases in one operation.'),
  maxDirectives: setting(int(0, 10_000).default(20), 'GANTRY_MAX_DIRECTIVES', 'tuning', 'Most directives in one operation.'),
  maxTokens: setting(
    int(100, 1_000_000).default(5_000),
    'GANTRY_MAX_TOKENS',
    'tuning',
    'Most lexical tokens in one document (checked while parsing, so a huge document costs little).',
  ),
  maxStringLength: setting(
    int(16, 10_000_000).default(8_192),
    'GANTRY_MAX_STRING_LENGTH',
    'tuning',
    'Longest string argument, literal or variable, at any depth of an input (fields with a rule of their own, such as names and filters, allow less).',
  ),
  maxListLength: setting(int(1, 1_000_000).default(1_000), 'GANTRY_MAX_LIST_LENGTH', 'tuning', 'Most items in a list argument, literal or variable.'),
  maxUpstreamCallsPerOperation: setting(
    int(1, 1_000_000).default(500),
    'GANTRY_MAX_UPSTREAM_CALLS',
    'tuning',
    'Backend calls one operation may make (a stream: while it is set up). Checked before the operation runs where the document shows it (root fields and their aliases, `nodes` ids, per-item calls such as the processes of each container times the page sizes above them) and counted while it runs: past it the remaining fields fail with CALL_BUDGET_EXCEEDED and nothing more is sent.',
  ),
  maxCost: setting(
    int(1, 100_000_000).default(50_000),
    'GANTRY_MAX_COST',
    'tuning',
    "Highest operation cost (graphql-armor's formula: objects 2, scalars 1, times 1.5 per level of depth, a list's fields times its `first`, `last` or `limit`, literal or variable).",
  ),
});

const rateLimit = z.object({
  perAddress: setting(
    int(0, 1_000_000).default(200),
    'GANTRY_RATE_LIMIT_PER_ADDRESS',
    'operator',
    'Requests (HTTP requests, WebSocket connections and operations) per second from one client address, in bursts of twice that; 429 with Retry-After beyond. 0 turns it off (do so behind a load balancer that hides client addresses).',
  ),
  perCredential: setting(
    int(0, 1_000_000).default(100),
    'GANTRY_RATE_LIMIT_PER_CREDENTIAL',
    'operator',
    'GraphQL operations and byte-route requests per second for one credential, in bursts of twice that; RATE_LIMITED with retryAfter beyond. 0 turns it off.',
  ),
  authFailures: setting(
    int(0, 1_000_000).default(20),
    'GANTRY_RATE_LIMIT_AUTH_FAILURES',
    'tuning',
    'Refused credentials (malformed, or UNAUTHENTICATED over graphql-ws) one address may cause per minute before its WebSocket upgrades get 429. 0 turns it off.',
  ),
});

const connections = z.object({
  headersTimeoutMs: setting(
    ms().default(10_000),
    'GANTRY_HEADERS_TIMEOUT_MS',
    'tuning',
    'Time a client has to send the headers of a request, from when it connects or from its previous request; a connection that sends nothing is closed after it.',
  ),
  bodyTimeoutMs: setting(
    ms().default(10_000),
    'GANTRY_BODY_TIMEOUT_MS',
    'tuning',
    "Time a client has to send a GraphQL request's body; one that drips in slower loses its connection. The byte routes' uploads are not bounded by it.",
  ),
  maxConnectionsPerAddress: setting(
    int(0, 1_000_000).default(512),
    'GANTRY_MAX_CONNECTIONS_PER_ADDRESS',
    'operator',
    'Open connections (WebSockets included) one client address may hold; more are closed at once. 0 turns it off (do so behind a load balancer that hides client addresses).',
  ),
});

export const gatewaySettings = {
  maxPageSize: setting(int(1, 1000).default(100), 'GANTRY_MAX_PAGE_SIZE', 'tuning', 'Hard cap on `first`/`last` of every connection.'),
  maxUploadBytes: setting(
    int(1, Number.MAX_SAFE_INTEGER).default(64 * 1024 ** 3),
    'GANTRY_MAX_UPLOAD_BYTES',
    'operator',
    'Largest image upload the byte routes accept (413 above it).',
  ),
  pollIntervalMs: setting(
    ms().default(2_000),
    'GANTRY_POLL_INTERVAL_MS',
    'tuning',
    'How often a subscription poller asks its backend for new logs, samples or state (with ±10% jitter).',
  ),
  maxSubscriptionsPerSocket: setting(
    int(1, 100_000).default(100),
    'GANTRY_MAX_SUBSCRIPTIONS_PER_SOCKET',
    'tuning',
    'Subscriptions one WebSocket may have open at once; more are refused with RATE_LIMITED.',
  ),
  subscriptionQueueEvents: setting(
    int(10, 100_000).default(1_000),
    'GANTRY_SUBSCRIPTION_QUEUE_EVENTS',
    'tuning',
    'Events one subscription may have waiting for a client that reads slowly; past it the oldest are dropped and the next event has gap: true.',
  ),
  maxSubscriptionsPerCaller: setting(
    int(1, 1_000_000).default(1_000),
    'GANTRY_MAX_SUBSCRIPTIONS_PER_CALLER',
    'tuning',
    'Subscriptions one credential may have open at once across sockets and SSE.',
  ),
  maxPollsPerSecondPerCaller: setting(
    int(1, 1_000_000).default(20),
    'GANTRY_MAX_POLLS_PER_SECOND_PER_CALLER',
    'operator',
    "Upstream calls per second one credential's live streams may cost together: a stream of its own poller costs its calls per poll (metrics 2, logs and state 1) every GANTRY_POLL_INTERVAL_MS; joining a stream the credential already has costs nothing. A stream past it is refused with RATE_LIMITED.",
  ),
  traceUpstream: setting(
    flag().default(false),
    'GANTRY_TRACE_UPSTREAM',
    'tuning',
    'Dev flag: add `extensions.upstream` (every upstream call) to every response, not only when asked with `X-Gantry-Trace: upstream`.',
  ),
  fastExecution: setting(
    flag().default(true),
    'GANTRY_FAST_EXECUTION',
    'tuning',
    "The gateway's two bends of its frameworks for speed: JSON POSTs answered without Yoga's fetch adapter (the fast path) and repeated queries run compiled by graphql-jit. false sends every request through Yoga and graphql-js; answers are the same either way.",
  ),
  corsOrigins: setting(
    commaList()
      .pipe(z.array(z.url().transform((origin) => new URL(origin).origin)))
      .default([]),
    'GANTRY_CORS_ORIGINS',
    'operator',
    'Comma-separated origins (https://console.example.com) whose pages may call the gateway from a browser, with credentials. Unset: same-origin only (no CORS headers at all), so no foreign page gets an answer.',
  ),
  metricsKey: setting(
    optionalSecret(),
    'GANTRY_METRICS_KEY',
    'operator',
    '/metrics names operations and backends: when set, it is served only to `Authorization: Bearer <key>`. In the production profile /metrics is never served without it (404).',
  ),
  subgraph: z.object({
    enabled: setting(
      flag().default(false),
      'GANTRY_SUBGRAPH',
      'operator',
      'Serve the schema as an Apollo Federation 2 subgraph: `_service { sdl }` and `_entities`, with `@key(fields: "id")` on every Node type (docs/federation.md). The standalone schema is unchanged; off serves no federation fields.',
    ),
    routerSecret: setting(
      optionalSecret().pipe(z.string().min(16, 'the router secret needs at least 16 characters').optional()),
      'GANTRY_SUBGRAPH_ROUTER_SECRET',
      'operator',
      'With GANTRY_SUBGRAPH: `_service` and `_entities` answer only requests carrying this secret in `X-Gantry-Router-Secret` (graphql-ws: `routerSecret` in connectionParams), so clients cannot bypass the router. Such requests also skip the trusted-documents check, since the router sends query plans, not client documents.',
    ),
  }),
  mcp: z.object({
    authorizationServers: setting(
      commaList().pipe(z.array(z.url())).default([]),
      'GANTRY_MCP_AUTHORIZATION_SERVERS',
      'operator',
      'Comma-separated OAuth authorization servers (https://login.example.com) that issue the tokens MCP clients send; named in /.well-known/oauth-protected-resource, which a 401 from /mcp points at.',
    ),
  }),
  metricsPort: setting(
    z.union([z.literal('off'), int(0, 65_535)]).optional(),
    'GANTRY_METRICS_PORT',
    'operator',
    "Where /metrics is served: unset, on the gateway's own port; a port number, only there (on HOST), never on the gateway's port; `off`, nowhere.",
  ),
  allowDemoBackends: setting(
    flag().default(false),
    'GANTRY_ALLOW_DEMO_BACKENDS',
    'operator',
    'Let the production profile start with a backend that has no URL, served by its embedded demo copy. Without it such a start is refused: demo data and dev tokens do not belong in production.',
  ),
  readinessIntervalMs: setting(ms().default(5_000), 'GANTRY_READINESS_INTERVAL_MS', 'tuning', 'How often each backend is probed for /readyz.'),
  tracing: z.object({
    otlpEndpoint: setting(
      optionalUrl(),
      'GANTRY_OTLP_ENDPOINT',
      'operator',
      'OpenTelemetry: OTLP/HTTP traces endpoint (http://collector:4318/v1/traces); a span per operation and per upstream call, traceparent sent to the backends. Unset: no tracing.',
    ),
  }),
  heapGrowthPercent: setting(
    int(0, 1000).default(30),
    'GANTRY_HEAP_GROWTH_PERCENT',
    'tuning',
    'How far V8 lets the heap grow past what survived its last full collection, in percent. 30 keeps the old generation close to the live heap at no measurable cost on ordinary queries (request garbage dies young); 0 leaves it to V8, which lets the heap grow to several times its live size. See docs/deployment.md, Memory.',
  ),
  profile: setting(
    z.enum(['development', 'production']).default('development'),
    'GANTRY_PROFILE',
    'operator',
    '`production` turns GraphiQL and introspection off for callers without a developer key and hides field suggestions; unset means production when NODE_ENV=production, else development.',
  ),
  developerKeys: setting(
    commaList()
      .pipe(z.array(z.string().min(16, 'each developer key needs at least 16 characters')))
      .optional(),
    'GANTRY_DEVELOPER_KEYS',
    'operator',
    'Comma-separated secrets; a caller sending one in `X-Gantry-Developer-Key` (or its `gantry-developer-key` cookie, or `developerKey` in graphql-ws connectionParams) gets introspection and GraphiQL in production.',
  ),
  trustedDocuments: setting(
    z.string().min(1).optional(),
    'GANTRY_TRUSTED_DOCUMENTS',
    'operator',
    'Path of a trusted-documents manifest (`{"<hash>": "<document>"}`, as codegen writes it); when set, every transport runs only those documents, sent by `documentId` or `extensions.persistedQuery.sha256Hash`.',
  ),
  limits,
  connections,
  rateLimit,
};
