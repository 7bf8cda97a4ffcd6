import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * GET parameters `variables` and `extensions` must be JSON objects. Yoga parses them itself
 * and answers a malformed one (`variables=nope`) with a 500 "Unexpected error": the caller's
 * mistake, reported as ours. Checked here first, it is a 400 that says what is wrong.
 */
export function useStrictGetParams(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'GET') return;
      const params = new URL(request.url).searchParams;
      for (const name of ['variables', 'extensions']) {
        const raw = params.get(name);
        if (raw === null || raw === '') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          parsed = undefined;
        }
        if (parsed === null || (parsed !== undefined && typeof parsed === 'object' && !Array.isArray(parsed))) continue;
        throw createGraphQLError(`The ${name} parameter must be a JSON object.`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      }
    },
  };
}
