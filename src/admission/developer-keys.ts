import { createHash, timingSafeEqual } from 'node:crypto';

/** Header (HTTP and SSE) that carries a developer key; `developerKey` in graphql-ws connectionParams. */
export const DEVELOPER_KEY_HEADER = 'x-gantry-developer-key';
/** Cookie that carries a developer key from a browser (a page load cannot carry a header). */
export const DEVELOPER_KEY_COOKIE = 'gantry-developer-key';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether `presented` is one of `keys` (developer keys, the router secret): compared by digest
 * in constant time, every key checked.
 */
export function isOneOfSecrets(keys: readonly string[], presented: unknown): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const candidate = digest(presented);
  let match = false;
  for (const key of keys) match = timingSafeEqual(digest(key), candidate) || match;
  return match;
}

/** A cookie's value from a Cookie header, undefined when it is not there. */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
