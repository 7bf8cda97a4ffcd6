import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Context } from '../context.js';

/** A document runs this many times on the regular executor before it is compiled. */
export const COMPILE_AFTER_RUNS = 2;

/**
 * Compiled execution (graphql-jit) for the queries that come back. The regular executor walks
 * the document for every result object; graphql-jit turns a validated document into one
 * JavaScript function, which V8 then optimises (the ledger, README.md here, has the figures).
 * GANTRY_FAST_EXECUTION=false turns it off.
 *
 * Only queries of one-operation documents whose selection sets list their fields before their
 * fragments (graphql-jit writes a selection set's own fields first, where the spec keeps the
 * written order; with fields first the two agree), and only from their second run: a document
 * seen once never pays for compiling, and a document with several operations would need one compilation
 * per operation name. A document that does not compile stays on the regular executor;
 * subscriptions and mutations always do, and a request whose variables do not coerce goes back
 * to it, so that its errors are the regular executor's, word for word. Errors get back the
 * field nodes graphql-jit leaves out, which Yoga needs to write their `locations`. Compiled
 * functions are kept per parsed document, which Yoga's parse cache (bounded) holds, so they go
 * when it does. The context's `served.executor` says which executor answered.
 */
export function useCompiledQueries(logger: Logger): Plugin {
  const runs = new WeakMap<DocumentNode, number>();
  const compiled = new WeakMap<DocumentNode, CompiledQuery | null>();

  const compiledFor = (args: ExecutionArgs): CompiledQuery | null => {
    let entry = compiled.get(args.document);
    if (entry === undefined) {
      const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
      entry = isCompiledQuery(result) ? result : null;
      if (entry === null)
        logger.warn({ errors: (result as ExecutionResult).errors?.map((e) => e.message) }, 'query not compiled; it runs on the regular executor');
      compiled.set(args.document, entry);
    }
    return entry;
  };

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const document = args.document as DocumentNode;
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const operation = operations[0];
      if (operations.length !== 1 || operation!.operation !== 'query' || !fieldsBeforeFragments(document)) return;
      const count = (runs.get(document) ?? 0) + 1;
      if (count < COMPILE_AFTER_RUNS) {
        runs.set(document, count);
        return;
      }
      const query = compiledFor(args as ExecutionArgs);
      if (!query) return;
      setExecuteFn((a) => {
        // graphql-jit coerces the variables itself and, when they do not coerce, answers with
        // errors and no data before any resolver ran: the regular executor then answers instead,
        // so that those errors read exactly as its own. (It used to coerce with graphql-js first
        // on every run; the two accept and refuse the same values, test/plugins-compiled-queries.)
        const served = (a.contextValue as { served?: Context['served'] }).served;
        const finish = (r: ExecutionResult) => {
          if ('data' in r) return withLocations(r, document, operation!);
          if (served) served.executor = 'graphql-js';
          return executeFn(a);
        };
        if (served) served.executor = 'compiled';
        const result = query.query(a.rootValue, a.contextValue, a.variableValues) as ExecutionResult | Promise<ExecutionResult>;
        return (result instanceof Promise ? result.then(finish) : finish(result)) as never;
      });
    },
  };
}

/**
 * A compiled result as the regular executor shapes it: `errors` before `data`, and field errors
 * with the `nodes` graphql-jit leaves out (so their locations survive), from each error's path.
 */
function withLocations(compiled: ExecutionResult, document: DocumentNode, operation: OperationDefinitionNode): ExecutionResult {
  // The regular executor writes `errors` before `data`, graphql-jit the other way round; clients
  // that compare bodies (or caches keyed on them) should not see the executor change.
  const { data, errors: jitErrors, ...rest } = compiled;
  const result: ExecutionResult = jitErrors ? { errors: jitErrors, data, ...rest } : { data, ...rest };
  // graphql-jit gives its errors `locations` but no `nodes`, and Yoga rebuilds every error from
  // its nodes when it writes the response: without them the locations are lost on the way.
  const located = (error: GraphQLError) => error.nodes !== undefined && error.nodes.length > 0;
  if (!result.errors?.some((e) => !located(e) && e.path)) return result;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const errors = result.errors.map((error) => {
    if (located(error) || !error.path) return error;
    const nodes = fieldsAt(operation.selectionSet, error.path, fragments);
    if (nodes.length === 0) return error;
    return new GraphQLError(error.message, { nodes, path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  });
  return { ...result, errors };
}

/** The field nodes answering `path` (response keys; list indexes skipped), across fragments. */
function fieldsAt(selectionSet: SelectionSetNode, path: ReadonlyArray<string | number>, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  let sets: SelectionSetNode[] = [selectionSet];
  let found: FieldNode[] = [];
  for (const key of path) {
    if (typeof key === 'number') continue;
    found = sets.flatMap((set) => fieldsWithKey(set, key, fragments));
    sets = found.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  return found;
}

function fieldsWithKey(set: SelectionSetNode, key: string, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return (selection.alias?.value ?? selection.name.value) === key ? [selection] : [];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsWithKey(selection.selectionSet, key, fragments);
    const fragment = fragments.get(selection.name.value);
    return fragment ? fieldsWithKey(fragment.selectionSet, key, fragments) : [];
  });
}

/** Whether every selection set lists its fields before any fragment (see useCompiledQueries). */
const orderChecked = new WeakMap<DocumentNode, boolean>();
function fieldsBeforeFragments(document: DocumentNode): boolean {
  let ok = orderChecked.get(document);
  if (ok === undefined) {
    const check = (set: SelectionSetNode | undefined): boolean => {
      if (!set) return true;
      let fragmentSeen = false;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (fragmentSeen || !check(selection.selectionSet)) return false;
        } else {
          fragmentSeen = true;
          if (selection.kind === Kind.INLINE_FRAGMENT && !check(selection.selectionSet)) return false;
        }
      }
      return true;
    };
    ok = document.definitions.every((d) => (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION ? check(d.selectionSet) : true));
    orderChecked.set(document, ok);
  }
  return ok;
}
