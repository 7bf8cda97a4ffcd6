/**
 * Tables of the container service, prefixed `cs_` (ComputeStacks) like the image service's, in
 * the one SQLite file every embedded service shares. Only what users did is stored: containers,
 * their services' ingress rules and the power actions asked of them (`cs_power_events`, with the
 * platform's own `alert` events). States, logs and metrics are derived from those events and the
 * clock when asked (see ../simulation.ts). `cs_meta` is the image service's table too; both
 * create it the same way.
 */
export const CONTAINERS_SCHEMA = `
CREATE TABLE IF NOT EXISTS cs_containers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL,
  project_id INTEGER NOT NULL,
  container_service_id INTEGER NOT NULL,
  container_image_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  cpu_cores REAL NOT NULL,
  memory_mb INTEGER NOT NULL,
  local_ip TEXT NOT NULL,
  public_ip TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cs_containers_user ON cs_containers (user_id, id);
CREATE TABLE IF NOT EXISTS cs_container_ingress_rules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  container_service_id INTEGER NOT NULL,
  port INTEGER NOT NULL,
  port_nat INTEGER NOT NULL DEFAULT 0,
  proto TEXT NOT NULL CHECK (proto IN ('http', 'tcp', 'tls', 'udp')),
  external_access INTEGER NOT NULL DEFAULT 0,
  backend_ssl INTEGER NOT NULL DEFAULT 0,
  tcp_proxy_opt TEXT NOT NULL DEFAULT 'none',
  redirect_ssl INTEGER NOT NULL DEFAULT 0,
  restrict_cf INTEGER NOT NULL DEFAULT 0,
  tcp_lb INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cs_container_ingress_rules_service ON cs_container_ingress_rules (container_service_id, id);
CREATE TABLE IF NOT EXISTS cs_power_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  container_id INTEGER NOT NULL REFERENCES cs_containers (id) ON DELETE CASCADE,
  event TEXT NOT NULL CHECK (event IN ('start', 'stop', 'restart', 'rebuild', 'alert')),
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cs_power_events_container ON cs_power_events (container_id, at, id);
CREATE TABLE IF NOT EXISTS cs_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
