import { timingSafeEqual, createHash } from 'node:crypto';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Header (HTTP and SSE) that carries a developer key; `developerKey` in graphql-ws connectionParams. */
export const DEVELOPER_KEY_HEADER = 'x-gantry-developer-key';
/** Cookie that opens GraphiQL in production (a page load cannot carry a header). */
export const DEVELOPER_KEY_COOKIE = 'gantry-developer-key';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether `presented` is one of `keys`: compared by digest in constant time, every key checked. */
export function isDeveloperKey(keys: readonly string[], presented: unknown): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const candidate = digest(presented);
  let match = false;
  for (const key of keys) match = timingSafeEqual(digest(key), candidate) || match;
  return match;
}

/** The developer key of an operation's initial context: a header over HTTP, connectionParams over graphql-ws. */
export function presentedDeveloperKey(initial: { request?: Request; connectionParams?: Readonly<Record<string, unknown>> }): unknown {
  return initial.connectionParams?.developerKey ?? initial.request?.headers.get(DEVELOPER_KEY_HEADER) ?? undefined;
}

export function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The production profile's schema privacy: introspection is refused (at validation, so before
 * anything runs) unless the caller presents a developer key.
 */
export function useDeveloperOnlyIntrospection(keys: readonly string[]): Plugin {
  return {
    onValidate({ context, addValidationRule }) {
      if (!isDeveloperKey(keys, presentedDeveloperKey(context as never))) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
