import { randomBytes } from 'node:crypto';
import { castBoolean, isBlank, readInteger } from '../compute-stacks/params.js';
import { isObject } from '../http.js';
import {
  BORG_HOOKS,
  BORG_STRATEGIES,
  ENV_PARAM_TYPES,
  INGRESS_PROTOS,
  SETTING_PARAM_TYPES,
  TCP_PROXY_OPTS,
  type EnvParamDraft,
  type IngressParamDraft,
  type NestedDrafts,
  type SettingParamDraft,
  type VolumeDraft,
} from './image.js';

type Item = Readonly<Record<string, unknown>>;

/**
 * Reads one nested item's fields, pushing Rails' nested full messages ("Env params name can't be
 * blank") to `errors`. Values of the wrong type count as invalid, never as silently dropped.
 */
class ItemReader {
  constructor(
    private readonly item: Item,
    private readonly prefix: string,
    private readonly errors: string[],
  ) {}

  private fail(field: string, message: string): void {
    this.errors.push(`${this.prefix} ${field.replace(/_/g, ' ')} ${message}`);
  }

  /** A string (numbers are taken as text); null when absent or invalid. */
  string(field: string, required = false): string | null {
    const raw = this.item[field];
    if (required && isBlank(raw)) {
      this.fail(field, "can't be blank");
      return null;
    }
    if (raw === undefined || raw === null) return null;
    if (typeof raw === 'number') return String(raw);
    if (typeof raw !== 'string') {
      this.fail(field, 'must be a string');
      return null;
    }
    return raw;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], fallback: T | undefined): T {
    const raw = this.item[field] ?? fallback;
    if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) this.fail(field, 'is not included in the list');
    return raw as T;
  }

  boolean(field: string, fallback: boolean): boolean {
    const raw = this.item[field];
    if (raw === undefined || raw === null) return fallback;
    const value = castBoolean(raw);
    if (value === undefined) this.fail(field, 'must be true or false');
    return value ?? fallback;
  }

  integer(field: string, fallback: number | undefined, min: number, max: number): number {
    const raw = this.item[field];
    if (raw === undefined || raw === null || raw === '') {
      if (fallback === undefined) this.fail(field, "can't be blank");
      return fallback ?? 0;
    }
    const read = readInteger(raw);
    if (!read.ok) this.fail(field, read.message);
    else if (read.value < min) this.fail(field, `must be greater than or equal to ${min}`);
    else if (read.value > max) this.fail(field, `must be less than or equal to ${max}`);
    return read.ok ? read.value : 0;
  }

  strings(field: string): string[] {
    const raw = this.item[field];
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw) || !raw.every((entry) => typeof entry === 'string')) {
      this.fail(field, 'must be an array of strings');
      return [];
    }
    return [...raw];
  }
}

/** A generated password for a `password` setting param: 24 URL-safe characters. */
function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

