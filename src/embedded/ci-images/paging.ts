/** Images per page, as Djinn's `database.PageLimit`. */
export const PAGE_LIMIT = 25;

/** One page of a list and its neighbours. */
export interface PageWindow {
  page: number;
  /** How many pages the list has (0 when it is empty). */
  pages: number;
  /** At least 1, at most the last page. */
  prev: number;
  /** At most the page count, so 0 for an empty list. */
  next: number;
}

/**
 * `?page=` as Djinn reads it (`strconv.Atoi`, then anything below 1 is 1): an integer, an
 * optional `+`; anything else, or a value beyond exact integers, is page 1.
 */
export function parsePage(raw: string | null): number {
  if (raw === null || !/^\+?\d+$/.test(raw)) return 1;
  const page = Number(raw);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

/** Rows before `page`. A page past the end is simply empty; the offset stays a safe integer. */
export function pageOffset(page: number): number {
  return Math.min((page - 1) * PAGE_LIMIT, Number.MAX_SAFE_INTEGER);
}

/** Where `page` sits in a list of `total` rows, `PAGE_LIMIT` a page. */
export function pageWindow(page: number, total: number): PageWindow {
  const pages = Math.ceil(total / PAGE_LIMIT);
  return { page, pages, prev: Math.max(1, Math.min(page - 1, pages)), next: Math.min(page + 1, pages) };
}

/** Go's `url.QueryEscape`: only letters, digits and `-_.~` stay as they are; a space is `+`. */
function goQueryEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Go's `url.Values.Encode`: keys sorted, each key's values in their order. */
function goEncode(query: URLSearchParams): string {
  const keys = [...new Set(query.keys())].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.flatMap((key) => query.getAll(key).map((value) => `${goQueryEscape(key)}=${goQueryEscape(value)}`)).join('&');
}

/**
 * Djinn's `Link` header, always sent and always one value:
 * `<url?page=P>; rel="prev", <url?page=N>; rel="next"`, absolute URLs that keep every other
 * query parameter (keys sorted, as Go encodes them). `baseUrl` has no query string.
 */
export function linkHeader(baseUrl: string, query: URLSearchParams, window: PageWindow): string {
  const at = (page: number): string => {
    const params = new URLSearchParams(query);
    params.set('page', String(page));
    return `${baseUrl}?${goEncode(params)}`;
  };
  return `<${at(window.prev)}>; rel="prev", <${at(window.next)}>; rel="next"`;
}
