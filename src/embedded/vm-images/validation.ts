import { badRequest, forbidden, forbiddenDetail } from './errors.js';
import { CONTAINER_FORMATS, DISK_FORMATS, READ_ONLY_ATTRIBUTES, RESERVED_ATTRIBUTES, VISIBILITIES, type ImageRecord, type MutableAttribute } from './image.js';

/**
 * What Glance checks in an image's attributes (create and JSON Patch alike): types, enums and
 * lengths with its jsonschema messages, read-only attributes refused with 403, custom
 * properties as strings, image ids as UUIDs.
 */

const MAX_STRING = 255;

/** Python-style repr, as Glance's jsonschema messages print values. */
function repr(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === undefined) return 'None';
  return JSON.stringify(value);
}

function schemaError(detail: string): Error {
  return badRequest(`Provided object does not match schema 'image': ${detail}`);
}

function enumValue(value: unknown, allowed: readonly string[], nullable: boolean): string | null {
  if (value === null && nullable) return null;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    const choices = [...(nullable ? ['None'] : []), ...allowed.map((a) => `'${a}'`)];
    throw schemaError(`${repr(value)} is not one of [${choices.join(', ')}]`);
  }
  return value;
}

function nonNegativeInteger(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw schemaError(`${repr(value)} is not of type 'integer'`);
  if (value < 0) throw schemaError(`${value} is less than the minimum of 0`);
  return value;
}

function boolean(value: unknown): boolean {
  if (typeof value !== 'boolean') throw schemaError(`${repr(value)} is not of type 'boolean'`);
  return value;
}

function shortString(value: unknown): string {
  if (typeof value !== 'string') throw schemaError(`${repr(value)} is not of type 'string'`);
  if (value.length > MAX_STRING) throw schemaError(`${repr(value)} is too long`);
  return value;
}

function tags(value: unknown): string[] {
  if (!Array.isArray(value)) throw schemaError(`${repr(value)} is not of type 'array'`);
  // Tags are a set in Glance: duplicates collapse, order is not kept.
  return [...new Set(value.map(shortString))];
}

/** Validates and normalises a value for a base attribute (400 when invalid). */
export function parseAttribute<K extends MutableAttribute>(key: K, value: unknown): ImageRecord[K] {
  const parsed: unknown = (() => {
    switch (key) {
      case 'name':
        return value === null ? null : shortString(value);
      case 'visibility':
        return enumValue(value, VISIBILITIES, false);
      case 'protected':
      case 'os_hidden':
        return boolean(value);
      case 'tags':
        return tags(value);
      case 'container_format':
        return enumValue(value, CONTAINER_FORMATS, true);
      case 'disk_format':
        return enumValue(value, DISK_FORMATS, true);
      case 'min_disk':
      case 'min_ram':
        return nonNegativeInteger(value);
      default:
        throw new Error(`unhandled attribute ${key}`);
    }
  })();
  return parsed as ImageRecord[K];
}

/** Checks a custom property: a key of at most 255 characters and a string value (400 otherwise). */
export function checkProperty(key: string, value: unknown): string {
  if (key.length === 0 || key.length > MAX_STRING) {
    throw badRequest(`Property name ${repr(key)} must be 1 to ${MAX_STRING} characters long.`);
  }
  if (typeof value !== 'string') throw schemaError(`${repr(value)} is not of type 'string'`);
  return value;
}

/** 403 for an attribute no caller may set: the read-only ones. */
export function checkNotReadOnly(key: string): void {
  if (READ_ONLY_ATTRIBUTES.has(key)) throw forbidden(`Attribute '${key}' is read-only.`);
}

/**
 * 403 for a name Glance keeps for itself (`location`, `deleted`, `deleted_at`, `os_glance_*`),
 * checked after the values: a create words it as a detail, a patch as its own message.
 */
export function checkNotReserved(key: string, on: 'create' | 'patch'): void {
  if (!RESERVED_ATTRIBUTES.has(key) && !key.startsWith('os_glance')) return;
  const message = `Attribute '${key}' is reserved.`;
  throw on === 'create' ? forbiddenDetail(message) : forbidden(message);
}

/** The pattern Glance's schema gives image ids, as its message quotes it. */
const UUID_PATTERN = '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$';
const UUID = new RegExp(UUID_PATTERN);

/** A user-chosen image id must be a UUID (400 otherwise). */
export function checkImageId(value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw schemaError(`${repr(value)} does not match '${UUID_PATTERN}'`);
  return value;
}
