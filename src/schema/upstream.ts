import { BackendError } from '../backends/http/errors.js';
import { errorForCode } from '../errors.js';

/**
 * Where backend failures become domain errors: every resolver's upstream call goes through
 * `upstream()`, so what reaches a client is a GantryError with `extensions.upstream` and a
 * clean message, never a BackendError or an upstream body.
 */
export interface UpstreamOptions {
  /** Maps an upstream field name to the path of the input field a client sent (`['input', 'minMemory']`). */
  fieldPath?: (field: string) => string[];
}

export function fromBackendError(error: unknown, options: UpstreamOptions = {}): unknown {
  if (!(error instanceof BackendError)) return error;
  const { fieldPath } = options;
  return errorForCode(error.code, error.message, {
    upstream: { backend: error.backend, status: error.status },
    fields: fieldPath ? error.fields.map((f) => ({ path: fieldPath(f.path.join('.')), message: f.message })) : error.fields,
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
