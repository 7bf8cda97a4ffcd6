import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { type GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Admission } from './admission/admission.js';
import type { Config } from './config/schema.js';
import { useAdmission, type YogaServerContext } from './plugins/use-admission.js';
import { useLiteralLimits, variableLimits } from './plugins/argument-limits.js';
import { callBudget } from './plugins/call-budget.js';
import { costLimit } from './plugins/cost-limit.js';
import { refuseBeforeRunning } from './plugins/refuse-before-running.js';
import { useCsrfPrevention } from './plugins/use-csrf-prevention.js';
import { useNoSuggestions } from './plugins/use-no-suggestions.js';
import { useStrictGetParams } from './plugins/use-strict-get-params.js';
import { MAX_LOG_LINES } from './schema/containers/container.js';

/**
 * The policy for documents, as envelope plugins. Every GraphQL entry runs the same envelope
 * (Yoga's HTTP and SSE directly, the fast path and graphql-ws through `yoga.getEnveloped`), so
 * these apply to every operation, after the admission step (src/admission/) let it in:
 * graphql-armor's limits (depth, aliases, directives, tokens) at parse and validation; the
 * limits that need the variables (argument lengths, cost, the call budget) as execution starts;
 * all before any backend call; the production profile's schema
 * privacy, by the admission step's verdict; suggestions (field names, enum values) hidden in
 * production. Yoga's own
 * HTTP entry also gets its admission call here (`useAdmission`), and the two checks only an
 * HTTP request can fail (CSRF, malformed GET parameters).
 */
export function createPolicy(config: Config, admission: Admission): Plugin[] {
  const production = config.profile === 'production';
  const { limits } = config;
  const argumentLimits = { maxStringLength: limits.maxStringLength, maxListLength: limits.maxListLength };
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
    // The cost limit is ours (cost-limit.ts): armor's counts only literal page sizes.
    costLimit: { enabled: false },
    // Field suggestions are hidden in production by useNoSuggestions, enum values' too.
    blockFieldSuggestion: { enabled: false },
  });
  return [
    useCsrfPrevention(),
    useStrictGetParams(),
    useAdmission(admission),
    ...(armor.protect().plugins as Plugin[]),
    useLiteralLimits(argumentLimits),
    refuseBeforeRunning([
      variableLimits(argumentLimits),
      costLimit(limits.maxCost, { maxPageSize: config.maxPageSize, maxLimit: MAX_LOG_LINES }),
      callBudget(limits.maxUpstreamCallsPerOperation),
    ]),
    // Development shows the schema to everyone: the rule would never be added.
    ...(production ? [useSchemaPrivacy(), useNoSuggestions()] : []),
  ];
}

/**
 * Introspection for callers the admission step let see the schema (everyone in development, a
 * developer key's holder in production), refused at validation for the others. A context the
 * admission step never saw is refused too.
 */
function useSchemaPrivacy(): Plugin {
  return {
    onValidate({ context, addValidationRule }) {
      if ((context as YogaServerContext).admitted?.mayIntrospect !== true) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
