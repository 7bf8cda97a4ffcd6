import { isObject } from '../http.js';
import { paramMissing } from './errors.js';

/**
 * Rails' `params.require(key)`: the object under `key`, or 400 when the key is missing or its
 * value is blank (null, an empty object, a non-object).
 */
export function requireParam(body: unknown, key: string): Record<string, unknown> {
  const value = isObject(body) ? body[key] : undefined;
  if (!isObject(value) || Object.keys(value).length === 0) throw paramMissing(key);
  return value;
}

/** Rails' `blank?` for the values JSON can hold. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return false;
}

/** "min_cpu" -> "Min cpu", as Rails' `human_attribute_name` prints an attribute in messages. */
export function humanize(attribute: string): string {
  const words = attribute.replace(/_id$/, '').replace(/[_.]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const TRUE_VALUES = new Set<unknown>([true, 1, '1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE_VALUES = new Set<unknown>([false, 0, '0', 'f', 'F', 'false', 'FALSE', 'False']);

/** A boolean given as JSON true/false, 1/0 or their usual string forms; undefined for anything else. */
export function castBoolean(value: unknown): boolean | undefined {
  if (TRUE_VALUES.has(value)) return true;
  if (FALSE_VALUES.has(value)) return false;
  return undefined;
}

/** The outcome of reading a number the way Rails' numericality validator does. */
export type NumberRead<T> = { ok: true; value: T } | { ok: false; message: 'is not a number' | 'must be an integer' };

/** An integer given as a JSON number or a numeric string (`"512"`). */
export function readInteger(value: unknown): NumberRead<number> {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
  if (/^[+-]?\d+$/.test(text)) {
    const parsed = Number(text);
    return Number.isSafeInteger(parsed) ? { ok: true, value: parsed } : { ok: false, message: 'is not a number' };
  }
  if (typeof value === 'number' ? Number.isFinite(value) : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) {
    return { ok: false, message: 'must be an integer' };
  }
  return { ok: false, message: 'is not a number' };
}
