import { arrayOf, emptyResponse, header, headerRef, jsonResponse, object, queryParam, ref, type OpenApiObject, type Schema } from '../openapi.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './paging.js';

/**
 * What the OpenAPI documents of both ComputeStacks services (container images, containers) share:
 * the Bearer scheme, Rails' error bodies and empty-bodied auth answers, api-pagination's
 * parameters and headers.
 */

/** Components every ComputeStacks document includes (merge them into its own); fresh objects on every call. */
export function csComponents() {
  return {
    schemas: {
      CsErrors: object({ errors: arrayOf({ type: 'string' }, { description: 'Rails full messages, every problem at once.' }) }, ['errors'], {
        description: 'A ComputeStacks error: `{"errors": ["...", ...]}`.',
      }),
      CsEmpty: object({}, [], { description: 'An empty object, `{}`.' }),
    } satisfies Record<string, Schema>,
    headers: {
      RequestId: header('A request id (UUID), on every response.', { type: 'string' }, true),
      Total: header('How many items the whole list has.', { type: 'integer' }, true),
      PerPage: header('Items per page.', { type: 'integer' }, true),
      Link: header(
        'Only when there is more than one page: `<url>; rel="first", <url>; rel="prev", <url>; rel="next", <url>; rel="last"` ' +
          '(absolute URLs keeping the other query parameters; prev not on page 1, next not on or past the last page).',
      ),
    } satisfies Record<string, OpenApiObject>,
    responses: {
      Unauthorized: emptyResponse('No token, or a bad or expired one: empty body.', {
        'WWW-Authenticate': header('`Bearer realm="ComputeStacks", error="invalid_token"`.', { type: 'string' }, true),
      }),
      Forbidden: emptyResponse('The token lacks the scope: empty body.', {
        'WWW-Authenticate': header('`Bearer realm="ComputeStacks", error="insufficient_scope"`.', { type: 'string' }, true),
      }),
      NotFound: emptyResponse("Missing, not visible or not the caller's (or not an integer id): empty body."),
      BadRequest: jsonResponse('A missing top-level key (`param is missing or the value is empty: <key>`) or an unreadable body.', ref('CsErrors')),
      Unprocessable: jsonResponse('Validation failed: every message at once; nothing was written.', ref('CsErrors')),
      PayloadTooLarge: jsonResponse('The body is too large.', ref('CsErrors')),
      InternalError: jsonResponse('An unexpected failure: `{"errors": ["Internal Server Error"]}`.', ref('CsErrors')),
    } satisfies Record<string, OpenApiObject>,
  };
}

/** `page` and `per_page`, as api-pagination reads them. */
export const CS_PAGING_PARAMETERS: readonly OpenApiObject[] = [
  queryParam('page', { type: 'integer', minimum: 1, default: 1 }, 'The page, from 1; an unusable value is page 1. A page past the end is empty.'),
  queryParam(
    'per_page',
    { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE },
    `Items per page (default ${DEFAULT_PER_PAGE}, larger values count as ${MAX_PER_PAGE}); an unusable value is the default.`,
  ),
];

/** The paging headers of a list response. */
export const CS_PAGING_HEADERS: Record<string, OpenApiObject> = {
  Total: headerRef('Total'),
  'Per-Page': headerRef('PerPage'),
  Link: headerRef('Link'),
};

/** The Bearer scheme, naming the scopes the service checks. */
export function csBearerScheme(scopes: string): OpenApiObject {
  return {
    type: 'http',
    scheme: 'bearer',
    description: `An OAuth access token of ComputeStacks (the embedded principals' tokens). ${scopes} A missing or bad token is 401, a token without the scope 403, both with an empty body.`,
  };
}

/** Rails' `Time#to_json`: `2021-03-11T21:55:51.000+00:00`. */
export const railsTime = (description: string): Schema => ({
  type: 'string',
  format: 'date-time',
  description: `${description} (\`2021-03-11T21:55:51.000+00:00\`).`,
});
