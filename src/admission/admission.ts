import type { IncomingMessage } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config/schema.js';
import { GantryError, UnauthenticatedError } from '../errors.js';
import { type Credentials, readCredentials } from './credentials.js';
import { isOneOfSecrets } from './developer-keys.js';
import { clientAddress, type Knock, type Transport } from './knock.js';
import { createRateLimits } from './rate-limits.js';
import { createSharedStore } from './shared-store.js';
import { loadTrustedDocuments } from './trusted-documents.js';

/**
 * The one admission step: every way in (Yoga's HTTP, the fast path, SSE, graphql-ws, the byte
 * routes, and whatever comes next) calls it before anything of an operation runs, and so every
 * caller meets the same lock. In order:
 *
 * 1. the per-address budget, for operations that passed no door of their own (a WebSocket's
 *    messages: an HTTP request paid at `door` when it arrived);
 * 2. the caller's credentials, read (a malformed one is refused, and counts against its address);
 * 3. the per-credential budget (shared by the replicas through Redis when REDIS_URL is set);
 * 4. the profile: whether this caller may see the schema (production hides it from callers
 *    without a developer key; the introspection rule reads the verdict at validation);
 * 5. the federation router: in subgraph mode with GANTRY_SUBGRAPH_ROUTER_SECRET, whether the
 *    caller presented the secret (only then may it ask for `_entities` and `_service`);
 * 6. the document: with trusted documents on, the manifest's text for the hash, or a refusal.
 *    A verified router is exempt: it sends query plans it wrote, not client documents (the
 *    router applies its own document policy to the clients in front of it).
 *
 * A refusal is a GraphQLError with its code and the HTTP status (and Retry-After) it wants;
 * each entry answers it in its own protocol's way (an HTTP status, a graphql-ws `error`, a
 * byte route's JSON), and the tests send every case over every entry.
 */
export interface Admission {
  /**
   * Every HTTP request but health and metrics, on arrival (`limitBody` for the GraphQL endpoint,
   * whose body is read into memory), and every WebSocket upgrade (`upgrade`): the per-address
   * budget, the refused-credentials brake for upgrades, the body size. The refusal, if any.
   */
  door(req: IncomingMessage, options: { upgrade?: boolean; limitBody?: boolean }): Promise<GraphQLError | undefined>;
  /** One operation, or one byte-route request: what it may do, or it rejects with the refusal. */
  admit(knock: Knock): Promise<Admitted>;
  /**
   * graphql-ws connection_init: whether the credentials in its connectionParams read (the
   * socket closes with 4403 otherwise, and the refusal counts against the address).
   */
  handshake(knock: Knock): boolean;
  /** A caller was refused as UNAUTHENTICATED further in (a backend refused its token). */
  refusedCredential(address: string): void;
  /** Whether a caller presenting `developerKey` may see the schema (introspection, GraphiQL). */
  mayIntrospect(developerKey: unknown): boolean;
  /** With REDIS_URL, waits (bounded) until the budgets are shared, or the fallback warned; the gateway's start() calls it. */
  connect(): Promise<void>;
  /** Closes the connection the budgets are shared through. */
  close(): Promise<void>;
}

/** What admission lets through: the caller, read once, and what it may do. */
export interface Admitted {
  transport: Transport;
  address: string;
  credentials: Credentials;
  /** The caller may see the schema: introspection, GraphiQL, field suggestions. */
  mayIntrospect: boolean;
  /** The document to run: the trusted document's text, else the operation's query as sent. */
  query: unknown;
  /** Subgraph mode: the caller may ask for `_entities` and `_service` (no router secret is set, or it sent it). */
  mayFederate: boolean;
}

/** Operations that pay the per-address budget here: a WebSocket's messages pass no HTTP door. */
const PAYS_ADDRESS_AT_ADMISSION: Readonly<Record<Transport, boolean>> = { http: false, sse: false, files: false, ws: true, mcp: false };

