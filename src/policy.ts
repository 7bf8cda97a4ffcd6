import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import type { Config } from './config.js';
import { useCsrfPrevention } from './plugins/use-csrf-prevention.js';
import { useStrictGetParams } from './plugins/use-strict-get-params.js';
import { cookieValue, DEVELOPER_KEY_COOKIE, DEVELOPER_KEY_HEADER, isDeveloperKey, useDeveloperOnlyIntrospection } from './plugins/use-developer-access.js';
import { loadTrustedDocuments, type TrustedDocuments } from './plugins/trusted-documents.js';
import { createRateLimits, type RateLimits } from './rate-limits.js';

/**
 * One policy for every transport. HTTP GET and POST, SSE and graphql-ws all run through the
 * same Yoga envelope (server.ts sends WebSocket operations through `yoga.getEnveloped`), so
 * the plugins here see every operation: limits on the document (graphql-armor: depth,
 * aliases, directives, tokens, cost) apply at parse and validation, before anything executes
 * and so before any backend call; the rate limits charge each operation; the production
 * profile hides the schema from callers without a developer key. Body and message sizes and
 * per-address budgets are enforced in server.ts, in front of Yoga.
 */
export interface Policy {
  plugins: Plugin[];
  rateLimits: RateLimits;
  /** Set when GANTRY_TRUSTED_DOCUMENTS is: graphql-ws resolves documents through it. */
  trustedDocuments: TrustedDocuments | undefined;
  /** Whether this request may load GraphiQL. */
  graphiqlAllowed(request: Request): boolean;
}

/** The client address of an operation's initial context (HTTP request or WebSocket upgrade). */
export function clientAddress(req: IncomingMessage | undefined): string {
  return req?.socket.remoteAddress ?? 'unknown';
}

export function rateLimitedError(retryAfter: number, what: string): GraphQLError {
  return new GraphQLError(`Too many ${what}: retry in ${retryAfter} s.`, {
    extensions: { code: 'RATE_LIMITED', retryAfter, http: { status: 429, headers: { 'retry-after': String(retryAfter) } } },
  });
}

/**
 * Charges one operation to its credential, and to its address when given (WebSocket
 * operations: HTTP requests were charged by address on arrival). The refusal, if any.
 */
export async function chargeOperation(limits: RateLimits, authorization: unknown, address?: string): Promise<GraphQLError | undefined> {
  const waitCredential = await limits.credential(typeof authorization === 'string' ? authorization : undefined);
  if (waitCredential !== undefined) return rateLimitedError(waitCredential, 'operations for this credential');
  if (address !== undefined) {
    const waitAddress = await limits.address(address);
    if (waitAddress !== undefined) return rateLimitedError(waitAddress, 'requests from this address');
  }
  return undefined;
}

/** Requests the fast path (fast-post.ts) already charged before handing them to Yoga. */
const charged = new WeakSet<IncomingMessage>();
export const markCharged = (req: IncomingMessage): void => void charged.add(req);

/** HTTP and SSE operations: charged once their parameters are read, before parsing. */
function useOperationRateLimits(limits: RateLimits): Plugin {
  return {
    async onParams({ request, context }) {
      const req = (context as { req?: IncomingMessage }).req;
      if (req && charged.has(req)) return;
      const refusal = await chargeOperation(limits, request.headers.get('authorization'));
      if (refusal) throw refusal;
    },
  };
}

export function createPolicy(config: Config): Policy {
  const production = config.profile === 'production';
  const { limits } = config;
  // Rejections are reported as validation errors (400, GRAPHQL_VALIDATION_FAILED, every
  // problem listed) rather than thrown, which would surface as a code-less error with 200.
  const asValidationError = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  const armor = new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, ...asValidationError },
    maxAliases: { n: limits.maxAliases, ...asValidationError },
    maxDirectives: { n: limits.maxDirectives, ...asValidationError },
    maxTokens: { n: limits.maxTokens },
    // Counts `first`/`last` literals as multipliers (not variables: those are capped by
    // GANTRY_MAX_PAGE_SIZE when the field runs, still before any backend call).
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...asValidationError },
    // "Did you mean …?" names fields a caller did not know: hidden in production.
    blockFieldSuggestion: { enabled: production },
  });
  const rateLimits = createRateLimits(config.rateLimit);
  const trustedDocuments = config.trustedDocuments ? loadTrustedDocuments(config.trustedDocuments) : undefined;
  const plugins: Plugin[] = [
    useCsrfPrevention(),
    useStrictGetParams(),
    ...(trustedDocuments ? [trustedDocuments.plugin] : []),
    useOperationRateLimits(rateLimits),
    ...(armor.protect().plugins as Plugin[]),
    ...(production ? [useDeveloperOnlyIntrospection(config.developerKeys)] : []),
  ];
  return {
    plugins,
    rateLimits,
    trustedDocuments,
    graphiqlAllowed: (request) =>
      !production || isDeveloperKey(config.developerKeys, request.headers.get(DEVELOPER_KEY_HEADER) ?? cookieValue(request, DEVELOPER_KEY_COOKIE)),
  };
}
