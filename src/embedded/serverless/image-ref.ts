import { checkImageReference } from '../../formats/image-reference.js';

/**
 * Whether pulling `image` is known to fail: its registry host ends in `.invalid`, the top-level
 * domain RFC 2606 reserves for names that never resolve (`registry.acme.invalid/acme/api:1.0`).
 * Every other image is assumed to exist. A revision of such an image fails to deploy.
 */
export function isKnownMissingImage(image: string): boolean {
  const check = checkImageReference(image);
  const host = check.ok ? check.reference.registryHost : undefined;
  return host !== undefined && (host === 'invalid' || host.endsWith('.invalid'));
}
