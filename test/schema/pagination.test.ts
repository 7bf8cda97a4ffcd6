import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageRequest, resolveMarkerConnection, resolveOffsetConnection } from '../../src/schema/pagination.js';

const items = Array.from({ length: 7 }, (_, i) => ({ id: `item-${i}` }));

describe('connections over upstream paging', () => {
  it('gives marker edges the cursors of their items, the same on every read', async () => {
    const connection = await resolveMarkerConnection<{ id: string }>(
      'things',
      pageRequest('things', { first: 3 }, 100),
      (item) => item.id,
      async ({ limit }) => items.slice(0, limit),
    );
    expect(connection.edges.map((edge) => edge.node.id)).toEqual(['item-0', 'item-1', 'item-2']);
    expect(connection.edges.map((edge) => edge.cursor)).toEqual(['item-0', 'item-1', 'item-2'].map((m) => encodeCursor('things', { m })));
    expect(connection.edges[1]!.cursor).toBe(connection.edges[1]!.cursor);
    expect(decodeCursor('things', connection.edges[2]!.cursor, 'after')).toEqual({ l: 'things', m: 'item-2' });
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: connection.edges[0]!.cursor,
      endCursor: connection.edges[2]!.cursor,
    });
  });

  it('gives offset edges their absolute offsets, and pages on from the last one', async () => {
    const fetch = async ({ page, perPage }: { page: number; perPage: number }) => ({
      items: items.slice((page - 1) * perPage, page * perPage),
      total: items.length,
      hasNext: page * perPage < items.length,
    });
    const first = await resolveOffsetConnection('things', pageRequest('things', { first: 3 }, 100), fetch);
    expect(first.edges.map((edge) => decodeCursor('things', edge.cursor, 'after').o)).toEqual([0, 1, 2]);
    const next = await resolveOffsetConnection('things', pageRequest('things', { first: 3, after: first.pageInfo.endCursor }, 100), fetch);
    expect(next.edges.map((edge) => edge.node.id)).toEqual(['item-3', 'item-4', 'item-5']);
    expect(next.edges.map((edge) => edge.cursor)).toEqual([3, 4, 5].map((o) => encodeCursor('things', { o })));
    expect(next.pageInfo.hasNextPage).toBe(true);
  });
});
