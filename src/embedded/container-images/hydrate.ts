import type { EmbeddedDatabase } from '../db.js';
import {
  BORG_HOOKS,
  type ContainerImage,
  type EnvParamDraft,
  type ImageColumns,
  type IngressParamDraft,
  type SettingParamDraft,
  type Stored,
  type VolumeDraft,
} from './image.js';

/** A row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;

/** The image columns SQLite keeps as 0/1. */
export const IMAGE_BOOLEANS = ['active', 'is_load_balancer', 'can_scale', 'is_free', 'override_autoremove', 'registry_auth'] as const;

/** SQLite has no booleans: 1/0 back to true/false, in place. */
export function asBoolean(row: Row, ...keys: readonly string[]): void {
  for (const key of keys) row[key] = row[key] === 1;
}

/** Rows of one child table for these images, grouped by image_id; `IN (?)` in `sql` expands to one placeholder per id. */
function byImage(db: EmbeddedDatabase, sql: string, ids: readonly number[]): Map<number, Row[]> {
  const rows = db.prepare(sql.replace('(?)', `(${ids.map(() => '?').join(', ')})`)).all(...ids) as Row[];
  const grouped = new Map<number, Row[]>();
  for (const row of rows) {
    const key = row.image_id as number;
    const list = grouped.get(key) ?? [];
    list.push(row);
    grouped.set(key, list);
  }
  return grouped;
}

/** Rows of cs_container_images -> images with labels, params and both directions of dependencies, in a few queries. */
export function hydrateImages(db: EmbeddedDatabase, rows: Row[]): ContainerImage[] {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id as number);
  const labels = byImage(db, 'SELECT image_id, key, value FROM cs_image_labels WHERE image_id IN (?) ORDER BY key', ids);
  const env = byImage(db, 'SELECT * FROM cs_env_params WHERE image_id IN (?) ORDER BY id', ids);
  const settings = byImage(db, 'SELECT * FROM cs_setting_params WHERE image_id IN (?) ORDER BY id', ids);
  const ingress = byImage(db, 'SELECT * FROM cs_ingress_params WHERE image_id IN (?) ORDER BY id', ids);
  const volumes = byImage(db, 'SELECT * FROM cs_volume_params WHERE image_id IN (?) ORDER BY id', ids);
  const requires = byImage(db, 'SELECT image_id, requires_id FROM cs_image_dependencies WHERE image_id IN (?) ORDER BY requires_id', ids);
  const requiredBy = byImage(
    db,
    'SELECT requires_id AS image_id, image_id AS by_id FROM cs_image_dependencies WHERE requires_id IN (?) ORDER BY image_id',
    ids,
  );
  const strip = <T>(list: Row[] | undefined): T[] => (list ?? []).map(({ image_id: _imageId, ...rest }) => rest as unknown as T);
  return rows.map((row) => {
    const id = row.id as number;
    asBoolean(row, ...IMAGE_BOOLEANS);
    const ingressRows = ingress.get(id) ?? [];
    for (const param of ingressRows) asBoolean(param, 'backend_ssl', 'external_access');
    const volumeRows = volumes.get(id) ?? [];
    for (const volume of volumeRows) {
      asBoolean(volume, 'enable_sftp', 'borg_enabled');
      for (const hook of BORG_HOOKS) volume[hook] = JSON.parse(volume[hook] as string) as string[];
    }
    return {
      ...(row as unknown as ImageColumns),
      labels: (labels.get(id) ?? []).map((label) => ({ key: label.key as string, value: label.value as string })),
      env_params: strip<Stored<EnvParamDraft>>(env.get(id)),
      setting_params: strip<Stored<SettingParamDraft>>(settings.get(id)),
      ingress_params: strip<Stored<IngressParamDraft>>(ingressRows),
      volumes: strip<Stored<VolumeDraft>>(volumeRows),
      required_containers: (requires.get(id) ?? []).map((dep) => dep.requires_id as number),
      required_by: (requiredBy.get(id) ?? []).map((dep) => dep.by_id as number),
    };
  });
}
