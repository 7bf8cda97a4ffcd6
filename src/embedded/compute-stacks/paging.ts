/** `per_page` when none (or an unusable one) is given, as api-pagination's default. */
export const DEFAULT_PER_PAGE = 30;
/** Larger `per_page` values are clamped to this (api-pagination's `max_per_page`). */
export const MAX_PER_PAGE = 100;

/** One page of a list: 1-based `page`, rows per page, and the rows to skip. */
export interface Paging {
  page: number;
  perPage: number;
  offset: number;
}

function positiveInteger(raw: string | null): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}

/**
 * `?page=N&per_page=M` as api-pagination reads them: anything that is not an integer of at least
 * 1 falls back to the default (page 1, 30 a page), and `per_page` above 100 is clamped to 100.
 */
export function parsePaging(query: URLSearchParams): Paging {
  const page = positiveInteger(query.get('page')) ?? 1;
  const perPage = Math.min(positiveInteger(query.get('per_page')) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
  // Far past the end is simply an empty page; keep the offset a safe integer.
  return { page, perPage, offset: Math.min((page - 1) * perPage, Number.MAX_SAFE_INTEGER) };
}

/**
 * `Total`, `Per-Page` and, when there is more than one page, one `Link` header value:
 * `<url>; rel="first", <url>; rel="prev", <url>; rel="next", <url>; rel="last"`, absolute URLs
 * that keep every other query parameter. `prev` is left out on page 1 and `next` on the last
 * page (or past it).
 */
export function pagingHeaders(baseUrl: string, query: URLSearchParams, paging: Paging, total: number): Record<string, string> {
  const headers: Record<string, string> = { total: String(total), 'per-page': String(paging.perPage) };
  const lastPage = Math.max(1, Math.ceil(total / paging.perPage));
  if (lastPage <= 1) return headers;
  const link = (page: number, rel: string): string => {
    const params = new URLSearchParams(query);
    params.set('page', String(page));
    return `<${baseUrl}?${params.toString()}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (paging.page > 1) links.push(link(Math.min(paging.page - 1, lastPage), 'prev'));
  if (paging.page < lastPage) links.push(link(paging.page + 1, 'next'));
  links.push(link(lastPage, 'last'));
  headers.link = links.join(', ');
  return headers;
}
