/**
 * Tables of the CI image service, prefixed `djinn_` because every embedded service shares one
 * SQLite file. They mirror Djinn's own (users, namespaces, namespace_collaborators, images);
 * `hash` is the image's blob file name, as Djinn names its image files. `size` and `sha256` are
 * ours: Djinn keeps neither, and neither is in its JSON. Image ids are AUTOINCREMENT so a deleted
 * image's id is never reused, as a Postgres sequence never reuses one. Image names are unique per
 * user outside namespaces and per namespace inside one, enforced by two partial indexes.
 */
export const CI_IMAGES_SCHEMA = `
CREATE TABLE IF NOT EXISTS djinn_users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  username TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS djinn_namespaces (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES djinn_users (id),
  root_id INTEGER,
  parent_id INTEGER REFERENCES djinn_namespaces (id),
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  level INTEGER NOT NULL DEFAULT 0,
  visibility TEXT NOT NULL CHECK (visibility IN ('private', 'internal', 'public')),
  created_at INTEGER NOT NULL,
  UNIQUE (user_id, path)
);
CREATE TABLE IF NOT EXISTS djinn_namespace_collaborators (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  namespace_id INTEGER NOT NULL REFERENCES djinn_namespaces (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES djinn_users (id),
  created_at INTEGER NOT NULL,
  UNIQUE (namespace_id, user_id)
);
CREATE INDEX IF NOT EXISTS djinn_namespace_collaborators_user ON djinn_namespace_collaborators (user_id);
CREATE TABLE IF NOT EXISTS djinn_images (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES djinn_users (id),
  author_id INTEGER NOT NULL REFERENCES djinn_users (id),
  namespace_id INTEGER REFERENCES djinn_namespaces (id),
  driver TEXT NOT NULL DEFAULT 'qemu',
  hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS djinn_images_user_name ON djinn_images (user_id, name) WHERE namespace_id IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS djinn_images_namespace_name ON djinn_images (namespace_id, name) WHERE namespace_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS djinn_images_created ON djinn_images (created_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS djinn_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
