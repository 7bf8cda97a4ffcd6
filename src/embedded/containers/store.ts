import type { Viewer } from '../compute-stacks/access.js';
import type { Paging } from '../compute-stacks/paging.js';
import type { EmbeddedDatabase } from '../db.js';
import type { LifecycleEvent, TimedEvent } from '../simulation.js';
import type { ContainerRow, IngressRuleRow, PowerEventRow } from './container.js';
import { CONTAINERS_SCHEMA } from './schema.js';
import { getMeta, setMeta } from '../compute-stacks/meta.js';

/** A new container's columns; `id` only for seed data, which keeps its ids stable. */
export type NewContainer = Omit<ContainerRow, 'id'> & { id?: number };
export type NewIngressRule = Omit<IngressRuleRow, 'id'>;

const CONTAINER_COLUMNS = [
  'name',
  'user_id',
  'project_id',
  'container_service_id',
  'container_image_id',
  'kind',
  'cpu_cores',
  'memory_mb',
  'local_ip',
  'public_ip',
  'created_at',
  'updated_at',
] as const;
const RULE_COLUMNS = [
  'container_service_id',
  'port',
  'port_nat',
  'proto',
  'external_access',
  'backend_ssl',
  'tcp_proxy_opt',
  'redirect_ssl',
  'restrict_cf',
  'tcp_lb',
  'created_at',
  'updated_at',
] as const;
const RULE_BOOLEANS = ['external_access', 'backend_ssl', 'redirect_ssl', 'restrict_cf', 'tcp_lb'] as const;

const toSql = (value: unknown): unknown => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

function toRule(row: Record<string, unknown>): IngressRuleRow {
  for (const key of RULE_BOOLEANS) row[key] = row[key] === 1;
  return row as unknown as IngressRuleRow;
}

/** Tables and queries of the container service. Synchronous: a read-check-write never interleaves. */
export class ContainerStore {
  constructor(readonly db: EmbeddedDatabase) {
    db.exec(CONTAINERS_SCHEMA);
  }

  /** Runs `fn` in one transaction: a throw rolls back everything it wrote. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** A service-level marker such as `containers_seeded`. */
  getMeta(key: string): string | undefined {
    return getMeta(this.db, key);
  }

  setMeta(key: string, value: string): void {
    setMeta(this.db, key, value);
  }

  get(id: number): ContainerRow | undefined {
    return this.db.prepare('SELECT * FROM cs_containers WHERE id = ?').get(id) as ContainerRow | undefined;
  }

  /** Who may see and power a container: admin and the owner of its project. */
  canAccess(viewer: Viewer, container: ContainerRow): boolean {
    return viewer.isAdmin || container.user_id === viewer.userId;
  }

  /** One page of the containers the viewer may see (admin: all), by id, and how many there are in all. */
  list(viewer: Viewer, paging: Paging): { total: number; containers: ContainerRow[] } {
    const where = viewer.isAdmin ? '' : 'WHERE user_id = ?';
    const params = viewer.isAdmin ? [] : [viewer.userId];
    const { total } = this.db.prepare(`SELECT COUNT(*) AS total FROM cs_containers ${where}`).get(...params) as { total: number };
    const containers = this.db
      .prepare(`SELECT * FROM cs_containers ${where} ORDER BY id LIMIT ? OFFSET ?`)
      .all(...params, paging.perPage, paging.offset) as ContainerRow[];
    return { total, containers };
  }

  /** The ingress rules of these container services, by service id, each list by rule id. */
  ingressRules(serviceIds: readonly number[]): Map<number, IngressRuleRow[]> {
    const byService = new Map<number, IngressRuleRow[]>(serviceIds.map((id) => [id, []]));
    if (serviceIds.length === 0) return byService;
    const rows = this.db
      .prepare(`SELECT * FROM cs_container_ingress_rules WHERE container_service_id IN (${serviceIds.map(() => '?').join(', ')}) ORDER BY id`)
      .all(...serviceIds) as Array<Record<string, unknown>>;
    for (const row of rows) byService.get(row.container_service_id as number)?.push(toRule(row));
    return byService;
  }

  /** Every lifecycle event of these containers, by container id, each list in the order it happened. */
  events(containerIds: readonly number[]): Map<number, TimedEvent[]> {
    const byContainer = new Map<number, TimedEvent[]>(containerIds.map((id) => [id, []]));
    if (containerIds.length === 0) return byContainer;
    const rows = this.db
      .prepare(`SELECT * FROM cs_power_events WHERE container_id IN (${containerIds.map(() => '?').join(', ')}) ORDER BY at, id`)
      .all(...containerIds) as PowerEventRow[];
    for (const row of rows) byContainer.get(row.container_id)?.push({ event: row.event, at: row.at });
    return byContainer;
  }

  /** Records an event. Never earlier than the container's last one, so history only grows forward. */
  addEvent(containerId: number, event: LifecycleEvent, at: number): void {
    const last = this.db.prepare('SELECT MAX(at) AS at FROM cs_power_events WHERE container_id = ?').get(containerId) as { at: number | null };
    this.db.prepare('INSERT INTO cs_power_events (container_id, event, at) VALUES (?, ?, ?)').run(containerId, event, Math.max(at, last.at ?? at));
  }

  /** Stores a new container; returns its id. */
  insert(container: NewContainer): number {
    const columns = container.id === undefined ? CONTAINER_COLUMNS : (['id', ...CONTAINER_COLUMNS] as const);
    const result = this.db
      .prepare(`INSERT INTO cs_containers (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
      .run(Object.fromEntries(columns.map((column) => [column, (container as Record<string, unknown>)[column]])));
    return Number(result.lastInsertRowid);
  }

  /** Stores an ingress rule of a container service; returns its id. */
  insertIngressRule(rule: NewIngressRule): number {
    const result = this.db
      .prepare(`INSERT INTO cs_container_ingress_rules (${RULE_COLUMNS.join(', ')}) VALUES (${RULE_COLUMNS.map((c) => `@${c}`).join(', ')})`)
      .run(Object.fromEntries(RULE_COLUMNS.map((column) => [column, toSql(rule[column])])));
    return Number(result.lastInsertRowid);
  }
}
