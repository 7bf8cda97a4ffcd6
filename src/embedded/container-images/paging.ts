import { type Paging, parsePaging } from '../compute-stacks/paging.js';
import type { ListQuery } from './store.js';

/**
 * How the image list is asked for: `filter=owned` (the caller's own), `filter=isLoadBalancer`,
 * `byname` (a substring of the name), and api-pagination's `page` and `per_page`
 * (compute-stacks/paging.ts, which also writes the Total, Per-Page and Link headers).
 */
export function readListQuery(query: URLSearchParams): { filter: ListQuery; paging: Paging } {
  const byname = query.get('byname');
  return {
    filter: {
      owned: query.get('filter') === 'owned',
      loadBalancers: query.get('filter') === 'isLoadBalancer',
      byname: byname === null || byname === '' ? undefined : byname,
    },
    paging: parsePaging(query),
  };
}
