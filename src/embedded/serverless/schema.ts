/**
 * Tables of the serverless container service, prefixed `qs_` (Quasarch), in the one SQLite file
 * every embedded service shares. Only what users asked for is stored: containers and their
 * revisions (each a whole spec). Deployment states, the serving revision and URLs are derived
 * from the revisions' times and the clock when asked (deployment.ts). A container's rowid keeps
 * creation order for ties in `date_created`.
 */
export const SERVERLESS_SCHEMA = `
CREATE TABLE IF NOT EXISTS qs_containers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  date_updated INTEGER,
  UNIQUE (created_by, name)
);
CREATE INDEX IF NOT EXISTS qs_containers_owner ON qs_containers (created_by, date_created);
CREATE TABLE IF NOT EXISTS qs_revisions (
  container_id TEXT NOT NULL REFERENCES qs_containers (id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  image TEXT NOT NULL,
  cpu REAL NOT NULL,
  ram TEXT NOT NULL,
  gpu INTEGER NOT NULL,
  ephemeral_storage TEXT NOT NULL,
  command TEXT,
  arguments TEXT,
  env TEXT NOT NULL,
  port TEXT NOT NULL,
  desired_gpus TEXT,
  date_created INTEGER NOT NULL,
  PRIMARY KEY (container_id, number)
);
CREATE TABLE IF NOT EXISTS qs_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
