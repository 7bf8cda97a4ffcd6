import { bool, num as int, objects as list, str, strings, type Raw, upstreamRecord } from '../raw-values.js';
/**
 * Upstream shapes of the container image catalogue (ComputeStacks) and their normalized,
 * camelCase form. The reader is liberal: `min_cpu` arrives as a string (Rails BigDecimal) or a
 * number; show may wrap the object as the document says (`container_images: [...]`) or as the
 * real service does (`container_image: {...}`); unknown fields are ignored.
 */

export const ROLE_CLASSES = ['web', 'database', 'cache', 'dev', 'misc'] as const;
export const ENV_PARAM_TYPES = ['static', 'variable'] as const;
export const SETTING_PARAM_TYPES = ['password', 'static'] as const;
export const INGRESS_PROTOCOLS = ['tcp', 'udp', 'tls'] as const;
export const TCP_PROXY_OPTIONS = ['none', 'send-proxy', 'send-proxy-v2', 'send-proxy-v2-ssl', 'send-proxy-v2-ssl-cn'] as const;
export const BACKUP_STRATEGIES = ['file', 'mysql'] as const;

export interface EnvParamRecord {
  id: number | null;
  name: string;
  label: string | null;
  paramType: string;
  envValue: string | null;
  staticValue: string | null;
}

export interface SettingParamRecord {
  id: number | null;
  name: string;
  label: string | null;
  paramType: string;
  value: string | null;
}

export interface IngressParamRecord {
  id: number | null;
  port: number;
  proto: string;
  backendSsl: boolean;
  externalAccess: boolean;
  tcpProxyOpt: string | null;
}

export interface VolumeRecord {
  id: number | null;
  label: string | null;
  mountPath: string;
  enableSftp: boolean;
  borgEnabled: boolean;
  borgFreq: string | null;
  borgStrategy: string | null;
  borgKeepHourly: number | null;
  borgKeepDaily: number | null;
  borgKeepWeekly: number | null;
  borgKeepMonthly: number | null;
  borgKeepAnnually: number | null;
  borgPreBackup: string[];
  borgPostBackup: string[];
  borgPreRestore: string[];
  borgPostRestore: string[];
  borgRollback: string[];
}

export interface ContainerImageRecord {
  id: number;
  name: string;
  label: string;
  description: string | null;
  active: boolean;
  isLoadBalancer: boolean;
  canScale: boolean;
  command: string | null;
  providerId: number | null;
  domainsBlockId: number | null;
  generalBlockId: number | null;
  remoteBlockId: number | null;
  sshBlockId: number | null;
  iconUrl: string | null;
  imageUrl: string | null;
  isFree: boolean;
  minCpu: number;
  minMemory: number;
  labels: Array<{ key: string; value: string }>;
  registryAuth: boolean;
  registryCustom: string | null;
  registryImagePath: string;
  registryImageTag: string;
  role: string;
  roleClass: string;
  userId: number | null;
  createdAt: string;
  updatedAt: string;
  requiredContainers: number[];
  requiredBy: number[];
  envParams: EnvParamRecord[];
  settingsParams: SettingParamRecord[];
  ingressParams: IngressParamRecord[];
  volumes: VolumeRecord[];
}

const ids = (v: unknown): number[] => (Array.isArray(v) ? v.map(int).filter((x): x is number => x !== null) : []);

function normalizeVolume(raw: Raw): VolumeRecord {
  return {
    id: int(raw.id),
    label: str(raw.label),
    mountPath: str(raw.mount_path) ?? '',
    enableSftp: bool(raw.enable_sftp),
    borgEnabled: bool(raw.borg_enabled),
    borgFreq: str(raw.borg_freq),
    borgStrategy: str(raw.borg_strategy),
    borgKeepHourly: int(raw.borg_keep_hourly),
    borgKeepDaily: int(raw.borg_keep_daily),
    borgKeepWeekly: int(raw.borg_keep_weekly),
    borgKeepMonthly: int(raw.borg_keep_monthly),
    borgKeepAnnually: int(raw.borg_keep_annually),
    borgPreBackup: strings(raw.borg_pre_backup),
    borgPostBackup: strings(raw.borg_post_backup),
    borgPreRestore: strings(raw.borg_pre_restore),
    borgPostRestore: strings(raw.borg_post_restore),
    borgRollback: strings(raw.borg_rollback),
  };
}

export function normalizeContainerImage(value: unknown): ContainerImageRecord {
  const raw = upstreamRecord(value, 'containerImages', 'integer');
  return {
    id: int(raw.id) ?? 0,
    name: str(raw.name) ?? '',
    label: str(raw.label) ?? str(raw.name) ?? '',
    description: str(raw.description),
    active: bool(raw.active),
    isLoadBalancer: bool(raw.is_load_balancer),
    canScale: bool(raw.can_scale),
    command: str(raw.command),
    providerId: int(raw.container_image_provider_id),
    domainsBlockId: int(raw.domains_block_id),
    generalBlockId: int(raw.general_block_id),
    remoteBlockId: int(raw.remote_block_id),
    sshBlockId: int(raw.ssh_block_id),
    iconUrl: str(raw.icon_url),
    imageUrl: str(raw.image_url),
    isFree: bool(raw.is_free),
    minCpu: int(raw.min_cpu) ?? 0,
    minMemory: int(raw.min_memory) ?? 0,
    labels: list(raw.labels).map((l) => ({ key: str(l.key) ?? '', value: str(l.value) ?? '' })),
    registryAuth: bool(raw.registry_auth),
    registryCustom: str(raw.registry_custom),
    registryImagePath: str(raw.registry_image_path) ?? '',
    registryImageTag: str(raw.registry_image_tag) ?? '',
    role: str(raw.role) ?? '',
    roleClass: str(raw.role_class) ?? str(raw.category) ?? 'misc',
    userId: int(raw.user_id),
    createdAt: str(raw.created_at) ?? new Date(0).toISOString(),
    updatedAt: str(raw.updated_at) ?? str(raw.created_at) ?? new Date(0).toISOString(),
    requiredContainers: ids(raw.required_containers),
    requiredBy: ids(raw.required_by),
    envParams: list(raw.container_image_env_params).map((p) => ({
      id: int(p.id),
      name: str(p.name) ?? '',
      label: str(p.label),
      paramType: str(p.param_type) ?? 'static',
      envValue: str(p.env_value),
      staticValue: str(p.static_value),
    })),
    settingsParams: list(raw.container_image_settings_params).map((p) => ({
      id: int(p.id),
      name: str(p.name) ?? '',
      label: str(p.label),
      paramType: str(p.param_type) ?? 'static',
      value: str(p.value),
    })),
    ingressParams: list(raw.container_image_ingress_params).map((p) => ({
      id: int(p.id),
      port: int(p.port) ?? 0,
      proto: str(p.proto) ?? 'tcp',
      backendSsl: bool(p.backend_ssl),
      externalAccess: bool(p.external_access),
      tcpProxyOpt: str(p.tcp_proxy_opt),
    })),
    volumes: list(raw.volumes).map(normalizeVolume),
  };
}

/** List parameters: one scope filter (the API takes one), a label search, page and size. */
export interface ContainerImageListParams {
  page: number;
  perPage: number;
  filter?: 'owned' | 'isLoadBalancer';
  byname?: string;
}

/** The create/update body inside `{"container_image": …}`, in upstream terms. */
export type ContainerImageWriteBody = Record<string, unknown>;
