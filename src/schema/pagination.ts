import { InvalidInputError } from '../errors.js';

/**
 * Relay connections over upstream paging. Cursors are opaque (base64url JSON tagged with the
 * list they belong to) and carry the upstream position; `first`/`last` have a hard cap.
 * This file holds the marker style (Glance: "the id of the last-seen item"); page/offset and
 * time styles join it as their APIs arrive.
 */

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Page size when the client gives neither `first` nor `last` (Glance's own default). */
const DEFAULT_PAGE_SIZE = 25;

export function encodeCursor(list: string, position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ l: list, ...position }), 'utf8').toString('base64url');
}

/**
 * An edge whose cursor is encoded when first read: a page asked for `nodes` only (the common
 * query) never encodes one. Encoding is a JSON string and a base64 copy per item.
 */
class Edge<T> {
  #cursor: string | undefined;
  constructor(
    readonly node: T,
    private readonly list: string,
    private readonly positionKey: 'm' | 'o',
    private readonly position: string | number,
    /** More of the item's position, read when the cursor is encoded (a marker list's sort values). */
    private readonly more?: () => Record<string, unknown>,
  ) {}

  get cursor(): string {
    this.#cursor ??= encodeCursor(this.list, { [this.positionKey]: this.position, ...this.more?.() });
    return this.#cursor;
  }
}

/** @throws InvalidInputError when the cursor is malformed or belongs to another list. */
export function decodeCursor(list: string, cursor: string, argName: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || (parsed as { l?: unknown }).l !== list) {
    throw new InvalidInputError(`${argName}: not a cursor of this list.`, { fields: [{ path: [argName], message: 'not a cursor of this list' }] });
  }
  return parsed as Record<string, unknown>;
}

export interface PageRequest {
  direction: 'forward' | 'backward';
  size: number;
  /** The decoded `after` (forward) or `before` (backward) cursor. */
  cursor: Record<string, unknown> | undefined;
}

/** Validates connection arguments before any backend call. */
export function pageRequest(list: string, args: ConnectionArgs, maxPageSize: number): PageRequest {
  const problem = (path: string, message: string) => new InvalidInputError(`${path}: ${message}`, { fields: [{ path: [path], message }] });
  const hasFirst = args.first !== null && args.first !== undefined;
  const hasLast = args.last !== null && args.last !== undefined;
  if (hasFirst && hasLast) throw problem('last', 'give either first or last, not both');
  if (hasLast && args.after) throw problem('after', 'use before with last');
  if (hasFirst && args.before) throw problem('before', 'use after with first');
  const backward = hasLast || (!hasFirst && Boolean(args.before));
  const argName = backward ? 'last' : 'first';
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > maxPageSize) {
    throw problem(argName, `must be between 0 and ${maxPageSize}`);
  }
  const rawCursor = backward ? args.before : args.after;
  return {
    direction: backward ? 'backward' : 'forward',
    size,
    cursor: rawCursor ? decodeCursor(list, rawCursor, backward ? 'before' : 'after') : undefined,
  };
}

/**
 * A connection over marker paging. `fetch` gets the marker to start after, a limit and whether
 * to walk the list backwards (the upstream sort flipped); it asks for one extra item so that
 * `hasNextPage` is exact even when the upstream's own "next" link is optimistic.
 */
export async function resolveMarkerConnection<T>(
  list: string,
  request: PageRequest,
  idOf: (item: T) => string,
  fetch: (page: { marker: string | undefined; limit: number; reverse: boolean }) => Promise<T[]>,
  /** More of an item's position for its cursor (the list's sort values: see vm-images/marker-progress.ts). */
  positionOf?: (item: T) => Record<string, unknown>,
): Promise<Connection<T>> {
  const marker = typeof request.cursor?.m === 'string' ? request.cursor.m : undefined;
  if (request.cursor && marker === undefined) throw new InvalidInputError('Not a cursor of this list.');
  const reverse = request.direction === 'backward';
  const items = request.size === 0 ? [] : await fetch({ marker, limit: request.size + 1, reverse });
  const more = items.length > request.size;
  const page = items.slice(0, request.size);
  if (reverse) page.reverse();
  const edges = page.map((node) => new Edge(node, list, 'm', idOf(node), positionOf && (() => positionOf(node))));
  return {
    edges,
    pageInfo: {
      hasNextPage: reverse ? marker !== undefined : more,
      hasPreviousPage: reverse ? more : marker !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A connection over page/per_page paging. Cursors carry the absolute offset of their item;
 * a page is fetched with `perPage = size`, so sequential paging with one page size costs one
 * upstream call per page, and an unaligned window costs two.
 */
export async function resolveOffsetConnection<T>(
  list: string,
  request: PageRequest,
  fetch: (page: { page: number; perPage: number }) => Promise<{ items: readonly T[]; total: number | undefined; hasNext: boolean }>,
  /** The upstream's page size when it takes no per-page parameter (Djinn: 25). */
  fixedPerPage?: number,
): Promise<Connection<T>> {
  const offsetOf = (cursor: Record<string, unknown> | undefined) => {
    if (cursor === undefined) return undefined;
    const o = cursor.o;
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0) throw new InvalidInputError('Not a cursor of this list.');
    return o;
  };
  const cursorOffset = offsetOf(request.cursor);
  const size = request.size;
  let start: number;
  if (request.direction === 'forward') start = cursorOffset === undefined ? 0 : cursorOffset + 1;
  else start = cursorOffset === undefined ? -1 : Math.max(0, cursorOffset - size);

  if (start === -1) {
    // `last` without `before`: the end of the list is only known after a first look.
    const probe = await fetch({ page: 1, perPage: fixedPerPage ?? Math.max(size, 1) });
    if (probe.total === undefined && probe.hasNext) {
      throw new InvalidInputError('last: this list cannot be read from its end; page with first/after, or give before.', {
        fields: [{ path: ['last'], message: 'needs before on this list' }],
      });
    }
    const total = probe.total ?? probe.items.length;
    start = Math.max(0, total - size);
  }
  const end = request.direction === 'backward' && cursorOffset !== undefined ? cursorOffset : start + size;
  const items: T[] = [];
  let total: number | undefined;
  let sawBeyondEnd = false;
  let lastHasNext = false;
  if (size > 0 && end > start) {
    const perPage = fixedPerPage ?? size;
    const firstPage = Math.floor(start / perPage) + 1;
    const lastPage = Math.floor((end - 1) / perPage) + 1;
    for (let page = firstPage; page <= lastPage; page++) {
      const result = await fetch({ page, perPage });
      total = result.total ?? total;
      const pageStart = (page - 1) * perPage;
      for (const [i, item] of result.items.entries()) {
        const offset = pageStart + i;
        if (offset >= end) sawBeyondEnd = true;
        else if (offset >= start) items.push(item);
      }
      lastHasNext = result.hasNext && result.items.length === perPage;
      if (result.items.length < perPage) break;
    }
  }
  const hasMore = total !== undefined ? start + items.length < total : sawBeyondEnd || lastHasNext;
  const edges = items.map((node, i) => new Edge(node, list, 'o', start + i));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.direction === 'forward' ? hasMore : cursorOffset !== undefined,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
