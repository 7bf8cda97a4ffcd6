import { createHash } from 'node:crypto';

export { UUID_PATTERN } from '../formats/uuid.js';

/**
 * A stable UUID (version-5 layout: SHA-1 of `key`, version and variant bits set) for seed data,
 * so a seeded record keeps its id on every machine. Keys are namespaced by service, e.g.
 * `gantry/vm-images/<slug>`.
 */
export function deterministicUuid(key: string): string {
  const hex = createHash('sha1').update(key).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
