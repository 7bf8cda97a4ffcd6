import { join } from 'node:path';
import { removeUnknownBlobs } from '../blob-upload.js';
import type { EmbeddedDatabase } from '../db.js';
import type { Principal } from '../principals.js';
import { MonotonicClock } from '../time.js';
import { badRequest } from './errors.js';
import type { ImageRecord, ImageStatus, Visibility } from './image.js';
import type { ListQuery } from './list-query.js';
import { listSql } from './list-sql.js';
import { VM_IMAGES_SCHEMA } from './schema.js';

interface ImageRow extends Omit<ImageRecord, 'protected' | 'os_hidden' | 'tags' | 'properties'> {
  protected: number;
  os_hidden: number;
}

/** What a finished upload sets, in one transaction. */
export interface UploadResult {
  size: number;
  virtual_size: number | null;
  checksum: string;
  os_hash_value: string;
}

/** One project's membership of an image. */
export interface MemberRecord {
  image_id: string;
  member_project: string;
  status: 'accepted' | 'pending' | 'rejected';
  created_at: number;
  updated_at: number;
}

/** Statuses whose image has bytes on disk. */
const WITH_DATA: ReadonlySet<ImageStatus> = new Set(['active', 'deactivated']);

/** Tables and queries of the VM image service. Synchronous: a read-check-write never interleaves. */
export class VmImageStore {
  private readonly clock: MonotonicClock;

  constructor(
    readonly db: EmbeddedDatabase,
    readonly blobDir: string,
  ) {
    db.exec(VM_IMAGES_SCHEMA);
    // Files written before members kept their times gain the columns (0: "before this version").
    const memberColumns = (db.prepare('PRAGMA table_info(vm_image_members)').all() as Array<{ name: string }>).map((column) => column.name);
    const tombstoneColumns = (db.prepare('PRAGMA table_info(vm_image_tombstones)').all() as Array<{ name: string }>).map((column) => column.name);
    if (!tombstoneColumns.includes('image')) db.exec('ALTER TABLE vm_image_tombstones ADD COLUMN image TEXT');
    if (!memberColumns.includes('created_at')) {
      db.exec('ALTER TABLE vm_image_members ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0');
      db.exec('ALTER TABLE vm_image_members ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0');
    }
    const row = db.prepare('SELECT MAX(MAX(created_at), MAX(updated_at)) AS t FROM vm_images').get() as { t: number | null };
    this.clock = new MonotonicClock(row.t ?? 0);
  }

  /** Now in epoch ms, strictly increasing, so "newest first" never ties within this process. */
  now(): number {
    return this.clock.now();
  }

  /** Where an image's bytes live once uploaded. */
  blobPath(id: string): string {
    return join(this.blobDir, encodeURIComponent(id));
  }

  /** A service-level marker such as `seeded`. */
  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM vm_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO vm_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The image with its tags and properties, whoever may see it. */
  get(id: string): ImageRecord | undefined {
    const row = this.db.prepare('SELECT * FROM vm_images WHERE id = ?').get(id) as ImageRow | undefined;
    return row === undefined ? undefined : this.hydrate([row])[0];
  }

  /** True when the id is in use or was used by a deleted image (Glance refuses both with 409). */
  idTaken(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM vm_images WHERE id = ? UNION ALL SELECT 1 FROM vm_image_tombstones WHERE id = ?').get(id, id) !== undefined;
  }

  /** The project's membership status on an image, if it is a member. */
  memberStatus(imageId: string, project: string): 'accepted' | 'pending' | 'rejected' | undefined {
    const row = this.db.prepare('SELECT status FROM vm_image_members WHERE image_id = ? AND member_project = ?').get(imageId, project) as
      | { status: 'accepted' | 'pending' | 'rejected' }
      | undefined;
    return row?.status;
  }

  /** Glance's `is_image_visible`: admin, owner, public, community, or any member of a shared image. */
  canSee(principal: Principal, image: ImageRecord): boolean {
    if (principal.isAdmin || image.owner === null) return true;
    if (image.visibility === 'public' || image.visibility === 'community') return true;
    if (image.owner === principal.projectId) return true;
    return image.visibility === 'shared' && this.memberStatus(image.id, principal.projectId) !== undefined;
  }

