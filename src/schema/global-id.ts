import { InvalidInputError } from '../errors.js';

/**
 * Global IDs are `base64url("<Typename>:<upstream id>")`: opaque to clients, cheap to decode,
 * and URL-safe so they can sit in byte-route paths (`/files/vm-images/{id}`).
 */
export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${String(id)}`, 'utf8').toString('base64url');
}

/** Typenames that are Nodes; each domain module registers its own (`registerNodeType`). */
const nodeTypes = new Set<string>();

export function registerNodeType(typename: string): void {
  nodeTypes.add(typename);
}

const BASE64URL = /^[A-Za-z0-9_-]{4,2048}={0,2}$/;
const TYPENAME = /^[A-Z][A-Za-z0-9]{0,63}$/;

/** @throws InvalidInputError when the value is not one of our IDs. */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const bad = () => new InvalidInputError(`"${globalId.length > 80 ? `${globalId.slice(0, 80)}…` : globalId}" is not a valid ID.`);
  if (!BASE64URL.test(globalId)) throw bad();
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) throw bad();
  const typename = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (!TYPENAME.test(typename) || id.length === 0 || !nodeTypes.has(typename)) throw bad();
  return { typename, id };
}

/**
 * Decodes an ID that must name one type; `check` validates the upstream id's form.
 * @throws InvalidInputError naming the argument when the ID is foreign or malformed.
 */
export function expectGlobalId(globalId: string, typename: string, check: (id: string) => boolean, argName = 'id'): string {
  const decoded = decodeGlobalId(globalId);
  if (decoded.typename !== typename || !check(decoded.id)) {
    throw new InvalidInputError(`${argName}: "${globalId}" is not a ${typename} ID.`, { fields: [{ path: [argName], message: `not a ${typename} ID` }] });
  }
  return decoded.id;
}
