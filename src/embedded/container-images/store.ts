import type { EmbeddedDatabase } from '../db.js';
import type { Viewer } from '../compute-stacks/access.js';
import type { Paging } from '../compute-stacks/paging.js';
import { MonotonicClock } from '../time.js';
import { asBoolean, hydrateImages, IMAGE_BOOLEANS, type Row } from './hydrate.js';
import { BORG_HOOKS, type ContainerImage, type ImageColumns, type NestedDrafts, type WritableColumns } from './image.js';
import { CONTAINER_IMAGES_SCHEMA } from './schema.js';
import { getMeta, setMeta } from '../compute-stacks/meta.js';

/** Filters of GET /api/container_images. */
export interface ListQuery {
  /** `filter=owned`: only the caller's own images. */
  owned: boolean;
  /** `filter=isLoadBalancer`: only load balancers. */
  loadBalancers: boolean;
  /** `byname=`: a case-insensitive substring of the label. */
  byname: string | undefined;
}

/** A new image's columns; `id` only for seed data, which keeps its ids stable. */
export type NewImage = Omit<ImageColumns, 'id'> & { id?: number };

const IMAGE_COLUMNS = [
  'name',
  'label',
  'description',
  'active',
  'is_load_balancer',
  'can_scale',
  'is_free',
  'override_autoremove',
  'command',
  'container_image_provider_id',
  'domains_block_id',
  'general_block_id',
  'remote_block_id',
  'ssh_block_id',
  'image_url',
  'min_cpu',
  'min_memory',
  'registry_auth',
  'registry_custom',
  'registry_image_path',
  'registry_image_tag',
  'registry_username',
  'registry_password',
  'role',
  'role_class',
  'user_id',
  'created_at',
  'updated_at',
] as const;

