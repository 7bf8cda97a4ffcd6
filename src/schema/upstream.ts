import { BackendError } from '../backends/http/errors.js';
import { errorForCode } from '../errors.js';
import { inGraphqlNames } from './upstream-names.js';

/**
 * Where backend failures become domain errors: every resolver's upstream call goes through
 * `upstream()`, so what reaches a client is a GantryError with `extensions.upstream` and a
 * clean message in the GraphQL API's names (upstream-names.ts), never a BackendError or an
 * upstream body.
 */
export interface UpstreamOptions {
  /** Maps an upstream field name to the path of the input field a client sent (`['input', 'minMemory']`). */
  fieldPath?: (field: string) => string[];
}

export function fromBackendError(error: unknown, options: UpstreamOptions = {}): unknown {
  if (!(error instanceof BackendError)) return error;
  const { fieldPath } = options;
  const names = (text: string) => inGraphqlNames(error.backend, text);
  return errorForCode(error.code, names(error.message), {
    upstream: { backend: error.backend, status: error.status },
    fields: error.fields.map((f) => ({ path: fieldPath ? fieldPath(f.path.join('.')) : f.path, message: names(f.message) })),
    ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
  });
}

export async function upstream<T>(call: Promise<T>, options: UpstreamOptions = {}): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw fromBackendError(error, options);
  }
}
