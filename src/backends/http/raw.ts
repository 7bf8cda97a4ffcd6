import type { Dispatcher } from 'undici';
import type { BackendKey } from '../../backend-keys.js';
import type { AttemptAbort } from '../../overrides/attempt-abort.js';
import { type Outcome, transportOutcome } from './attempts.js';
import { RETRYABLE_STATUSES, retryAfterMs } from './retry.js';

/**
 * One streaming request (the byte routes): the response as it comes, its body left to the
 * caller, who must consume or destroy it; the queue slot is held until it closes. A request
 * with a body is not aborted at the deadline (its bytes take what they take) and never
 * retried (the stream cannot be replayed); the body timeout still catches a stall.
 */
export async function sendRaw(
  backend: BackendKey,
  dispatcher: Dispatcher,
  options: Dispatcher.RequestOptions,
  isOutage: (status: number) => boolean,
  signal: AttemptAbort | undefined,
): Promise<Outcome<Dispatcher.ResponseData>> {
  try {
    const response = await dispatcher.request(signal ? { ...options, signal } : options);
    const status = response.statusCode;
    return {
      status,
      result: { value: response },
      breaker: isOutage(status) ? 'failure' : 'success',
      transient: RETRYABLE_STATUSES.has(status),
      retryAfterMs: retryAfterMs(response.headers['retry-after']),
      discard: () => response.body.dump(),
      body: response.body,
    };
  } catch (error) {
    return transportOutcome(backend, error);
  }
}