/** SQLite has no booleans: write 1/0. */
function toSql(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** Tables and queries of the container image service. Synchronous: a read-check-write never interleaves. */
export class ContainerImageStore {
  private readonly clock: MonotonicClock;

  constructor(readonly db: EmbeddedDatabase) {
    db.exec(CONTAINER_IMAGES_SCHEMA);
    const row = db.prepare('SELECT MAX(updated_at) AS t FROM cs_container_images').get() as { t: number | null };
    this.clock = new MonotonicClock(row.t ?? 0);
  }

  /** Now in epoch ms, strictly increasing, so every write gets its own updated_at. */
  now(): number {
    return this.clock.now();
  }

  /** Runs `fn` in one transaction: a throw rolls back everything it wrote. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** A service-level marker such as `seeded`. */
  getMeta(key: string): string | undefined {
    return getMeta(this.db, key);
  }

  setMeta(key: string, value: string): void {
    setMeta(this.db, key, value);
  }

  /** The image with everything hanging off it, whoever may see it. */
  get(id: number): ContainerImage | undefined {
    const row = this.db.prepare('SELECT * FROM cs_container_images WHERE id = ?').get(id) as Row | undefined;
    return row === undefined ? undefined : hydrateImages(this.db, [row])[0];
  }

  /** The image's own columns only (no params, no dependencies): cheaper than `get` for checks. */
  find(id: number): ImageColumns | undefined {
    const row = this.db.prepare('SELECT * FROM cs_container_images WHERE id = ?').get(id) as Row | undefined;
    if (row === undefined) return undefined;
    asBoolean(row, ...IMAGE_BOOLEANS);
    return row as unknown as ImageColumns;
  }

  /** Who may see an image: admin, its owner, users it is shared with, and anyone for an active system image. */
  canSee(viewer: Viewer, image: ImageColumns): boolean {
    if (viewer.isAdmin || image.user_id === viewer.userId) return true;
    if (image.user_id === null && image.active) return true;
    return this.db.prepare('SELECT 1 FROM cs_image_shares WHERE image_id = ? AND user_id = ?').get(image.id, viewer.userId) !== undefined;
  }

  /** Who may change or delete an image: admin and its owner (`current_user.container_images`). */
  canEdit(viewer: Viewer, image: ImageColumns): boolean {
    return viewer.isAdmin || image.user_id === viewer.userId;
  }

  /** One page of the images the viewer may list, by label (case-insensitive) then id, and how many there are in all. */
  list(viewer: Viewer, query: ListQuery, paging: Paging): { total: number; images: ContainerImage[] } {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.owned) {
      conditions.push('i.user_id = ?');
      params.push(viewer.userId);
    } else if (!viewer.isAdmin) {
      conditions.push(
        '(i.user_id = ? OR (i.user_id IS NULL AND i.active = 1) OR EXISTS (SELECT 1 FROM cs_image_shares s WHERE s.image_id = i.id AND s.user_id = ?))',
      );
      params.push(viewer.userId, viewer.userId);
    }
    if (query.loadBalancers) conditions.push('i.is_load_balancer = 1');
    if (query.byname !== undefined) {
      // instr, not LIKE: the text is a plain substring, with no wildcards to escape.
      conditions.push('instr(lower(i.label), lower(?)) > 0');
      params.push(query.byname);
    }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    const { total } = this.db.prepare(`SELECT COUNT(*) AS total FROM cs_container_images i ${where}`).get(...params) as { total: number };
    const rows = this.db
      .prepare(`SELECT i.* FROM cs_container_images i ${where} ORDER BY i.label COLLATE NOCASE, i.id LIMIT ? OFFSET ?`)
      .all(...params, paging.perPage, paging.offset) as Row[];
    return { total, images: hydrateImages(this.db, rows) };
  }

  /** `base`, or `base-2`, `base-3`, … : the first name no image has. */
  uniqueName(base: string): string {
    const taken = this.db.prepare('SELECT 1 FROM cs_container_images WHERE name = ?');
    let name = base;
    for (let n = 2; taken.get(name) !== undefined; n++) name = `${base}-${n}`;
    return name;
  }

  /** Stores a new image with its nested params and dependencies; returns its id. Call inside `transaction`. */
  insert(image: NewImage, nested: NestedDrafts, requires: readonly number[]): number {
    const columns = image.id === undefined ? IMAGE_COLUMNS : (['id', ...IMAGE_COLUMNS] as const);
    const result = this.db
      .prepare(`INSERT INTO cs_container_images (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
      .run(Object.fromEntries(columns.map((column) => [column, toSql((image as Record<string, unknown>)[column])])));
    const id = Number(result.lastInsertRowid);
    const at = { image_id: id, created_at: image.created_at, updated_at: image.created_at };
    const env = this.db.prepare(
      'INSERT INTO cs_env_params (image_id, name, label, param_type, value, created_at, updated_at) VALUES (@image_id, @name, @label, @param_type, @value, @created_at, @updated_at)',
    );
    for (const param of nested.env) env.run({ ...param, ...at });
    const setting = this.db.prepare(
      'INSERT INTO cs_setting_params (image_id, name, label, param_type, value, created_at, updated_at) VALUES (@image_id, @name, @label, @param_type, @value, @created_at, @updated_at)',
    );
    for (const param of nested.settings) setting.run({ ...param, ...at });
    const ingress = this.db.prepare(
      `INSERT INTO cs_ingress_params (image_id, port, proto, backend_ssl, external_access, tcp_proxy_opt, created_at, updated_at)
       VALUES (@image_id, @port, @proto, @backend_ssl, @external_access, @tcp_proxy_opt, @created_at, @updated_at)`,
    );
    for (const param of nested.ingress) {
      ingress.run({ ...param, backend_ssl: toSql(param.backend_ssl), external_access: toSql(param.external_access), ...at });
    }
    const volumeColumns = [
      'label',
      'mount_path',
      'enable_sftp',
      'borg_enabled',
      'borg_freq',
      'borg_strategy',
      'borg_keep_hourly',
      'borg_keep_daily',
      'borg_keep_weekly',
      'borg_keep_monthly',
      'borg_keep_annually',
      ...BORG_HOOKS,
    ];
    const volume = this.db.prepare(
      `INSERT INTO cs_volume_params (image_id, ${volumeColumns.join(', ')}, created_at, updated_at)
       VALUES (@image_id, ${volumeColumns.map((c) => `@${c}`).join(', ')}, @created_at, @updated_at)`,
    );
    for (const draft of nested.volumes) {
      const hooks = Object.fromEntries(BORG_HOOKS.map((hook) => [hook, JSON.stringify(draft[hook])]));
      volume.run({ ...draft, ...hooks, enable_sftp: toSql(draft.enable_sftp), borg_enabled: toSql(draft.borg_enabled), ...at });
    }
    this.setDependencies(id, requires);
    return id;
  }

  /** Writes changed columns and the new updated_at. */
  update(id: number, changes: Partial<WritableColumns>, updatedAt: number): void {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const assignments = [...entries.map(([key]) => `${key} = ?`), 'updated_at = ?'];
    this.db.prepare(`UPDATE cs_container_images SET ${assignments.join(', ')} WHERE id = ?`).run(...entries.map(([, value]) => toSql(value)), updatedAt, id);
  }

  /** Replaces the images `id` requires. */
  setDependencies(id: number, requires: readonly number[]): void {
    this.db.prepare('DELETE FROM cs_image_dependencies WHERE image_id = ?').run(id);
    const insert = this.db.prepare('INSERT OR IGNORE INTO cs_image_dependencies (image_id, requires_id) VALUES (?, ?)');
    for (const requiresId of requires) insert.run(id, requiresId);
  }

  /** Ids of the images `id` requires directly. */
  requirementsOf(id: number): number[] {
    const rows = this.db.prepare('SELECT requires_id FROM cs_image_dependencies WHERE image_id = ? ORDER BY requires_id').all(id) as Array<{
      requires_id: number;
    }>;
    return rows.map((row) => row.requires_id);
  }

  /** The names of these images, in the order given (unknown ids left out). */
  namesOf(ids: readonly number[]): string[] {
    const lookup = this.db.prepare('SELECT name FROM cs_container_images WHERE id = ?');
    return ids.flatMap((id) => {
      const row = lookup.get(id) as { name: string } | undefined;
      return row === undefined ? [] : [row.name];
    });
  }

  /** Deletes the image with its params, labels, shares and its own dependency rows. */
  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM cs_container_images WHERE id = ?').run(id).changes > 0;
  }

  /** Shares an image with a user (seed data; ComputeStacks calls them collaborators). */
  share(imageId: number, userId: number): void {
    this.db.prepare('INSERT OR IGNORE INTO cs_image_shares (image_id, user_id) VALUES (?, ?)').run(imageId, userId);
  }

  /** Sets an image's `labels` (seed data). */
  setLabels(imageId: number, labels: Readonly<Record<string, string>>): void {
    const insert = this.db.prepare('INSERT OR REPLACE INTO cs_image_labels (image_id, key, value) VALUES (?, ?, ?)');
    for (const [key, value] of Object.entries(labels)) insert.run(imageId, key, value);
  }
}
