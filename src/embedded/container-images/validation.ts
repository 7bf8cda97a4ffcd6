import { castBoolean, humanize, isBlank, readInteger } from '../compute-stacks/params.js';
import { isNegativeDecimal, readDecimal } from './decimal.js';
import { IMAGE_PROVIDERS, ROLE_CLASSES, type WritableColumns } from './image.js';

/**
 * What ComputeStacks checks in a container image, with Rails' full messages (all of them in
 * one 422): the permitted attributes and their types, presence and format rules, and, through
 * nested.ts and dependencies.ts, the nested params and the dependencies.
 */

type Kind = 'string' | 'boolean' | 'decimal' | 'integer' | 'provider';

/** The image attributes a caller may send (Rails' permitted params), by type. */
const PERMITTED: Readonly<Record<string, Kind>> = {
  label: 'string',
  description: 'string',
  active: 'boolean',
  can_scale: 'boolean',
  command: 'string',
  container_image_provider_id: 'provider',
  min_cpu: 'decimal',
  min_memory: 'integer',
  registry_auth: 'boolean',
  registry_custom: 'string',
  registry_image_path: 'string',
  registry_image_tag: 'string',
  registry_username: 'string',
  registry_password: 'string',
  role: 'string',
  role_class: 'string',
};

/** Permitted only when an admin sends them; anyone else's are dropped without a word, as strong params do. */
const ADMIN_ONLY: Readonly<Record<string, Kind>> = { is_free: 'boolean', override_autoremove: 'boolean' };

/** Columns that cannot hold null: null is a blank value for them, caught by the presence checks. */
const NOT_NULL_STRINGS = new Set(['label', 'registry_image_path', 'registry_image_tag', 'role', 'role_class']);
const MAX_INTEGER = 2_147_483_647;

function readAttribute(key: string, kind: Kind, raw: unknown, errors: string[]): unknown {
  const name = humanize(key);
  switch (kind) {
    case 'string':
      if (raw === null) return NOT_NULL_STRINGS.has(key) ? '' : null;
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      if (typeof raw === 'string') return raw;
      errors.push(`${name} must be a string`);
      return undefined;
    case 'boolean': {
      const value = castBoolean(raw);
      if (value === undefined) errors.push(`${name} must be true or false`);
      return value;
    }
    case 'decimal': {
      const value = readDecimal(raw);
      if (value === undefined) errors.push(`${name} is not a number`);
      else if (isNegativeDecimal(value)) errors.push(`${name} must be greater than or equal to 0.0`);
      return value;
    }
    case 'integer': {
      const read = readInteger(raw);
      if (!read.ok) errors.push(`${name} ${read.message}`);
      else if (read.value < 0) errors.push(`${name} must be greater than or equal to 0`);
      else if (read.value > MAX_INTEGER) errors.push(`${name} must be less than or equal to ${MAX_INTEGER}`);
      return read.ok ? read.value : undefined;
    }
    case 'provider': {
      if (raw === null) return null;
      const read = readInteger(raw);
      if (!read.ok || IMAGE_PROVIDERS[read.value] === undefined) {
        errors.push(`${name} must exist`);
        return undefined;
      }
      return read.value;
    }
  }
}

/**
 * Reads the image attributes of a create or update body: permitted keys only (others, and the
 * admin-only ones for non-admins, are ignored), `category` as an alias of `role_class`, values
 * cast the way Rails casts them. Problems go to `errors` in Rails' full-message wording.
 */
export function readImageAttributes(params: Readonly<Record<string, unknown>>, isAdmin: boolean, errors: string[]): Partial<WritableColumns> {
  const changes: Record<string, unknown> = {};
  const allowed: Record<string, Kind> = isAdmin ? { ...PERMITTED, ...ADMIN_ONLY } : { ...PERMITTED };
  const source: Record<string, unknown> = { ...params };
  // ComputeStacks later renamed role_class to category; both name the same column here.
  if (!Object.hasOwn(source, 'role_class') && Object.hasOwn(source, 'category')) source.role_class = source.category;
  for (const [key, kind] of Object.entries(allowed)) {
    if (!Object.hasOwn(source, key)) continue;
    const value = readAttribute(key, kind, source[key], errors);
    if (value !== undefined) changes[key] = value;
  }
  // format_category: stored stripped and lowercased.
  if (typeof changes.role_class === 'string') changes.role_class = changes.role_class.trim().toLowerCase();
  return changes as Partial<WritableColumns>;
}

/** The record-level validations, run on the image as it would be saved. */
export function validateImage(image: WritableColumns, errors: string[]): void {
  const required: Array<keyof WritableColumns> = ['label', 'role', 'role_class', 'registry_image_path', 'registry_image_tag'];
  for (const key of required) {
    if (key === 'role_class' && !isBlank(image.role_class)) {
      if (!(ROLE_CLASSES as readonly string[]).includes(image.role_class)) errors.push('Role class is not included in the list');
    } else if (isBlank(image[key])) {
      errors.push(`${humanize(key)} can't be blank`);
    }
  }
}
