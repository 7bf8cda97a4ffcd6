/** Tables of the VM image service, prefixed `vm_` because every embedded service shares one SQLite file. */
export const VM_IMAGES_SCHEMA = `
CREATE TABLE IF NOT EXISTS vm_images (
  id TEXT PRIMARY KEY,
  name TEXT,
  status TEXT NOT NULL,
  visibility TEXT NOT NULL,
  protected INTEGER NOT NULL DEFAULT 0,
  container_format TEXT,
  disk_format TEXT,
  min_disk INTEGER NOT NULL DEFAULT 0,
  min_ram INTEGER NOT NULL DEFAULT 0,
  size INTEGER,
  virtual_size INTEGER,
  checksum TEXT,
  os_hash_algo TEXT,
  os_hash_value TEXT,
  os_hidden INTEGER NOT NULL DEFAULT 0,
  owner TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS vm_images_created ON vm_images (created_at, id);
CREATE TABLE IF NOT EXISTS vm_image_tags (
  image_id TEXT NOT NULL REFERENCES vm_images (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (image_id, tag)
);
CREATE TABLE IF NOT EXISTS vm_image_properties (
  image_id TEXT NOT NULL REFERENCES vm_images (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (image_id, name)
);
CREATE TABLE IF NOT EXISTS vm_image_members (
  image_id TEXT NOT NULL REFERENCES vm_images (id) ON DELETE CASCADE,
  member_project TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('accepted', 'pending', 'rejected')),
  PRIMARY KEY (image_id, member_project)
);
CREATE TABLE IF NOT EXISTS vm_image_tombstones (id TEXT PRIMARY KEY, deleted_at INTEGER NOT NULL, image TEXT);
CREATE TABLE IF NOT EXISTS vm_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
