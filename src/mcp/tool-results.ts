import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';

/**
 * A GraphQL answer as an MCP tool result. Success: `data` as `structuredContent` (matching the
 * tool's outputSchema) and as text. Failure: an `isError` result whose text holds the GraphQL
 * errors with their `extensions.code` (NOT_FOUND, FORBIDDEN, BAD_USER_INPUT with field paths,
 * RATE_LIMITED, ...), the same codes a GraphQL client reads. A mutation's expected failure (a
 * UserError in its payload: ForbiddenError, InvalidInputError, ...) is a failure too.
 */

interface UserErrorValue {
  __typename: string;
  code: string;
  message: string;
  fields?: Array<{ path: string[]; message: string }>;
}

const isUserError = (value: unknown): value is UserErrorValue =>
  typeof value === 'object' && value !== null && typeof (value as UserErrorValue).code === 'string' && typeof (value as UserErrorValue).message === 'string';

/** The errors as text; `extensions.http` (the status an HTTP entry would answer with) means nothing here. */
export function errorResult(errors: readonly GraphQLFormattedError[]): CallToolResult {
  const plain = errors.map(({ extensions, ...error }) => {
    if (!extensions) return error;
    const { http: _http, ...rest } = extensions;
    return { ...error, extensions: rest };
  });
  return { isError: true, content: [{ type: 'text', text: JSON.stringify({ errors: plain }) }] };
}

export function toolResult(result: ExecutionResult, payloadFields: readonly string[]): CallToolResult {
  if (result.errors?.length) {
    return errorResult(result.errors.map((error) => (typeof error.toJSON === 'function' ? error.toJSON() : (error as GraphQLFormattedError))));
  }
  const data = (result.data ?? {}) as Record<string, unknown>;
  const failures = payloadFields.flatMap((field) => {
    const value = data[field];
    if (!isUserError(value)) return [];
    const { __typename: type, code, message, fields } = value;
    return [{ message, path: [field], extensions: { code, type, ...(fields ? { fields } : {}) } }];
  });
  if (failures.length > 0) return errorResult(failures);
  return { content: [{ type: 'text', text: JSON.stringify(data) }], structuredContent: data };
}
