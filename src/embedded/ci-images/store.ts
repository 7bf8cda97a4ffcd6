import { join } from 'node:path';
import { removeUnknownBlobs } from '../blob-upload.js';
import type { EmbeddedDatabase } from '../db.js';
import { MonotonicClock } from '../time.js';
import type { CiImage, DjinnUser, ImageRow, Namespace, NamespaceRow } from './image.js';
import { CI_IMAGES_SCHEMA } from './schema.js';

/** A new image's columns; `id` only for seed data, which keeps its ids stable. */
export type NewImage = Omit<ImageRow, 'id'> & { id?: number };

/**
 * Djinn's `namespace.WhereCollaborator(user)`: the user's own images, and images in any namespace
 * whose root the user owns or collaborates on. Binds `@user`.
 */
const VISIBLE = `(i.user_id = @user OR i.namespace_id IN (
  SELECT n.id FROM djinn_namespaces n WHERE n.root_id IN (
    SELECT c.namespace_id FROM djinn_namespace_collaborators c WHERE c.user_id = @user
    UNION SELECT o.id FROM djinn_namespaces o WHERE o.user_id = @user)))`;

/** Tables and queries of the CI image service. Synchronous: a read-check-write never interleaves. */
export class CiImageStore {
  private readonly clock: MonotonicClock;

  constructor(
    readonly db: EmbeddedDatabase,
    readonly blobDir: string,
  ) {
    db.exec(CI_IMAGES_SCHEMA);
    const row = db.prepare('SELECT MAX(created_at) AS t FROM djinn_images').get() as { t: number | null };
    this.clock = new MonotonicClock(row.t ?? 0);
  }

  /** Now in epoch ms, strictly increasing, so "newest first" never ties within this process. */
  now(): number {
    return this.clock.now();
  }

  /** Runs `fn` in one transaction: a throw rolls back everything it wrote. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Where the blob named `hash` lives. */
  blobPath(hash: string): string {
    return join(this.blobDir, hash);
  }

  /** A service-level marker such as `seeded`. */
  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM djinn_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO djinn_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  insertUser(user: DjinnUser): void {
    this.db.prepare('INSERT INTO djinn_users (id, email, username, created_at) VALUES (@id, @email, @username, @created_at)').run(user);
  }

  userByUsername(username: string): DjinnUser | undefined {
    return this.db.prepare('SELECT * FROM djinn_users WHERE username = ?').get(username) as DjinnUser | undefined;
  }

