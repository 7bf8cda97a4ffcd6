import type { EnvParamDraft, IngressParamDraft, RoleClass, SettingParamDraft, TcpProxyOpt, VolumeDraft } from './image.js';

/** One image of the seed catalogue, in a compact form `seed.ts` expands. */
export interface SeedImage {
  label: string;
  /** ComputeStacks user id, or null for a system image. */
  owner: number | null;
  /** @default true */
  active?: boolean;
  role: string;
  roleClass: RoleClass;
  /**
   * `[host/]path:tag` as one writes it for `docker pull`: no host is Docker Hub (provider 1),
   * quay.io provider 2, ghcr.io provider 3, any other host a custom registry.
   */
  image: string;
  cpu: string;
  memory: number;
  lb?: boolean;
  scale?: boolean;
  free?: boolean;
  description: string;
  command?: string;
  imageUrl?: string;
  env?: EnvParamDraft[];
  settings?: SettingParamDraft[];
  ingress?: IngressParamDraft[];
  volumes?: VolumeDraft[];
  labels?: Record<string, string>;
  /** Names (derived from labels) of the images this one requires. */
  requires?: string[];
  /** Users besides the owner who see the image (ComputeStacks' collaborators). */
  sharedWith?: number[];
  blocks?: Partial<Record<'general' | 'remote' | 'ssh' | 'domains', number>>;
}

const labelOf = (name: string): string =>
  name
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

/** A static environment variable. */
export const env = (name: string, value: string): EnvParamDraft => ({ name, label: labelOf(name), param_type: 'static', value });
/** An environment variable filled from a ComputeStacks variable, e.g. `dep.mysql.self.ip`. */
export const variable = (name: string, source: string): EnvParamDraft => ({ name, label: labelOf(name), param_type: 'variable', value: source });
/** A static setting. */
export const setting = (name: string, value: string): SettingParamDraft => ({ name, label: labelOf(name), param_type: 'static', value });
/** A password setting; `seed.ts` fills in a deterministic value. */
export const password = (name: string): SettingParamDraft => ({ name, label: labelOf(name), param_type: 'password', value: null });

const rule = (port: number, proto: IngressParamDraft['proto'], external: boolean, backendSsl = false, opt: TcpProxyOpt = 'none'): IngressParamDraft => ({
  port,
  proto,
  backend_ssl: backendSsl,
  external_access: external,
  tcp_proxy_opt: opt,
});
/** A public web port (HTTP over TCP). */
export const web = (port = 80): IngressParamDraft => rule(port, 'tcp', true);
/** A public HTTPS port, the container speaking TLS itself. */
export const webSsl = (port = 443): IngressParamDraft => rule(port, 'tcp', true, true);
/** A TCP port reachable only inside the project. */
export const tcp = (port: number): IngressParamDraft => rule(port, 'tcp', false);
/** A UDP port reachable only inside the project. */
export const udp = (port: number): IngressParamDraft => rule(port, 'udp', false);
/** A TLS-terminating port of a load balancer, passing the client address on with PROXY v2. */
export const tls = (port = 443, opt: TcpProxyOpt = 'send-proxy-v2'): IngressParamDraft => rule(port, 'tls', true, false, opt);

/** A volume with ComputeStacks' defaults (SFTP on, hourly borg backups keeping one of each) unless overridden. */
export const volume = (label: string, mountPath: string, overrides: Partial<VolumeDraft> = {}): VolumeDraft => ({
  label,
  mount_path: mountPath,
  enable_sftp: true,
  borg_enabled: true,
  borg_freq: '@hourly',
  borg_strategy: 'file',
  borg_keep_hourly: 1,
  borg_keep_daily: 1,
  borg_keep_weekly: 1,
  borg_keep_monthly: 1,
  borg_keep_annually: 1,
  borg_pre_backup: [],
  borg_post_backup: [],
  borg_pre_restore: [],
  borg_post_restore: [],
  borg_rollback: [],
  ...overrides,
});

/** Daily backups kept a week, weekly ones a month: what the catalogue uses for data that matters. */
export const KEEP_WEEK = {
  borg_freq: '@daily',
  borg_keep_hourly: 0,
  borg_keep_daily: 7,
  borg_keep_weekly: 4,
  borg_keep_monthly: 3,
  borg_keep_annually: 0,
} as const;
