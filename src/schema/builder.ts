import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { BackendKey } from '../backend-keys.js';
import type { Context } from '../context.js';
import { InvalidInputError, UnauthenticatedError, type FieldProblem } from '../errors.js';
import { decodeGlobalId, encodeGlobalId } from './global-id.js';

/**
 * The one SchemaBuilder. Nullability, decided once: object fields that reach a flaky upstream
 * are nullable (a failed lookup is null plus an error with a path, the rest of the query
 * survives); scalars of an object we already loaded are non-null; lists are non-null of
 * non-null. Mutations return payload unions whose expected failures are data.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    /** The caller has a credential for this backend (its own token or a service token). */
    backend: BackendKey;
  };
  Scalars: {
    DateTime: { Input: string; Output: string };
    SafeInt: { Input: number; Output: number };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
}>({
  // Order matters. Scope auth first: an unauthenticated call fails before anything else runs,
  // and its error is never swallowed into a payload. Errors before validation: input problems
  // become InvalidInputError data in mutation payloads. Relay and dataloader after them so
  // node lookups and loaders run inside the checks. Directives and federation last: they only
  // describe the subgraph schema (src/subgraph/), after the plugins that wrap resolvers.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin, ValidationPlugin, DirectivesPlugin, FederationPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      backend: (key: BackendKey) => context.credentials.tokenFor(key) !== undefined,
    }),
    unauthorizedError: () => new UnauthenticatedError('Send "Authorization: Bearer <token>" to use this field.'),
  },
  errors: {
    // Only our own user-facing classes become data; anything unexpected reaches Yoga, masked.
    defaultTypes: [],
    // Input validation failures become InvalidInputError data in mutation payloads, so forms
    // can show them. They are returned before scope checks run; that reveals only that the
    // input is malformed, which is the same for every caller.
    unsafelyHandleInputErrors: true,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    nodeQueryOptions: { description: 'Any object by its global ID.', args: { id: { description: 'A global ID.' } } },
    nodesQueryOptions: {
      description: 'Objects by their global IDs, in the same order; null for a miss. At most GANTRY_MAX_PAGE_SIZE ids, as a page.',
      args: { ids: { description: 'Global IDs.' } },
      // Each id may be a call upstream: as many as a page holds, no more.
      resolve: (_root, { ids }, context, _info, resolveNodes) => {
        const max = context.config.maxPageSize;
        if (ids.length > max) throw new InvalidInputError(`ids: at most ${max} at once.`, { fields: [{ path: ['ids'], message: `at most ${max}` }] });
        return resolveNodes(ids);
      },
    },
    nodesOnConnection: { description: "The page's objects, without cursors." },
    nodeTypeOptions: { description: 'An object with a global ID, fetchable with `node(id)`.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its list.' },
    idFieldOptions: { description: "Opaque global ID; pass it to `node(id)` or to this type's own lookup." },
    cursorFieldOptions: { description: 'Opaque cursor of this edge; pass it as `after` or `before`.' },
    firstArgOptions: { description: 'Page size from the start (or after `after`).' },
    lastArgOptions: { description: 'Page size from the end (or before `before`).' },
    afterArgOptions: { description: 'Cursor of the edge to start after.' },
    beforeArgOptions: { description: 'Cursor of the edge to end before.' },
    edgesFieldOptions: { description: 'The page, as edges with cursors.' },
    nodeFieldOptions: { description: 'The object of this edge.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the list.' },
    hasNextPageFieldOptions: { description: 'More items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Items come before this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first edge, null for an empty page.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge, null for an empty page.' },
  },
  validation: {
    validationError: (result) => {
      const fields: FieldProblem[] = result.issues.map((issue) => ({
        path: (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)),
        message: issue.message,
      }));
      const summary = fields.map((f) => (f.path.length ? `${f.path.join('.')}: ${f.message}` : f.message)).join('; ');
      return new InvalidInputError(summary || 'The input is not valid.', { fields });
    },
  },
});

/** The builder's schema types, for helpers that build fields for several object types. */
export type GantrySchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
