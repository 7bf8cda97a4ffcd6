/**
 * Liberal readers for upstream JSON values: the clients accept what real services send (a
 * number as a string, a missing field, an unexpected type) and turn it into a typed value or
 * null instead of failing the whole response.
 */

export type Raw = Record<string, unknown>;

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A finite number, also from a numeric string (`"42"`). */
export const num = (value: unknown): number | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

/** A finite number sent as a JSON number (not a string). */
export const strictNum = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export const bool = (value: unknown): boolean => value === true || value === 'true';

export const obj = (value: unknown): Raw | null => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : null);

/** The objects of an array (other entries dropped); [] when it is not an array. */
export const objects = (value: unknown): Raw[] => (Array.isArray(value) ? value.filter((x): x is Raw => x !== null && typeof x === 'object') : []);

/** The strings of an array (other entries dropped); [] when it is not an array. */
export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);
