import type { BackendKey } from '../backend-keys.js';
import { malformedAnswer } from './http/errors.js';
/**
 * Liberal readers for upstream JSON values: the clients accept what real services send (a
 * number as a string, a missing field, an unexpected type) and turn it into a typed value or
 * null instead of failing the whole response.
 */

export type Raw = Record<string, unknown>;

/** A positive integer id exactly as JSON carried it: past 2^53 JSON.parse has rounded it to another object's id. */
export const isExactId = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) ||
  (typeof value === 'string' && /^[1-9]\d*$/.test(value) && Number.isSafeInteger(Number(value)));

/**
 * One upstream record, or a malformed answer (UPSTREAM_UNAVAILABLE): a lookup answered with a
 * string, or with an object whose `key` is missing, is not data, and an integer id past 2^53
 * arrives rounded. `kind` is the id's form: an exact positive integer, or a non-empty string.
 */
export function upstreamRecord(value: unknown, backend: BackendKey, kind: 'integer' | 'string', key = 'id'): Raw {
  const raw = obj(value);
  const id = raw?.[key];
  const usable = kind === 'integer' ? isExactId(id) : typeof id === 'string' && id !== '';
  if (!raw || !usable) throw malformedAnswer(backend, 200);
  return raw;
}

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
