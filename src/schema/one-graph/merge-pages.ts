/**
 * One connection over several lists that share an order (newest first), each read with its
 * own paging. The cursor carries every source's own position (how far the merged list has
 * read into it), so page after page is complete, without a duplicate or a gap, however the
 * sources' items interleave: each page reads up to `first + 1` items after each position,
 * merges them, keeps `first`, and the next cursor moves each source past what was kept of it.
 */

interface SourceRead<T, P> {
  items: Array<{ item: T; position: P }>;
  /** The source has items beyond those returned. */
  more: boolean;
}

export interface MergeSource<T, P> {
  key: string;
  /** Up to `count` items after `position` (undefined: from the start), in the shared order. */
  read(position: P | undefined, count: number): Promise<SourceRead<T, P>>;
}

export interface MergedPage<T> {
  edges: Array<{ node: T; cursor: string; source: string }>;
  hasNextPage: boolean;
  /** Sources that failed, with their errors: the page holds the others' items. */
  failed: Array<{ source: string; error: unknown }>;
}

type Positions = Record<string, unknown>;

const encodeMergeCursor = (positions: Positions) => Buffer.from(JSON.stringify(positions)).toString('base64url');

export function decodeMergeCursor(cursor: string): Positions | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Positions) : undefined;
  } catch {
    return undefined;
  }
}

/** `newer(a, b)`: a comes before b in the shared order (ties keep the sources' order). */
export async function mergePage<T>(
  sources: Array<MergeSource<T, unknown>>,
  after: Positions,
  first: number,
  newer: (a: T, b: T) => boolean,
): Promise<MergedPage<T>> {
  const reads = await Promise.all(
    sources.map(async (source) => {
      try {
        return { source, read: await source.read(after[source.key], first + 1) };
      } catch (error) {
        return { source, error };
      }
    }),
  );
  const failed = reads.filter((r) => 'error' in r).map((r) => ({ source: r.source.key, error: (r as { error: unknown }).error }));
  const queues = reads.filter((r): r is { source: MergeSource<T, unknown>; read: SourceRead<T, unknown> } => 'read' in r);
  const index = new Map(queues.map((q) => [q.source.key, 0]));
  const positions: Positions = { ...after };
  const edges: MergedPage<T>['edges'] = [];
  while (edges.length < first) {
    let pick: (typeof queues)[number] | undefined;
    for (const q of queues) {
      const head = q.read.items[index.get(q.source.key)!];
      if (!head) continue;
      const current = pick ? pick.read.items[index.get(pick.source.key)!]! : undefined;
      if (!current || newer(head.item, current.item)) pick = q;
    }
    if (!pick) break;
    const i = index.get(pick.source.key)!;
    const { item, position } = pick.read.items[i]!;
    index.set(pick.source.key, i + 1);
    positions[pick.source.key] = position;
    edges.push({ node: item, cursor: encodeMergeCursor(positions), source: pick.source.key });
  }
  const hasNextPage = queues.some((q) => index.get(q.source.key)! < q.read.items.length || q.read.more);
  return { edges, hasNextPage, failed };
}

/**
 * A source read by page number (pages from 1, `pageSize` each) whose position is the number of
 * its items the merged list has consumed: CI images, containers, serverless containers.
 */
export function offsetSource<T>(
  key: string,
  pageSize: number,
  fetchPage: (page: number) => Promise<{ items: T[]; hasNext: boolean }>,
  maxPages = 20,
): MergeSource<T, unknown> {
  return {
    key,
    async read(position, count) {
      const offset = typeof position === 'number' && Number.isInteger(position) && position >= 0 ? position : 0;
      const items: Array<{ item: T; position: unknown }> = [];
      let page = Math.floor(offset / pageSize) + 1;
      let skip = offset % pageSize;
      for (let read = 0; read < maxPages; read++, page++, skip = 0) {
        const result = await fetchPage(page);
        for (const [i, item] of result.items.entries()) {
          if (i < skip) continue;
          if (items.length === count) return { items, more: true };
          items.push({ item, position: (page - 1) * pageSize + i + 1 });
        }
        if (!result.hasNext || items.length === count) return { items, more: result.hasNext };
      }
      return { items, more: true };
    },
  };
}