  /** One page plus one more row (so the caller knows whether a next page exists). 400 for a bad marker. */
  list(principal: Principal, query: ListQuery): ImageRecord[] {
    let marker: ImageRecord | undefined;
    if (query.marker !== undefined) {
      marker = this.get(query.marker) ?? (principal.isAdmin ? this.deleted(query.marker) : undefined);
      if (marker === undefined || !this.canSee(principal, marker)) {
        throw badRequest(`No image found with ID ${query.marker}`);
      }
    }
    const { sql, params } = listSql(principal, query, marker);
    const rows = this.db.prepare(sql).all(...params) as ImageRow[];
    return this.hydrate(rows);
  }

  /** Stores a new image with its tags and properties in one transaction. */
  insert(image: ImageRecord): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO vm_images (id, name, status, visibility, protected, container_format, disk_format, min_disk, min_ram,
             size, virtual_size, checksum, os_hash_algo, os_hash_value, os_hidden, owner, created_at, updated_at)
           VALUES (@id, @name, @status, @visibility, @protected, @container_format, @disk_format, @min_disk, @min_ram,
             @size, @virtual_size, @checksum, @os_hash_algo, @os_hash_value, @os_hidden, @owner, @created_at, @updated_at)`,
        )
        .run({ ...this.toRow(image) });
      this.writeTagsAndProperties(image);
    })();
  }

  /** Writes the caller-settable attributes, tags and properties of `image` in one transaction. */
  saveMetadata(image: ImageRecord): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE vm_images SET name = @name, visibility = @visibility, protected = @protected,
             container_format = @container_format, disk_format = @disk_format, min_disk = @min_disk, min_ram = @min_ram,
             os_hidden = @os_hidden, updated_at = @updated_at WHERE id = @id`,
        )
        .run(this.toRow(image));
      this.db.prepare('DELETE FROM vm_image_tags WHERE image_id = ?').run(image.id);
      this.db.prepare('DELETE FROM vm_image_properties WHERE image_id = ?').run(image.id);
      this.writeTagsAndProperties(image);
    })();
  }

  /** Deletes the row (tags, properties and members cascade) and keeps a tombstone of the id. */
  delete(id: string): boolean {
    return this.db.transaction(() => {
      // The row is kept with the tombstone: an admin may still page from a deleted image (its sort values).
      const row = this.db.prepare('SELECT * FROM vm_images WHERE id = ?').get(id);
      const removed = this.db.prepare('DELETE FROM vm_images WHERE id = ?').run(id).changes > 0;
      if (removed)
        this.db.prepare('INSERT OR REPLACE INTO vm_image_tombstones (id, deleted_at, image) VALUES (?, ?, ?)').run(id, this.now(), JSON.stringify(row));
      return removed;
    })();
  }

  /** Moves a status from one of `from` to `to`; false when the image was not in one of them. */
  transition(id: string, from: readonly ImageStatus[], to: ImageStatus): boolean {
    const placeholders = from.map(() => '?').join(', ');
    return (
      this.db.prepare(`UPDATE vm_images SET status = ?, updated_at = ? WHERE id = ? AND status IN (${placeholders})`).run(to, this.now(), id, ...from).changes >
      0
    );
  }

  /** queued -> active with the data's facts, only if the upload still owns the image (status saving). */
  completeUpload(id: string, result: UploadResult): boolean {
    return (
      this.db
        .prepare(
          `UPDATE vm_images SET status = 'active', size = ?, virtual_size = ?, checksum = ?, os_hash_algo = 'sha512',
             os_hash_value = ?, updated_at = ? WHERE id = ? AND status = 'saving'`,
        )
        .run(result.size, result.virtual_size, result.checksum, result.os_hash_value, this.now(), id).changes > 0
    );
  }

  /** Adds or replaces a project's membership of an image. */
  addMember(imageId: string, project: string, status: MemberRecord['status']): void {
    const now = this.now();
    this.db
      .prepare('INSERT OR REPLACE INTO vm_image_members (image_id, member_project, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(imageId, project, status, now, now);
  }

  /** An image's members, oldest first. */
  members(imageId: string): MemberRecord[] {
    return this.db
      .prepare('SELECT image_id, member_project, status, created_at, updated_at FROM vm_image_members WHERE image_id = ? ORDER BY created_at, member_project')
      .all(imageId) as MemberRecord[];
  }

  member(imageId: string, project: string): MemberRecord | undefined {
    return this.db
      .prepare('SELECT image_id, member_project, status, created_at, updated_at FROM vm_image_members WHERE image_id = ? AND member_project = ?')
      .get(imageId, project) as MemberRecord | undefined;
  }

  setMemberStatus(imageId: string, project: string, status: MemberRecord['status']): void {
    this.db
      .prepare('UPDATE vm_image_members SET status = ?, updated_at = ? WHERE image_id = ? AND member_project = ?')
      .run(status, this.now(), imageId, project);
  }

  removeMember(imageId: string, project: string): void {
    this.db.prepare('DELETE FROM vm_image_members WHERE image_id = ? AND member_project = ?').run(imageId, project);
  }

  /** Adds or removes one tag, and touches the image. */
  setTag(imageId: string, tag: string, present: boolean): void {
    this.db.transaction(() => {
      if (present) this.db.prepare('INSERT OR IGNORE INTO vm_image_tags (image_id, tag) VALUES (?, ?)').run(imageId, tag);
      else this.db.prepare('DELETE FROM vm_image_tags WHERE image_id = ? AND tag = ?').run(imageId, tag);
      this.db.prepare('UPDATE vm_images SET updated_at = ? WHERE id = ?').run(this.now(), imageId);
    })();
  }

  /** A deleted image as it was, for an admin's marker (Glance still finds deleted rows for admins). */
  private deleted(id: string): ImageRecord | undefined {
    const row = this.db.prepare('SELECT image FROM vm_image_tombstones WHERE id = ?').get(id) as { image: string | null } | undefined;
    return row?.image ? this.hydrate([JSON.parse(row.image) as ImageRow])[0] : undefined;
  }

  /**
   * After a crash: an upload that was in flight goes back to queued, and any file that is not the
   * data of an image holding data (temp files, leftovers of deleted images) is removed.
   */
  recover(): void {
    this.db.prepare(`UPDATE vm_images SET status = 'queued', updated_at = ? WHERE status = 'saving'`).run(this.now());
    const keep = new Set(
      (this.db.prepare(`SELECT id FROM vm_images WHERE status IN ('active', 'deactivated') AND size IS NOT NULL`).all() as Array<{ id: string }>).map((row) =>
        encodeURIComponent(row.id),
      ),
    );
    removeUnknownBlobs(this.blobDir, keep);
  }

  /** True when the image's bytes are on disk. */
  hasData(image: ImageRecord): boolean {
    return WITH_DATA.has(image.status) && image.size !== null;
  }

  private toRow(image: ImageRecord): Record<string, unknown> {
    const { tags: _tags, properties: _properties, ...rest } = image;
    return { ...rest, protected: image.protected ? 1 : 0, os_hidden: image.os_hidden ? 1 : 0 };
  }

  private writeTagsAndProperties(image: ImageRecord): void {
    const tag = this.db.prepare('INSERT OR IGNORE INTO vm_image_tags (image_id, tag) VALUES (?, ?)');
    for (const value of image.tags) tag.run(image.id, value);
    const property = this.db.prepare('INSERT INTO vm_image_properties (image_id, name, value) VALUES (?, ?, ?)');
    for (const [name, value] of image.properties) property.run(image.id, name, value);
  }

  private hydrate(rows: ImageRow[]): ImageRecord[] {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const placeholders = ids.map(() => '?').join(', ');
    const tags = this.db.prepare(`SELECT image_id, tag FROM vm_image_tags WHERE image_id IN (${placeholders}) ORDER BY tag`).all(...ids) as Array<{
      image_id: string;
      tag: string;
    }>;
    const properties = this.db
      .prepare(`SELECT image_id, name, value FROM vm_image_properties WHERE image_id IN (${placeholders}) ORDER BY name`)
      .all(...ids) as Array<{ image_id: string; name: string; value: string }>;
    const byId = new Map<string, ImageRecord>();
    const images = rows.map((row) => {
      const image: ImageRecord = {
        ...row,
        status: row.status as ImageStatus,
        visibility: row.visibility as Visibility,
        protected: row.protected === 1,
        os_hidden: row.os_hidden === 1,
        tags: [],
        properties: new Map(),
      };
      byId.set(row.id, image);
      return image;
    });
    for (const { image_id, tag } of tags) byId.get(image_id)?.tags.push(tag);
    for (const { image_id, name, value } of properties) byId.get(image_id)?.properties.set(name, value);
    return images;
  }
}
