import { useState } from 'react';

/**
 * Forward paging over a connection: the cursors of the pages seen so far, so "Previous" goes back
 * without the API paging backwards. `after` is the cursor the current page starts after.
 */
export function usePaging() {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  return {
    after: cursors.at(-1),
    number: cursors.length,
    next: (endCursor: string | null | undefined) => setCursors([...cursors, endCursor ?? undefined]),
    previous: () => setCursors(cursors.slice(0, -1)),
    /** Back to the first page, as when a filter changes. */
    reset: () => setCursors([undefined]),
  };
}

export function PageButtons({ paging, hasNextPage, endCursor }: { paging: ReturnType<typeof usePaging>; hasNextPage: boolean; endCursor?: string | null }) {
  return (
    <nav aria-label="Pages">
      <button type="button" disabled={paging.number === 1} onClick={paging.previous}>
        Previous page
      </button>
      <button type="button" disabled={!hasNextPage} onClick={() => paging.next(endCursor)}>
        Next page
      </button>
    </nav>
  );
}
