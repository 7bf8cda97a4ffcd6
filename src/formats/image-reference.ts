/**
 * Container image references as the distribution/reference grammar (Docker, containerd,
 * Kubernetes) reads them: `[registry[:port]/]path[:tag][@sha256:<hex>]`, the registry being the
 * first component when it has a `.` or a `:` or is `localhost`. Unlike Docker, no tag is assumed:
 * Quasarch requires an explicit tag or digest ("Tag is not `latest` by default").
 */

/** A reference split into its parts. */
interface ImageReference {
  /** Registry host without port, lowercased; undefined for Docker Hub's implicit one. */
  registryHost: string | undefined;
  /** Repository path inside the registry (`acme/api`, `nginx`). */
  path: string;
  tag: string | undefined;
  digest: string | undefined;
}

export type ImageCheck = { ok: true; reference: ImageReference } | { ok: false; message: string };

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const MAX_NAME_LENGTH = 255;

/** Said of a reference without a tag or digest (`nginx`, `registry:5000/app`). */
export const TAG_REQUIRED_MESSAGE =
  'must include a tag (e.g. "nginx:1.27") or a digest ("nginx@sha256:<64 hex>"): the tag is mandatory and is not "latest" by default';

const notAReference = (image: string): ImageCheck => ({
  ok: false,
  message: `"${image}" is not a valid image reference: expected [registry/]repository:tag with a lowercase repository`,
});

/** Parses `image`; a message fit for the `image` field when it is unusable. */
export function checkImageReference(image: string): ImageCheck {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, message: 'digest must be "sha256:" followed by 64 lowercase hex digits' };
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { ok: false, message: `tag "${tag}" is not valid: up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'` };
  }
  if (rest === '' || rest.length > MAX_NAME_LENGTH) return notAReference(image);
  const components = rest.split('/');
  const first = components[0]!;
  const hasRegistry = components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry && !DOMAIN.test(first)) return notAReference(image);
  const pathComponents = hasRegistry ? components.slice(1) : components;
  if (!pathComponents.every((component) => PATH_COMPONENT.test(component))) return notAReference(image);
  if (tag === undefined && digest === undefined) return { ok: false, message: TAG_REQUIRED_MESSAGE };
  return {
    ok: true,
    reference: {
      registryHost: hasRegistry ? first.replace(/:\d+$/, '').toLowerCase() : undefined,
      path: pathComponents.join('/'),
      tag,
      digest,
    },
  };
}
