import { num, obj, objects, str, strings, type Raw, upstreamRecord } from '../raw-values.js';

/**
 * Upstream shapes of the serverless container service (Quasarch) and their normalized form.
 * A container is `{id, name, createdBy, image, cpu, ram, gpu, ephemeralStorage, command,
 * arguments, env: {K: v}, port: "80", dateCreated, dateUpdated, status, urls, desiredGPUs}`;
 * `dateUpdated` is Go's zero time until the first update. A revision is `{containerID,
 * revisionNumber, image, dateCreated}`; the embedded service adds the revision's whole spec,
 * its `status` and `serving`, which a real service may leave out, so all of those are optional.
 */

export const SERVERLESS_STATUSES = ['deploying', 'deployed', 'failed'] as const;
export const REVISION_STATUSES = ['deploying', 'ready', 'failed'] as const;

/** What Go's encoding/json prints for a zero `time.Time`. */
const ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/;

export interface EnvVarRecord {
  name: string;
  value: string;
}

/** What a container runs: a container's current spec, or one revision's. */
export interface ServerlessSpecRecord {
  image: string;
  cpu: number | null;
  ram: string | null;
  gpu: number | null;
  ephemeralStorage: string | null;
  command: string | null;
  arguments: string[] | null;
  env: EnvVarRecord[];
  port: string | null;
  desiredGPUs: string[] | null;
}

export interface ServerlessContainerRecord extends ServerlessSpecRecord {
  id: string;
  name: string;
  createdBy: string | null;
  dateCreated: string | null;
  /** Null until the first update (the upstream sends the zero time). */
  dateUpdated: string | null;
  status: string;
  urls: string[];
}

export interface RevisionRecord {
  containerId: string;
  number: number;
  image: string;
  dateCreated: string | null;
  /** The revision's own spec, when the service sends it (the embedded one does). */
  spec: ServerlessSpecRecord | null;
  status: string | null;
  serving: boolean | null;
}

export interface GpuModelRecord {
  code: string;
  name: string;
}

/** One page of a `{items, total, page, rowsPerPage}` list. */
export interface QuasarchPage<T> {
  items: T[];
  total: number | undefined;
  /** Another page follows: from `total` when sent, else from a full page. */
  hasNext: boolean;
}

const time = (value: unknown): string | null => {
  const text = str(value);
  return text === null || ZERO_TIME.test(text) ? null : text;
};

function env(value: unknown): EnvVarRecord[] {
  const map = obj(value);
  if (!map) return [];
  return Object.entries(map)
    .filter((entry): entry is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof entry[1]))
    .map(([name, v]) => ({ name, value: String(v) }));
}

function spec(raw: Raw): ServerlessSpecRecord {
  return {
    image: str(raw.image) ?? '',
    cpu: num(raw.cpu),
    ram: str(raw.ram),
    gpu: num(raw.gpu),
    ephemeralStorage: str(raw.ephemeralStorage),
    command: str(raw.command),
    arguments: Array.isArray(raw.arguments) ? strings(raw.arguments) : null,
    env: env(raw.env),
    port: raw.port === null || raw.port === undefined ? null : String(raw.port),
    desiredGPUs: Array.isArray(raw.desiredGPUs) ? strings(raw.desiredGPUs) : null,
  };
}

export function normalizeServerlessContainer(value: unknown): ServerlessContainerRecord {
  const raw = upstreamRecord(value, 'serverless', 'string');
  return {
    ...spec(raw),
    id: str(raw.id) ?? '',
    name: str(raw.name) ?? '',
    createdBy: str(raw.createdBy),
    dateCreated: time(raw.dateCreated),
    dateUpdated: time(raw.dateUpdated),
    status: str(raw.status) ?? 'deploying',
    urls: strings(raw.urls),
  };
}

export function normalizeRevision(raw: Raw, containerId: string): RevisionRecord {
  // Only the embedded service sends a revision's spec: a cpu or ram field says it is there.
  const hasSpec = 'cpu' in raw || 'ram' in raw;
  return {
    containerId: str(raw.containerID) ?? str(raw.containerId) ?? containerId,
    number: num(raw.revisionNumber) ?? 0,
    image: str(raw.image) ?? '',
    dateCreated: time(raw.dateCreated),
    spec: hasSpec ? spec(raw) : null,
    status: str(raw.status),
    serving: typeof raw.serving === 'boolean' ? raw.serving : null,
  };
}

export function normalizeGpuModel(raw: Raw): GpuModelRecord {
  return { code: str(raw.code) ?? '', name: str(raw.name) ?? str(raw.code) ?? '' };
}

/** Page `page` (from 1) of `rows` as `{items, total}`; also a bare array, for a service that sends one. */
export function readPage<T>(body: unknown, normalize: (raw: Raw) => T, page: number, rows: number): QuasarchPage<T> {
  if (Array.isArray(body)) return { items: objects(body).map(normalize), total: undefined, hasNext: body.length >= rows };
  const list = obj(body) ?? {};
  const items = objects(list.items).map(normalize);
  const total = num(list.total) ?? undefined;
  return { items, total, hasNext: total === undefined ? items.length >= rows : page * rows < total };
}
