import { GraphQLError } from 'graphql';
import type { BackendKey } from './backend-keys.js';

/**
 * The closed set of error codes a client can see in `extensions.code` (and in the `code`
 * field of errors returned as mutation data). The table in DESIGN.md ("Error contract") maps
 * upstream statuses onto them; `INTERNAL` is what Yoga's masking shows for everything else.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_BUSY'
  | 'CALL_BUDGET_EXCEEDED'
  | 'INTERNAL';

export const DEFAULT_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  BAD_USER_INPUT: 'The input is not valid.',
  UNAUTHENTICATED: 'Missing or invalid credentials.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'The resource is not in a state that allows this.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body has an unsupported content type.',
  RATE_LIMITED: 'Too many requests; retry later.',
  UPSTREAM_UNAVAILABLE: 'A backend service is unavailable.',
  UPSTREAM_TIMEOUT: 'A backend service did not answer in time.',
  UPSTREAM_BUSY: 'A backend service has too many requests waiting; retry shortly.',
  CALL_BUDGET_EXCEEDED: 'The operation needs more backend calls than one operation may make; ask for less at once.',
  INTERNAL: 'Unexpected error.',
};

/** Which upstream call an error came from; never more than this reaches a client. */
export interface UpstreamRef {
  backend: BackendKey;
  status: number | null;
}

/** One invalid input field: `path` names it as the client sent it (`input.name`). */
export interface FieldProblem {
  path: string[];
  message: string;
}

interface GantryErrorOptions {
  upstream?: UpstreamRef;
  retryAfter?: number;
  fields?: FieldProblem[];
  /**
   * HTTP status for an error that stops a request before execution (bad credentials: 401, a
   * spent budget: 429 with Retry-After). Yoga reads it from `extensions.http` and strips it
   * from the response body.
   */
  httpStatus?: number;
}

/**
 * Base of every user-facing error. It is a GraphQLError so Yoga does not mask it, and a
 * class the errors plugin can match so mutations return it as data.
 */
export class GantryError extends GraphQLError {
  readonly code: ErrorCode;
  readonly upstream: UpstreamRef | undefined;
  readonly retryAfter: number | undefined;
  readonly fields: FieldProblem[];

  constructor(code: ErrorCode, message?: string, options: GantryErrorOptions = {}) {
    const extensions: Record<string, unknown> = { code };
    if (options.upstream) extensions.upstream = options.upstream;
    if (options.retryAfter !== undefined) extensions.retryAfter = options.retryAfter;
    if (options.fields?.length) extensions.fields = options.fields;
    // Yoga turns `http` into the response's status and headers, and leaves it out of the body.
    if (options.httpStatus !== undefined) {
      extensions.http =
        options.retryAfter === undefined
          ? { status: options.httpStatus }
          : { status: options.httpStatus, headers: { 'retry-after': String(options.retryAfter) } };
    }
    super(message ?? DEFAULT_MESSAGES[code], { extensions });
    this.name = new.target.name;
    this.code = code;
    this.upstream = options.upstream;
    this.retryAfter = options.retryAfter;
    this.fields = options.fields ?? [];
  }
}

export class InvalidInputError extends GantryError {
  constructor(message?: string, options: GantryErrorOptions = {}) {
    super('BAD_USER_INPUT', message, options);
  }
}

export class UnauthenticatedError extends GantryError {
  constructor(message?: string, options: GantryErrorOptions = {}) {
    super('UNAUTHENTICATED', message, options);
  }
}

export class ForbiddenError extends GantryError {
  constructor(message?: string, options: GantryErrorOptions = {}) {
    super('FORBIDDEN', message, options);
  }
}

export class NotFoundError extends GantryError {
  constructor(message?: string, options: GantryErrorOptions = {}) {
    super('NOT_FOUND', message, options);
  }
}

export class ConflictError extends GantryError {
  constructor(message?: string, options: GantryErrorOptions = {}) {
    super('CONFLICT', message, options);
  }
}

/** Statuses and failures that are not the caller's to fix: 413, 415, 429, 5xx, timeouts, a full queue. */
export class UpstreamError extends GantryError {}

const CODE_CLASSES: Partial<Record<ErrorCode, new (message?: string, options?: GantryErrorOptions) => GantryError>> = {
  BAD_USER_INPUT: InvalidInputError,
  UNAUTHENTICATED: UnauthenticatedError,
  FORBIDDEN: ForbiddenError,
  NOT_FOUND: NotFoundError,
  CONFLICT: ConflictError,
};

/** Builds the domain error for a code, so callers need not know the class table. */
export function errorForCode(code: ErrorCode, message?: string, options: GantryErrorOptions = {}): GantryError {
  const ErrorClass = CODE_CLASSES[code];
  return ErrorClass ? new ErrorClass(message, options) : new UpstreamError(code, message, options);
}
