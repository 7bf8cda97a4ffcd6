import { z } from 'zod';

/** Argument checks (@pothos/plugin-validation) that several inputs share, with one wording each. */

/** A count or size: a whole number, at least 0. */
export const nonNegativeInt = z.number().int('must be a whole number').min(0, 'must not be negative');

/** A TCP port. */
export const portNumber = z.number().int('must be a whole number').min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535');

/**
 * An input type's rules as one schema, for the type's own `validate`, so that a form gets every
 * field's problem in one answer. @pothos/plugin-validation stops at the first field of an input
 * whose own `validate` fails, and skips an input's rules once a nested input failed; one schema
 * on the mutation's input, nested lists included, is checked by zod as a whole instead. So the
 * inputs of mutations (and the inputs nested in them) carry no field-level `validate`.
 *
 * Each rule sees only a value that was given (null and absent pass); keys without a rule pass
 * through untouched, since the plugin hands the parsed value on to the resolver.
 */
export function inputRules<Shape extends Record<string, z.ZodType>>(shape: Shape) {
  const nullable = Object.fromEntries(Object.entries(shape).map(([key, rule]) => [key, rule.nullish()])) as {
    [K in keyof Shape]: z.ZodOptional<z.ZodNullable<Shape[K]>>;
  };
  return z.looseObject(nullable);
}
