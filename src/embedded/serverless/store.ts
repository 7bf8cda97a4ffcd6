import type { EmbeddedDatabase } from '../db.js';
import type { ContainerRecord, ContainerSpec, RevisionRecord } from './container.js';
import { SERVERLESS_SCHEMA } from './schema.js';

interface ContainerRow {
  id: string;
  name: string;
  created_by: string;
  date_created: number;
  date_updated: number | null;
}

interface RevisionRow {
  container_id: string;
  number: number;
  image: string;
  cpu: number;
  ram: string;
  gpu: number;
  ephemeral_storage: string;
  command: string | null;
  arguments: string | null;
  env: string;
  port: string;
  desired_gpus: string | null;
  date_created: number;
}

const toContainer = (row: ContainerRow): ContainerRecord => ({
  id: row.id,
  name: row.name,
  createdBy: row.created_by,
  dateCreated: row.date_created,
  dateUpdated: row.date_updated,
});

const toRevision = (row: RevisionRow): RevisionRecord => ({
  containerId: row.container_id,
  number: row.number,
  dateCreated: row.date_created,
  spec: {
    image: row.image,
    cpu: row.cpu,
    ram: row.ram,
    gpu: row.gpu,
    ephemeralStorage: row.ephemeral_storage,
    command: row.command,
    arguments: row.arguments === null ? null : (JSON.parse(row.arguments) as string[]),
    // JSON.parse keeps every key (even `__proto__`) as an own property, in order.
    env: JSON.parse(row.env) as Record<string, string>,
    port: row.port,
    desiredGPUs: row.desired_gpus === null ? null : (JSON.parse(row.desired_gpus) as string[]),
  },
});

const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/** Tables and queries of the serverless container service. Synchronous: a read-check-write never interleaves. */
export class ServerlessStore {
  constructor(readonly db: EmbeddedDatabase) {
    db.exec(SERVERLESS_SCHEMA);
  }

  /** Runs `fn` in one transaction: a throw rolls back everything it wrote. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** A service-level marker such as `serverless_seeded`. */
  getMeta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM qs_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO qs_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  get(id: string): ContainerRecord | undefined {
    const row = this.db.prepare('SELECT * FROM qs_containers WHERE id = ?').get(id) as ContainerRow | undefined;
    return row === undefined ? undefined : toContainer(row);
  }

  /** Whether `owner` already has a container called `name` (names are unique per user, like Kubernetes names per namespace). */
  nameTaken(owner: string, name: string): boolean {
    return this.db.prepare('SELECT 1 FROM qs_containers WHERE created_by = ? AND name = ?').get(owner, name) !== undefined;
  }

  /** One page of `owner`'s containers, oldest first, and how many there are in all. */
  list(owner: string, offset: number, limit: number): { total: number; containers: ContainerRecord[] } {
    const { total } = this.db.prepare('SELECT COUNT(*) AS total FROM qs_containers WHERE created_by = ?').get(owner) as { total: number };
    const rows = this.db
      .prepare('SELECT * FROM qs_containers WHERE created_by = ? ORDER BY date_created, rowid LIMIT ? OFFSET ?')
      .all(owner, limit, offset) as ContainerRow[];
    return { total, containers: rows.map(toContainer) };
  }

  /** Every revision of these containers, by container id, each list oldest (revision 1) first. */
  revisions(containerIds: readonly string[]): Map<string, RevisionRecord[]> {
    const byContainer = new Map<string, RevisionRecord[]>(containerIds.map((id) => [id, []]));
    if (containerIds.length === 0) return byContainer;
    const rows = this.db
      .prepare(`SELECT * FROM qs_revisions WHERE container_id IN (${placeholders(containerIds.length)}) ORDER BY container_id, number`)
      .all(...containerIds) as RevisionRow[];
    for (const row of rows) byContainer.get(row.container_id)?.push(toRevision(row));
    return byContainer;
  }

  /** Stores a new container (not updated yet) and its revision 1, made at the container's creation time, in one transaction. */
  insert(container: Omit<ContainerRecord, 'dateUpdated'>, spec: ContainerSpec): void {
    this.transaction(() => {
      this.db
        .prepare('INSERT INTO qs_containers (id, name, created_by, date_created, date_updated) VALUES (?, ?, ?, ?, NULL)')
        .run(container.id, container.name, container.createdBy, container.dateCreated);
      this.insertRevision(container.id, 1, spec, container.dateCreated);
    });
  }

  /**
   * Stores `spec` as the container's next revision and marks the container updated, in one
   * transaction; returns the new revision's number. Never earlier than the latest revision, so
   * revision times only grow with their numbers.
   */
  addRevision(containerId: string, spec: ContainerSpec, at: number): number {
    return this.transaction(() => {
      const last = this.db.prepare('SELECT MAX(number) AS number, MAX(date_created) AS at FROM qs_revisions WHERE container_id = ?').get(containerId) as {
        number: number | null;
        at: number | null;
      };
      const number = (last.number ?? 0) + 1;
      const when = Math.max(at, last.at ?? at);
      this.insertRevision(containerId, number, spec, when);
      this.db.prepare('UPDATE qs_containers SET date_updated = ? WHERE id = ?').run(when, containerId);
      return number;
    });
  }

  /** Removes a container; its revisions go with it (ON DELETE CASCADE). */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM qs_containers WHERE id = ?').run(id).changes > 0;
  }

  private insertRevision(containerId: string, number: number, spec: ContainerSpec, at: number): void {
    this.db
      .prepare(`INSERT INTO qs_revisions (container_id, number, image, cpu, ram, gpu, ephemeral_storage, command, arguments, env, port, desired_gpus, date_created)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        containerId,
        number,
        spec.image,
        spec.cpu,
        spec.ram,
        spec.gpu,
        spec.ephemeralStorage,
        spec.command,
        spec.arguments === null ? null : JSON.stringify(spec.arguments),
        JSON.stringify(spec.env),
        spec.port,
        spec.desiredGPUs === null ? null : JSON.stringify(spec.desiredGPUs),
        at,
      );
  }
}
