import { z } from 'zod';

/** Argument checks (@pothos/plugin-validation) that several inputs share, with one wording each. */

/** A count or size: a whole number, at least 0. */
export const nonNegativeInt = z.number().int('must be a whole number').min(0, 'must not be negative');

/** A TCP port. */
export const portNumber = z.number().int('must be a whole number').min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535');
