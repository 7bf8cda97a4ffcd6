import type { BackendKey } from '../backend-keys.js';

/**
 * The GraphQL API's names for what a backend's messages call by its own: a client that sent
 * `diskFormat` reads about `diskFormat`, never `disk_format`. Most backend names are the
 * snake_case of the GraphQL name; these are the ones that are not (and the REST paths a message
 * may point at).
 */
const RENAMED: Readonly<Record<BackendKey, Readonly<Record<string, string>>>> = {
  vmImages: {},
  ciImages: {},
  containerImages: {
    container_image_provider_id: 'providerId',
    required_containers: 'requiredContainerIds',
    dependency_parents: 'requiredContainerIds',
    setting_params: 'settingsParams',
    borg_enabled: 'backupEnabled',
    borg_freq: 'backupFrequency',
    borg_strategy: 'backupStrategy',
    borg_keep_hourly: 'keepHourly',
    borg_keep_daily: 'keepDaily',
    borg_keep_weekly: 'keepWeekly',
    borg_keep_monthly: 'keepMonthly',
    borg_keep_annually: 'keepAnnually',
    borg_pre_backup: 'preBackup',
    borg_post_backup: 'postBackup',
    borg_pre_restore: 'preRestore',
    borg_post_restore: 'postRestore',
    borg_rollback: 'rollback',
  },
  containers: {},
  serverless: { desiredGPUs: 'gpuModels', 'GET /v1/gpu-models': 'the gpuModels query' },
};

const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const PATTERNS = Object.fromEntries(
  Object.entries(RENAMED).map(([backend, names]) => {
    const keys = Object.keys(names).sort((a, b) => b.length - a.length);
    return [backend, keys.length ? new RegExp(`(?<![\\w/])(${keys.map(escapeRegExp).join('|')})(?![\\w/-])`, 'g') : undefined];
  }),
) as Record<BackendKey, RegExp | undefined>;

/** One backend field name as the GraphQL API calls it. */
export function graphqlName(backend: BackendKey, name: string): string {
  return RENAMED[backend][name] ?? camel(name);
}

/** A backend's message with its names replaced by the GraphQL API's. */
export function inGraphqlNames(backend: BackendKey, text: string): string {
  const renamed = PATTERNS[backend] ? text.replace(PATTERNS[backend], (name) => RENAMED[backend][name]!) : text;
  return renamed.replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, camel);
}
