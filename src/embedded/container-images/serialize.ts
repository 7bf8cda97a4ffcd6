import { formatRailsTime } from '../time.js';
import type { ContainerImage } from './image.js';

/** What ComputeStacks shows when an image has no picture of its own. */
export const DEFAULT_ICON_URL = '/assets/icons/stacks/docker.png';

const times = (row: { created_at: number; updated_at: number }) => ({
  created_at: formatRailsTime(row.created_at),
  updated_at: formatRailsTime(row.updated_at),
});

/**
 * The image object of ComputeStacks' API: every field of the document (min_cpu a BigDecimal
 * string, times like `2021-03-11T21:55:51.000+00:00`, user_id null for system images), plus
 * `registry_username` as the real view shows it and, as documented extensions so a create can be
 * read back whole, `container_image_ingress_params` and `volumes`. `registry_password` is write-only.
 */
export function toCsImage(image: ContainerImage): Record<string, unknown> {
  return {
    id: image.id,
    active: image.active,
    is_load_balancer: image.is_load_balancer,
    can_scale: image.can_scale,
    command: image.command,
    container_image_provider_id: image.container_image_provider_id,
    description: image.description,
    domains_block_id: image.domains_block_id,
    general_block_id: image.general_block_id,
    icon_url: image.image_url ?? DEFAULT_ICON_URL,
    image_url: image.image_url,
    is_free: image.is_free,
    label: image.label,
    min_cpu: image.min_cpu,
    labels: image.labels.map(({ key, value }) => ({ key, value })),
    min_memory: image.min_memory,
    name: image.name,
    registry_auth: image.registry_auth,
    registry_custom: image.registry_custom,
    registry_image_path: image.registry_image_path,
    registry_image_tag: image.registry_image_tag,
    registry_username: image.registry_username,
    remote_block_id: image.remote_block_id,
    role: image.role,
    role_class: image.role_class,
    ssh_block_id: image.ssh_block_id,
    user_id: image.user_id,
    ...times(image),
    required_containers: image.required_containers,
    required_by: image.required_by,
    container_image_env_params: image.env_params.map((param) => ({
      id: param.id,
      name: param.name,
      label: param.label,
      param_type: param.param_type,
      env_value: param.param_type === 'static' ? null : param.value,
      static_value: param.param_type === 'static' ? param.value : null,
      updated_at: formatRailsTime(param.updated_at),
      created_at: formatRailsTime(param.created_at),
    })),
    container_image_settings_params: image.setting_params.map((param) => ({
      id: param.id,
      name: param.name,
      label: param.label,
      param_type: param.param_type,
      value: param.value,
      updated_at: formatRailsTime(param.updated_at),
      created_at: formatRailsTime(param.created_at),
    })),
    container_image_ingress_params: image.ingress_params.map((param) => ({
      id: param.id,
      port: param.port,
      proto: param.proto,
      backend_ssl: param.backend_ssl,
      external_access: param.external_access,
      tcp_proxy_opt: param.tcp_proxy_opt,
      ...times(param),
    })),
    volumes: image.volumes.map((volume) => ({
      id: volume.id,
      label: volume.label,
      mount_path: volume.mount_path,
      enable_sftp: volume.enable_sftp,
      borg_enabled: volume.borg_enabled,
      borg_freq: volume.borg_freq,
      borg_strategy: volume.borg_strategy,
      borg_keep_hourly: volume.borg_keep_hourly,
      borg_keep_daily: volume.borg_keep_daily,
      borg_keep_weekly: volume.borg_keep_weekly,
      borg_keep_monthly: volume.borg_keep_monthly,
      borg_keep_annually: volume.borg_keep_annually,
      borg_pre_backup: volume.borg_pre_backup,
      borg_post_backup: volume.borg_post_backup,
      borg_pre_restore: volume.borg_pre_restore,
      borg_post_restore: volume.borg_post_restore,
      borg_rollback: volume.borg_rollback,
      ...times(volume),
    })),
  };
}
