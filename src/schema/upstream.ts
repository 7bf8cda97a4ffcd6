import { BackendError } from '../backends/http.js';
import { errorForCode } from '../errors.js';

/**
 * Where backend failures become domain errors: every resolver's upstream call goes through
 * `upstream()`, so what reaches a client is a GantryError with `extensions.upstream` and a
 * clean message, never a BackendError or an upstream body.
 */
export function fromBackendError(error: unknown): unknown {
  if (!(error instanceof BackendError)) return error;
  return errorForCode(error.code, error.message, {
    upstream: { backend: error.backend, status: error.status },
    fields: error.fields,
    ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
  });
}

export async function upstream<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw fromBackendError(error);
  }
}
