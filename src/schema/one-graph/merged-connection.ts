import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import { InvalidInputError } from '../../errors.js';
import { fromBackendError } from '../upstream.js';
import { decodeMergeCursor, mergePage, type MergeSource } from './merge-pages.js';

/**
 * The Relay connection of a merged list (images, workloads): checks `first`/`after`, reads one
 * merged page, and reports each failed source as an error beside the data (path of the field,
 * the upstream code, `source`), so the other sources' items still come. Only when every
 * source failed does the field itself fail.
 */
export async function resolveMergedConnection<T>(
  list: string,
  args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null },
  context: Context,
  info: GraphQLResolveInfo,
  sources: Array<MergeSource<T, unknown>>,
  before: (a: T, b: T) => boolean,
) {
  if (args.last != null || args.before != null) throw new InvalidInputError(`${list} pages forward only: use first and after.`);
  const first = args.first ?? 25;
  if (first < 0 || first > context.config.maxPageSize) {
    throw new InvalidInputError(`first: must be between 0 and ${context.config.maxPageSize}.`, {
      fields: [{ path: ['first'], message: `must be between 0 and ${context.config.maxPageSize}` }],
    });
  }
  const after = args.after ? decodeMergeCursor(args.after) : {};
  if (!after) throw new InvalidInputError(`after: not a cursor of ${list}.`, { fields: [{ path: ['after'], message: 'not a cursor of this list' }] });
  const page = await mergePage(sources, after, first, before);
  if (sources.length > 0 && page.failed.length === sources.length) throw fromBackendError(page.failed[0]!.error);
  for (const { source, error } of page.failed) {
    const mapped = fromBackendError(error) as GraphQLError;
    context.extraErrors.push(
      new GraphQLError(`${list}: the ${source} source failed; its items are missing from this page. ${mapped.message}`, {
        path: [info.path.key],
        extensions: { ...mapped.extensions, source },
      }),
    );
  }
  return {
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: args.after != null,
      startCursor: page.edges[0]?.cursor ?? null,
      endCursor: page.edges.at(-1)?.cursor ?? null,
    },
  };
}