const tooMany = (retryAfter: number, what: string) =>
  new GantryError('RATE_LIMITED', `Too many ${what}: retry in ${retryAfter} s.`, { retryAfter, httpStatus: 429 });

export function createAdmission(config: Config, logger: Pick<Logger, 'warn' | 'info'>): Admission {
  const { perAddress, perCredential, authFailures } = config.rateLimit;
  const budgets = perAddress > 0 || perCredential > 0 || authFailures > 0;
  const shared = config.redisUrl && budgets ? createSharedStore(config.redisUrl, logger) : undefined;
  const limits = createRateLimits(config.rateLimit, shared);
  const trusted = config.trustedDocuments ? loadTrustedDocuments(config.trustedDocuments) : undefined;
  const production = config.profile === 'production';
  const { maxRequestBytes } = config.limits;
  const mayIntrospect = (developerKey: unknown) => !production || isOneOfSecrets(config.developerKeys ?? [], developerKey);
  const refusedCredential = (address: string) => void limits.authFailure(address);
  // Only a subgraph has a router: a secret left set on a standalone gateway opens nothing.
  const routerSecret = config.subgraph.enabled ? config.subgraph.routerSecret : undefined;
  const fromRouter = (knock: Knock) => routerSecret !== undefined && isOneOfSecrets([routerSecret], knock.routerSecret);

  const readCaller = (knock: Knock): Credentials => {
    try {
      return readCredentials(knock, config);
    } catch (error) {
      if (error instanceof UnauthenticatedError) refusedCredential(knock.address);
      throw error;
    }
  };

  return {
    async door(req, { upgrade = false, limitBody = false }) {
      const address = clientAddress(req);
      if (upgrade) {
        // An address that keeps presenting bad credentials gets no socket, no connection_init to parse.
        const blocked = await limits.authBlocked(address);
        if (blocked !== undefined) return tooMany(blocked, 'refused credentials from this address');
      }
      const wait = await limits.address(address);
      if (wait !== undefined) return tooMany(wait, 'requests from this address');
      if (!limitBody) return undefined;
      // The body is read whole into memory: its size is checked before a byte of it is.
      if (req.method === 'GET') {
        if ((req.url ?? '').length > maxRequestBytes) return tooLarge(maxRequestBytes, 'request');
        return undefined;
      }
      if (req.method !== 'POST') return undefined;
      const declared = req.headers['content-length'];
      if (declared === undefined) return new GantryError('BAD_USER_INPUT', 'Send the request body with a Content-Length.', { httpStatus: 411 });
      const length = Number(declared);
      if (!Number.isFinite(length) || length > maxRequestBytes) return tooLarge(maxRequestBytes, 'request body');
      return undefined;
    },

    async admit(knock) {
      if (PAYS_ADDRESS_AT_ADMISSION[knock.transport]) {
        const wait = await limits.address(knock.address);
        if (wait !== undefined) throw tooMany(wait, 'requests from this address');
      }
      const credentials = readCaller(knock);
      const wait = await limits.credential(credentials.sent);
      if (wait !== undefined) throw tooMany(wait, 'operations for this credential');
      let query = knock.operation?.query;
      const verifiedRouter = fromRouter(knock);
      if (trusted && knock.operation && !verifiedRouter) {
        const resolved = trusted.resolve(knock.operation);
        if (typeof resolved !== 'string') throw resolved;
        query = resolved;
      }
      return {
        transport: knock.transport,
        address: knock.address,
        credentials,
        mayIntrospect: mayIntrospect(knock.developerKey),
        query,
        mayFederate: routerSecret === undefined || verifiedRouter,
      };
    },

    handshake(knock) {
      try {
        readCaller(knock);
        return true;
      } catch {
        return false;
      }
    },
    refusedCredential,
    mayIntrospect,
    async connect() {
      await shared?.connected();
    },
    async close() {
      await shared?.close();
    },
  };
}

const tooLarge = (max: number, what: string) => new GantryError('PAYLOAD_TOO_LARGE', `The ${what} may have at most ${max} bytes.`, { httpStatus: 413 });
