import type { Principal } from '../principals.js';
import { notAuthorized } from './access.js';
import { badRequest, conflictDetail, forbidden } from './errors.js';
import { isMutableAttribute, type ImageRecord } from './image.js';
import { checkNotReadOnly, checkNotReserved, checkProperty, parseAttribute } from './validation.js';

type Op = 'add' | 'replace' | 'remove';

interface Change {
  op: Op;
  key: string;
  value: unknown;
}

const OPS: readonly string[] = ['add', 'remove', 'replace'];
/** Formats Glance lets change only before data exists. */
const FORMAT_KEYS = new Set(['container_format', 'disk_format']);

/** Decodes a one-segment JSON pointer; Glance allows no nesting for these paths (`/tags/-` is 400). */
function pointerKey(path: unknown): string {
  if (typeof path !== 'string') throw badRequest("Unable to find 'path' in JSON Schema change");
  if (!path.startsWith('/')) throw badRequest(`Pointer '${path}' does not start with "/".`);
  const segments = path.slice(1).split('/');
  if (segments.length !== 1 || segments[0] === '') throw badRequest(`Invalid JSON pointer for this resource: '${path}'`);
  const raw = segments[0]!;
  if (/~(?![01])/.test(raw)) throw badRequest(`Pointer '${path}' contains '~' not part of a recognized escape sequence.`);
  return raw.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** An operation's name and path: v2.1's `{"op": "add", "path": "/x"}`, or v2.0's older `{"add": "/x"}`. */
function opAndPath(item: Record<string, unknown>, v21: boolean): { op: unknown; path: unknown } {
  if (v21) {
    if (typeof item.op === 'string' && !OPS.includes(item.op)) {
      throw badRequest(`Invalid operation: \`${item.op}\`. It must be one of the following: ${OPS.join(', ')}.`);
    }
    return { op: item.op, path: item.path };
  }
  const named = OPS.filter((op) => Object.hasOwn(item, op));
  return named.length === 1 ? { op: named[0], path: item[named[0]!] } : { op: undefined, path: undefined };
}

/** Glance checks these two itself when patched, with its own words. */
function checkPatchedSize(key: string, value: unknown): void {
  if ((key === 'min_disk' || key === 'min_ram') && typeof value === 'number' && Number.isInteger(value) && value < 0) {
    throw badRequest(`Invalid value '${value}' for parameter '${key}': Cannot be a negative value`);
  }
}

/** Checks every operation before any applies: shape 400, read-only 403, value 400, reserved 403. */
function parseChanges(body: unknown, v21: boolean): Change[] {
  if (!Array.isArray(body)) throw badRequest('Request body must be a JSON array of operation objects.');
  return body.map((item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw badRequest('Operations must be JSON objects.');
    const { op, path } = opAndPath(item as Record<string, unknown>, v21);
    if (typeof op !== 'string' || !OPS.includes(op)) {
      throw badRequest('Operation objects must contain exactly one member named "add", "remove", or "replace".');
    }
    const key = pointerKey(path);
    const hasValue = Object.hasOwn(item, 'value');
    if (op !== 'remove' && !hasValue) throw badRequest(`Operation "${op}" requires a member named "value".`);
    if (key === 'id') throw forbidden("Attribute 'id' is read-only.");
    checkNotReadOnly(key);
    const raw = (item as Record<string, unknown>).value;
    let value: unknown = raw;
    if (op !== 'remove') {
      checkPatchedSize(key, raw);
      value = isMutableAttribute(key) ? parseAttribute(key, raw) : checkProperty(key, raw);
    } else if (!isMutableAttribute(key)) checkProperty(key, '');
    checkNotReserved(key, 'patch');
    return { op: op as Op, key, value };
  });
}

/**
 * Applies a Glance v2.1 JSON Patch to a copy of `current` and returns it; the caller stores it in
 * one transaction, so the patch applies whole or not at all.
 */
export function applyImagePatch(principal: Principal, current: ImageRecord, body: unknown, v21 = true): ImageRecord {
  const changes = parseChanges(body, v21);
  const next: ImageRecord = { ...current, tags: [...current.tags], properties: new Map(current.properties) };
  for (const { op, key, value } of changes) {
    if (isMutableAttribute(key)) {
      if (op === 'remove') throw forbidden(`Property ${key} may not be removed.`);
      if (FORMAT_KEYS.has(key) && current.status !== 'queued' && current.status !== 'importing') {
        throw forbidden(`Attribute ${key} can be only replaced for a queued image.`);
      }
      if (key === 'visibility' && value === 'public' && !principal.isAdmin) throw notAuthorized('publicize_image');
      (next as unknown as Record<string, unknown>)[key] = value;
    } else if (op === 'add') {
      next.properties.set(key, value as string);
    } else if (!next.properties.has(key)) {
      throw conflictDetail(`Property ${key} does not exist.`);
    } else if (op === 'replace') {
      next.properties.set(key, value as string);
    } else {
      next.properties.delete(key);
    }
  }
  return next;
}