  /** Stores a top-level namespace (its own root); returns its id. */
  insertNamespace(namespace: Omit<NamespaceRow, 'id' | 'root_id' | 'parent_id' | 'level'>): number {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO djinn_namespaces (user_id, name, path, description, level, visibility, created_at)
           VALUES (@user_id, @name, @path, @description, 0, @visibility, @created_at)`,
        )
        .run(namespace).lastInsertRowid,
    );
    this.db.prepare('UPDATE djinn_namespaces SET root_id = id WHERE id = ?').run(id);
    return id;
  }

  addCollaborator(namespaceId: number, userId: number, createdAt: number): void {
    this.db
      .prepare('INSERT OR IGNORE INTO djinn_namespace_collaborators (namespace_id, user_id, created_at) VALUES (?, ?, ?)')
      .run(namespaceId, userId, createdAt);
  }

  /** The namespace `path` of user `ownerId`, with its owner. */
  namespaceByPath(ownerId: number, path: string): Namespace | undefined {
    const row = this.db.prepare('SELECT * FROM djinn_namespaces WHERE user_id = ? AND path = ?').get(ownerId, path) as NamespaceRow | undefined;
    return row === undefined ? undefined : this.namespacesById([row.id]).get(row.id);
  }

  /** Djinn's `IsCollaborator`: the owner of the namespace's root, or a collaborator on it, may add to it. */
  canWriteTo(userId: number, namespace: NamespaceRow): boolean {
    const root = namespace.root_id ?? namespace.id;
    const row = this.db
      .prepare(
        `SELECT 1 FROM djinn_namespaces WHERE id = @root AND user_id = @user
         UNION ALL SELECT 1 FROM djinn_namespace_collaborators WHERE namespace_id = @root AND user_id = @user`,
      )
      .get({ root, user: userId });
    return row !== undefined;
  }

  /** The image with its user, author and namespace, if the user may see it. */
  getVisible(userId: number, id: number): CiImage | undefined {
    const row = this.db.prepare(`SELECT i.* FROM djinn_images i WHERE i.id = @id AND ${VISIBLE}`).get({ id, user: userId }) as ImageRow | undefined;
    return row === undefined ? undefined : this.hydrate([row])[0];
  }

  /** One page of the images the user may see, newest first, and how many there are in all. */
  list(userId: number, search: string | undefined, offset: number, limit: number): { total: number; images: CiImage[] } {
    // instr, not LIKE: the search is a plain substring, with no wildcards to escape.
    const where = search === undefined ? VISIBLE : `${VISIBLE} AND instr(lower(i.name), lower(@search)) > 0`;
    const params = search === undefined ? { user: userId } : { user: userId, search };
    const { total } = this.db.prepare(`SELECT COUNT(*) AS total FROM djinn_images i WHERE ${where}`).get(params) as { total: number };
    const rows = this.db
      .prepare(`SELECT i.* FROM djinn_images i WHERE ${where} ORDER BY i.created_at DESC, i.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset }) as ImageRow[];
    return { total, images: this.hydrate(rows) };
  }

  /** True when `name` is taken in the namespace, or (without one) among the user's own images. */
  nameTaken(name: string, userId: number, namespaceId: number | null): boolean {
    const row =
      namespaceId === null
        ? this.db.prepare('SELECT 1 FROM djinn_images WHERE user_id = ? AND namespace_id IS NULL AND name = ?').get(userId, name)
        : this.db.prepare('SELECT 1 FROM djinn_images WHERE namespace_id = ? AND name = ?').get(namespaceId, name);
    return row !== undefined;
  }

  /** Stores an image row; returns its id. */
  insert(image: NewImage): number {
    const columns = ['user_id', 'author_id', 'namespace_id', 'driver', 'hash', 'name', 'size', 'sha256', 'created_at'];
    if (image.id !== undefined) columns.unshift('id');
    const sql = `INSERT INTO djinn_images (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
    return Number(this.db.prepare(sql).run(Object.fromEntries(columns.map((c) => [c, (image as Record<string, unknown>)[c]]))).lastInsertRowid);
  }

  /** The image by id with its relations, whoever may see it. */
  get(id: number): CiImage | undefined {
    const row = this.db.prepare('SELECT * FROM djinn_images WHERE id = ?').get(id) as ImageRow | undefined;
    return row === undefined ? undefined : this.hydrate([row])[0];
  }

  /** Deletes the row; the caller removes the blob. */
  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM djinn_images WHERE id = ?').run(id).changes > 0;
  }

  /** After a crash: every file in the blob directory that no image row names (temp files, orphans) goes. */
  recover(): void {
    const hashes = this.db.prepare('SELECT hash FROM djinn_images').all() as Array<{ hash: string }>;
    removeUnknownBlobs(this.blobDir, new Set(hashes.map((row) => row.hash)));
  }

  private usersById(ids: readonly number[]): Map<number, DjinnUser> {
    if (ids.length === 0) return new Map();
    const rows = this.db.prepare(`SELECT * FROM djinn_users WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as DjinnUser[];
    return new Map(rows.map((user) => [user.id, user]));
  }

  private namespacesById(ids: readonly number[]): Map<number, Namespace> {
    if (ids.length === 0) return new Map();
    const rows = this.db.prepare(`SELECT * FROM djinn_namespaces WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as NamespaceRow[];
    const owners = this.usersById([...new Set(rows.map((row) => row.user_id))]);
    return new Map(rows.map((row) => [row.id, { ...row, owner: owners.get(row.user_id)! }]));
  }

  /** Loads the users and namespaces of a page of images in a few queries, not one per image (Djinn's `LoadRelations`). */
  private hydrate(rows: readonly ImageRow[]): CiImage[] {
    const users = this.usersById([...new Set(rows.flatMap((row) => [row.user_id, row.author_id]))]);
    const namespaces = this.namespacesById([...new Set(rows.flatMap((row) => (row.namespace_id === null ? [] : [row.namespace_id])))]);
    return rows.map((row) => ({
      ...row,
      user: users.get(row.user_id),
      author: users.get(row.author_id),
      namespace: row.namespace_id === null ? undefined : namespaces.get(row.namespace_id),
    }));
  }
}
