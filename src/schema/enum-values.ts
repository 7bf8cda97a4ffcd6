import { UpstreamError } from '../errors.js';

/**
 * Upstream enum values (lowercase, kebab or snake) and GraphQL enums (UPPER_SNAKE): one mapping
 * for every enum of the schema, and one check for what a backend sends back.
 */

/** `values` as a Pothos enum's values, keyed UPPER_SNAKE (`send-proxy-v2` -> `SEND_PROXY_V2`), each with its description. */
export function upperValues<T extends string>(values: readonly T[], describe: (value: T) => string): Record<string, { value: T; description: string }> {
  return Object.fromEntries(values.map((value) => [value.toUpperCase().replace(/-/g, '_'), { value, description: describe(value) }]));
}

/** Whether `value` is one of `values`. */
function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/**
 * An upstream value for an enum field. Backends are read liberally, so a record may carry a
 * value this schema has no enum value for (a newer service's state, say): that is this field's
 * error, named, rather than a value graphql-js cannot serialise.
 */
export function knownValue<T extends string>(values: readonly T[], value: string, what: string): T {
  if (isOneOf(values, value)) return value;
  throw new UpstreamError('UPSTREAM_UNAVAILABLE', `A backend service sent a ${what} this gateway does not know: "${value}".`);
}
