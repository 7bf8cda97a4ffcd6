/** ComputeStacks' enums for container images and their params, as the document lists them. */
export const ROLE_CLASSES = ['web', 'database', 'cache', 'dev', 'misc'] as const;
export const ENV_PARAM_TYPES = ['static', 'variable'] as const;
export const SETTING_PARAM_TYPES = ['password', 'static'] as const;
export const INGRESS_PROTOS = ['tcp', 'udp', 'tls'] as const;
export const TCP_PROXY_OPTS = ['none', 'send-proxy', 'send-proxy-v2', 'send-proxy-v2-ssl', 'send-proxy-v2-ssl-cn'] as const;
export const BORG_STRATEGIES = ['file', 'mysql'] as const;

export type RoleClass = (typeof ROLE_CLASSES)[number];
type EnvParamType = (typeof ENV_PARAM_TYPES)[number];
type SettingParamType = (typeof SETTING_PARAM_TYPES)[number];
type IngressProto = (typeof INGRESS_PROTOS)[number];
export type TcpProxyOpt = (typeof TCP_PROXY_OPTS)[number];
type BorgStrategy = (typeof BORG_STRATEGIES)[number];

/** Registry providers an image may name in `container_image_provider_id` (ComputeStacks' seeded ones). */
export const IMAGE_PROVIDERS: Readonly<Record<number, string>> = { 1: 'DockerHub', 2: 'Quay', 3: 'GitHub Container Registry' };
export const DEFAULT_PROVIDER_ID = 1;

/** The columns a caller may write (Rails' permitted params); is_free and override_autoremove only as admin. */
export interface WritableColumns {
  label: string;
  description: string | null;
  active: boolean;
  can_scale: boolean;
  command: string | null;
  container_image_provider_id: number | null;
  is_free: boolean;
  override_autoremove: boolean;
  min_cpu: string;
  min_memory: number;
  registry_auth: boolean;
  registry_custom: string | null;
  registry_image_path: string;
  registry_image_tag: string;
  registry_username: string | null;
  registry_password: string | null;
  role: string;
  role_class: string;
}

/** One `cs_container_images` row, typed. Times are epoch milliseconds; min_cpu is decimal text. */
export interface ImageColumns extends WritableColumns {
  id: number;
  name: string;
  is_load_balancer: boolean;
  image_url: string | null;
  domains_block_id: number | null;
  general_block_id: number | null;
  remote_block_id: number | null;
  ssh_block_id: number | null;
  user_id: number | null;
  created_at: number;
  updated_at: number;
}

export interface EnvParamDraft {
  name: string;
  label: string;
  param_type: EnvParamType;
  /** `env_value` for a variable param, `static_value` for a static one (ComputeStacks keeps one column). */
  value: string | null;
}

export interface SettingParamDraft {
  name: string;
  label: string;
  param_type: SettingParamType;
  value: string | null;
}

export interface IngressParamDraft {
  port: number;
  proto: IngressProto;
  backend_ssl: boolean;
  external_access: boolean;
  tcp_proxy_opt: TcpProxyOpt;
}

export const BORG_HOOKS = ['borg_pre_backup', 'borg_post_backup', 'borg_pre_restore', 'borg_post_restore', 'borg_rollback'] as const;
type BorgHook = (typeof BORG_HOOKS)[number];

export interface VolumeDraft extends Record<BorgHook, string[]> {
  label: string;
  mount_path: string;
  enable_sftp: boolean;
  borg_enabled: boolean;
  borg_freq: string;
  borg_strategy: BorgStrategy;
  borg_keep_hourly: number;
  borg_keep_daily: number;
  borg_keep_weekly: number;
  borg_keep_monthly: number;
  borg_keep_annually: number;
}

/** The nested params of a new image. */
export interface NestedDrafts {
  env: EnvParamDraft[];
  settings: SettingParamDraft[];
  ingress: IngressParamDraft[];
  volumes: VolumeDraft[];
}

/** A stored nested row: its draft plus id and times. */
export type Stored<T> = T & { id: number; created_at: number; updated_at: number };

/** An image with everything hanging off it, as the API shows it. */
export interface ContainerImage extends ImageColumns {
  labels: Array<{ key: string; value: string }>;
  env_params: Array<Stored<EnvParamDraft>>;
  setting_params: Array<Stored<SettingParamDraft>>;
  ingress_params: Array<Stored<IngressParamDraft>>;
  volumes: Array<Stored<VolumeDraft>>;
  /** Ids of the images this one requires, ascending. */
  required_containers: number[];
  /** Ids of the images that require this one, ascending. */
  required_by: number[];
}

/** Column defaults of a new image (ComputeStacks' schema.rb). */
export const IMAGE_DEFAULTS: WritableColumns = {
  label: '',
  description: null,
  active: true,
  can_scale: false,
  command: null,
  container_image_provider_id: DEFAULT_PROVIDER_ID,
  is_free: false,
  override_autoremove: false,
  min_cpu: '0.0',
  min_memory: 0,
  registry_auth: false,
  registry_custom: null,
  registry_image_path: '',
  registry_image_tag: '',
  registry_username: null,
  registry_password: null,
  role: '',
  role_class: '',
};

/** Rails' `parameterize` as ComputeStacks derives `name` from `label`: lowercase, non-alphanumerics to single dashes. */
export function slugOf(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'image' : slug;
}
