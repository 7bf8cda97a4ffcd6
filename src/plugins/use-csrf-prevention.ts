import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Headers a browser cannot add to a cross-site request without a CORS preflight. */
const CSRF_HEADERS = ['x-gantry-csrf', 'x-graphql-yoga-csrf', 'apollo-require-preflight'];

/** Content types a cross-site form or fetch may send without a preflight. */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * No state-changing operation from a request a browser could send cross-site without a
 * preflight. Mutations never run over GET (Yoga answers 405), so what is left is a POST whose
 * body type needs no preflight (an HTML form's, or fetch's text/plain): refused with 403 unless
 * it carries one of CSRF_HEADERS, which no cross-site page can set unasked. GET queries stay
 * open, unlike Yoga's own plugin, which wants the header on every GET: reads change nothing,
 * and plain GETs are what caches, curl and the GraphQL-over-HTTP audit send.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? '').toLowerCase();
      const simple = type === '' || SIMPLE_CONTENT_TYPES.some((t) => type.startsWith(t));
      if (!simple || CSRF_HEADERS.some((h) => request.headers.has(h))) return;
      throw createGraphQLError('This request could have come from another site: send Content-Type: application/json (or an X-Gantry-CSRF header).', {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
    },
  };
}
