import { CsError } from '../compute-stacks/errors.js';

/**
 * The container image service's own error answers. The Rails ones it shares with the
 * containers service (404 with an empty body, 422 with every full message, 400 for a missing
 * param) are compute-stacks/errors.ts's.
 */

/** A delete refused because other images require this one: ComputeStacks' 500 whose `errors` is a string. */
export const requiredByOthers = (names: readonly string[]): CsError => new CsError(500, { errors: `Image is required by: ${names.join(', ')}` });
