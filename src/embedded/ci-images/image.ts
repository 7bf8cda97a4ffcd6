import { formatRfc3339Seconds } from '../time.js';

/** A Djinn user; times in epoch milliseconds. */
export interface DjinnUser {
  id: number;
  email: string;
  username: string;
  created_at: number;
}

/** Djinn's namespace visibilities. */
export type NamespaceVisibility = 'private' | 'internal' | 'public';

/** A namespace as stored. `root_id` is its own id for a top-level namespace. */
export interface NamespaceRow {
  id: number;
  user_id: number;
  root_id: number | null;
  parent_id: number | null;
  name: string;
  path: string;
  description: string;
  level: number;
  visibility: NamespaceVisibility;
  created_at: number;
}

/** A namespace with its owner, as it appears inside an image. */
export interface Namespace extends NamespaceRow {
  owner: DjinnUser;
}

/** An image row: Djinn's columns plus the blob's size and sha256. */
export interface ImageRow {
  id: number;
  user_id: number;
  author_id: number;
  namespace_id: number | null;
  driver: string;
  /** File name of the blob under the service's blob directory. */
  hash: string;
  name: string;
  size: number;
  sha256: string;
  created_at: number;
}

/** An image with the relations Djinn loads for its JSON. */
export interface CiImage extends ImageRow {
  user: DjinnUser | undefined;
  author: DjinnUser | undefined;
  namespace: Namespace | undefined;
}

/** The user object: `{id, email, username, created_at}`. */
function toDjinnUser(user: DjinnUser): Record<string, unknown> {
  return { id: user.id, email: user.email, username: user.username, created_at: formatRfc3339Seconds(user.created_at) };
}

/**
 * The namespace object as Djinn's `Namespace.MarshalJSON` writes it: its columns, `url` and the
 * sub-resource URLs under `/n/<owner>/<path>`, and its owner as `user`. Djinn also writes
 * `parent` and `build` (null here: no nested namespaces, no builds); they are left out, as every
 * unset object is in this service.
 */
function toDjinnNamespace(namespace: Namespace, root: string): Record<string, unknown> {
  const url = `${root}/n/${namespace.owner.username}/${namespace.path}`;
  const sub = (name: string): string => `${url}/-/${name}`;
  return {
    id: namespace.id,
    user_id: namespace.user_id,
    root_id: namespace.root_id,
    parent_id: namespace.parent_id,
    name: namespace.name,
    path: namespace.path,
    description: namespace.description,
    visibility: namespace.visibility,
    created_at: formatRfc3339Seconds(namespace.created_at),
    url,
    builds_url: sub('builds'),
    namespaces_url: sub('namespaces'),
    images_url: sub('images'),
    objects_url: sub('objects'),
    variables_url: sub('variables'),
    keys_url: sub('keys'),
    invites_url: sub('invites'),
    collaborators_url: sub('collaborators'),
    webhooks_url: sub('webhooks'),
    user: toDjinnUser(namespace.owner),
  };
}

/**
 * The image object: `id, author_id, user_id, namespace_id, driver, name, created_at, url`, then
 * `author`, `user` and `namespace` when set (in the document's order; Djinn's Go map would sort
 * the keys, which JSON readers ignore). `root` is the service root as the client addressed it.
 */
export function toDjinnImage(image: CiImage, root: string): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: image.id,
    author_id: image.author_id,
    user_id: image.user_id,
    namespace_id: image.namespace_id,
    driver: image.driver,
    name: image.name,
    created_at: formatRfc3339Seconds(image.created_at),
    url: `${root}/images/${image.id}`,
  };
  if (image.author !== undefined) json.author = toDjinnUser(image.author);
  if (image.user !== undefined) json.user = toDjinnUser(image.user);
  if (image.namespace !== undefined) json.namespace = toDjinnNamespace(image.namespace, root);
  return json;
}