const CRON_FIELD = /^(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?(,(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?)*$/;
const CRON_SHORTHANDS = new Set(['@hourly', '@midnight', '@daily', '@weekly', '@monthly']);

function isBorgFrequency(value: string): boolean {
  const trimmed = value.trim();
  if (CRON_SHORTHANDS.has(trimmed)) return true;
  const fields = trimmed.split(/\s+/);
  return fields.length === 5 && fields.every((field) => CRON_FIELD.test(field));
}

/** ComputeStacks' `safe_mount`: no empty segments, spaces to underscores, no characters unsafe in file names, a leading slash. */
function safeMount(path: string): string {
  const segments = path
    .split('/')
    .filter((segment) => segment.trim() !== '')
    .map((segment) =>
      segment
        .trim()
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what it removes
        .replace(/[\u0000-\u001f<>:"\\|?*]/g, '')
        .replace(/ /g, '_'),
    );
  return `/${segments.join('/')}`;
}

function readEnv(item: ItemReader): EnvParamDraft {
  const name = item.string('name', true) ?? '';
  const label = item.string('label') || name;
  const paramType = item.oneOf('param_type', ENV_PARAM_TYPES, 'static');
  const envValue = item.string('env_value');
  const staticValue = item.string('static_value');
  return { name, label, param_type: paramType, value: paramType === 'static' ? staticValue : envValue };
}

function readSetting(item: ItemReader): SettingParamDraft {
  const name = item.string('name', true) ?? '';
  const label = item.string('label') || name;
  const paramType = item.oneOf('param_type', SETTING_PARAM_TYPES, 'static');
  const given = item.string('value');
  // A password is always generated; whatever the caller sent is ignored.
  return { name, label, param_type: paramType, value: paramType === 'password' ? generatePassword() : given };
}

function readIngress(item: ItemReader): IngressParamDraft {
  return {
    port: item.integer('port', undefined, 1, 65_535),
    proto: item.oneOf('proto', INGRESS_PROTOS, undefined),
    backend_ssl: item.boolean('backend_ssl', false),
    external_access: item.boolean('external_access', false),
    tcp_proxy_opt: item.oneOf('tcp_proxy_opt', TCP_PROXY_OPTS, 'none'),
  };
}

function readVolume(item: ItemReader, errors: string[]): VolumeDraft {
  const label = item.string('label', true) ?? '';
  const mountPath = item.string('mount_path', true);
  const borgFreq = item.string('borg_freq') ?? '@hourly';
  if (!isBorgFrequency(borgFreq)) errors.push('Volumes borg freq invalid frequency syntax');
  const hooks = Object.fromEntries(BORG_HOOKS.map((hook) => [hook, item.strings(hook)])) as Pick<VolumeDraft, (typeof BORG_HOOKS)[number]>;
  return {
    label,
    mount_path: mountPath === null ? '' : safeMount(mountPath),
    enable_sftp: item.boolean('enable_sftp', true),
    borg_enabled: item.boolean('borg_enabled', true),
    borg_freq: borgFreq.trim(),
    borg_strategy: item.oneOf('borg_strategy', BORG_STRATEGIES, 'file'),
    // BorgPolicy's bounds: fewer than 25 hourly, 8 daily, 5 weekly, 25 monthly backups.
    borg_keep_hourly: item.integer('borg_keep_hourly', 1, 0, 24),
    borg_keep_daily: item.integer('borg_keep_daily', 1, 0, 7),
    borg_keep_weekly: item.integer('borg_keep_weekly', 1, 0, 4),
    borg_keep_monthly: item.integer('borg_keep_monthly', 1, 0, 24),
    borg_keep_annually: item.integer('borg_keep_annually', 1, 0, 100),
    ...hooks,
  };
}

interface Kind {
  /** The document's form: a plain array of objects (Rails also takes an index-keyed object). */
  attributes: readonly string[];
  /** The real form: `[{ "<item>": {...} }]`. */
  list: string;
  item: string;
  prefix: string;
}

const ENV: Kind = { attributes: ['env_params_attributes'], list: 'env_params', item: 'env_param', prefix: 'Env params' };
const SETTINGS: Kind = { attributes: ['setting_params_attributes'], list: 'setting_params', item: 'setting_param', prefix: 'Setting params' };
const INGRESS: Kind = { attributes: ['ingress_params_attributes'], list: 'ingress_params', item: 'ingress_param', prefix: 'Ingress params' };
// The document says volume_attributes; ComputeStacks' controller permits volumes_attributes.
const VOLUMES: Kind = { attributes: ['volume_attributes', 'volumes_attributes'], list: 'volumes', item: 'volume', prefix: 'Volumes' };

/** Every item of one kind, from both forms, unwrapped; a malformed list or item is "<Kind> is invalid". */
function itemsOf(params: Readonly<Record<string, unknown>>, kind: Kind, errors: string[]): ItemReader[] {
  const items: ItemReader[] = [];
  for (const key of [...kind.attributes, kind.list]) {
    const raw = params[key];
    if (raw === undefined || raw === null) continue;
    const entries = Array.isArray(raw) ? raw : isObject(raw) && kind.attributes.includes(key) ? Object.values(raw) : undefined;
    if (entries === undefined) {
      errors.push(`${kind.prefix} is invalid`);
      continue;
    }
    for (const entry of entries) {
      const wrapped = isObject(entry) && isObject(entry[kind.item]) ? entry[kind.item] : entry;
      if (!isObject(wrapped)) errors.push(`${kind.prefix} is invalid`);
      else items.push(new ItemReader(wrapped, kind.prefix, errors));
    }
  }
  return items;
}

/**
 * Reads the nested params of a create body, in the document's form (`env_params_attributes`,
 * `setting_params_attributes`, `ingress_params_attributes`, `volume_attributes`: arrays of
 * objects) and the real one (`env_params: [{"env_param": {...}}]`, likewise `setting_params`,
 * `ingress_params`, `volumes`), validating enums, types and uniqueness within the image.
 */
export function readNestedParams(params: Readonly<Record<string, unknown>>, errors: string[]): NestedDrafts {
  const env = itemsOf(params, ENV, errors).map(readEnv);
  const settings = itemsOf(params, SETTINGS, errors).map(readSetting);
  const ingress = itemsOf(params, INGRESS, errors).map(readIngress);
  const volumes = itemsOf(params, VOLUMES, errors).map((item) => readVolume(item, errors));
  const ports = new Set<string>();
  for (const rule of ingress) {
    const key = `${rule.port}/${rule.proto}`;
    if (ports.has(key)) errors.push('Ingress params port is already assigned to container image');
    ports.add(key);
  }
  const mounts = new Set<string>();
  for (const volume of volumes) {
    if (volume.mount_path !== '' && mounts.has(volume.mount_path)) errors.push('Volumes mount path already exists');
    mounts.add(volume.mount_path);
  }
  return { env, settings, ingress, volumes };
}
