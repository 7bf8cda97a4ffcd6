/**
 * Tables of the container image service, prefixed `cs_` (ComputeStacks) because every embedded
 * service shares one SQLite file. Ids are AUTOINCREMENT so a deleted image's id is never reused,
 * as a Postgres sequence never reuses one. Dependencies live in one table; `required_containers`
 * and `required_by` are its two directions, so they cannot disagree.
 */
export const CONTAINER_IMAGES_SCHEMA = `
CREATE TABLE IF NOT EXISTS cs_container_images (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  description TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  is_load_balancer INTEGER NOT NULL DEFAULT 0,
  can_scale INTEGER NOT NULL DEFAULT 0,
  is_free INTEGER NOT NULL DEFAULT 0,
  override_autoremove INTEGER NOT NULL DEFAULT 0,
  command TEXT,
  container_image_provider_id INTEGER,
  domains_block_id INTEGER,
  general_block_id INTEGER,
  remote_block_id INTEGER,
  ssh_block_id INTEGER,
  image_url TEXT,
  min_cpu TEXT NOT NULL DEFAULT '0.0',
  min_memory INTEGER NOT NULL DEFAULT 0,
  registry_auth INTEGER NOT NULL DEFAULT 0,
  registry_custom TEXT,
  registry_image_path TEXT NOT NULL,
  registry_image_tag TEXT NOT NULL,
  registry_username TEXT,
  registry_password TEXT,
  role TEXT NOT NULL,
  role_class TEXT NOT NULL,
  user_id INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cs_container_images_label ON cs_container_images (label COLLATE NOCASE, id);
CREATE INDEX IF NOT EXISTS cs_container_images_user ON cs_container_images (user_id);
CREATE TABLE IF NOT EXISTS cs_image_labels (
  image_id INTEGER NOT NULL REFERENCES cs_container_images (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (image_id, key)
);
CREATE TABLE IF NOT EXISTS cs_env_params (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  image_id INTEGER NOT NULL REFERENCES cs_container_images (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  label TEXT NOT NULL,
  param_type TEXT NOT NULL CHECK (param_type IN ('static', 'variable')),
  value TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cs_env_params_image ON cs_env_params (image_id);
CREATE TABLE IF NOT EXISTS cs_setting_params (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  image_id INTEGER NOT NULL REFERENCES cs_container_images (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  label TEXT NOT NULL,
  param_type TEXT NOT NULL CHECK (param_type IN ('password', 'static')),
  value TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cs_setting_params_image ON cs_setting_params (image_id);
CREATE TABLE IF NOT EXISTS cs_ingress_params (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  image_id INTEGER NOT NULL REFERENCES cs_container_images (id) ON DELETE CASCADE,
  port INTEGER NOT NULL,
  proto TEXT NOT NULL CHECK (proto IN ('tcp', 'udp', 'tls')),
  backend_ssl INTEGER NOT NULL DEFAULT 0,
  external_access INTEGER NOT NULL DEFAULT 0,
  tcp_proxy_opt TEXT NOT NULL DEFAULT 'none',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (image_id, port, proto)
);
CREATE TABLE IF NOT EXISTS cs_volume_params (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  image_id INTEGER NOT NULL REFERENCES cs_container_images (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  mount_path TEXT NOT NULL,
  enable_sftp INTEGER NOT NULL DEFAULT 1,
  borg_enabled INTEGER NOT NULL DEFAULT 1,
  borg_freq TEXT NOT NULL DEFAULT '@hourly',
  borg_strategy TEXT NOT NULL DEFAULT 'file' CHECK (borg_strategy IN ('file', 'mysql')),
  borg_keep_hourly INTEGER NOT NULL DEFAULT 1,
  borg_keep_daily INTEGER NOT NULL DEFAULT 1,
  borg_keep_weekly INTEGER NOT NULL DEFAULT 1,
  borg_keep_monthly INTEGER NOT NULL DEFAULT 1,
  borg_keep_annually INTEGER NOT NULL DEFAULT 1,
  borg_pre_backup TEXT NOT NULL DEFAULT '[]',
  borg_post_backup TEXT NOT NULL DEFAULT '[]',
  borg_pre_restore TEXT NOT NULL DEFAULT '[]',
  borg_post_restore TEXT NOT NULL DEFAULT '[]',
  borg_rollback TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (image_id, mount_path)
);
CREATE TABLE IF NOT EXISTS cs_image_dependencies (
  image_id INTEGER NOT NULL REFERENCES cs_container_images (id) ON DELETE CASCADE,
  -- No cascade: an image others require is never deleted (the service refuses first).
  requires_id INTEGER NOT NULL REFERENCES cs_container_images (id),
  PRIMARY KEY (image_id, requires_id)
);
CREATE INDEX IF NOT EXISTS cs_image_dependencies_requires ON cs_image_dependencies (requires_id);
CREATE TABLE IF NOT EXISTS cs_image_shares (
  image_id INTEGER NOT NULL REFERENCES cs_container_images (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL,
  PRIMARY KEY (image_id, user_id)
);
CREATE INDEX IF NOT EXISTS cs_image_shares_user ON cs_image_shares (user_id);
CREATE TABLE IF NOT EXISTS cs_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
