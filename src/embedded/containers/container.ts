import type { LifecycleEvent } from '../simulation.js';

/** What runs inside a container: decides its log lines, processes and resource use (profiles.ts). */
const WORKLOAD_KINDS = ['nginx', 'wordpress', 'postgres', 'mariadb', 'redis', 'node', 'python', 'go', 'worker', 'haproxy'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export const INGRESS_PROTOS = ['http', 'tcp', 'tls', 'udp'] as const;
export type IngressProto = (typeof INGRESS_PROTOS)[number];

/** One `cs_containers` row, typed. Times are epoch milliseconds. */
export interface ContainerRow {
  id: number;
  name: string;
  /** The ComputeStacks user owning the container's project. */
  user_id: number;
  project_id: number;
  container_service_id: number;
  container_image_id: number;
  kind: WorkloadKind;
  /** The container's CPU allowance in cores: 100 % CPU is all of it. */
  cpu_cores: number;
  /** The container's memory limit: `stats.mem` is a percentage of it. */
  memory_mb: number;
  local_ip: string;
  public_ip: string | null;
  created_at: number;
  updated_at: number;
}

/** One ingress rule of a container service; every container of the service shows it. */
export interface IngressRuleRow {
  id: number;
  container_service_id: number;
  port: number;
  port_nat: number;
  proto: IngressProto;
  external_access: boolean;
  backend_ssl: boolean;
  tcp_proxy_opt: string;
  redirect_ssl: boolean;
  restrict_cf: boolean;
  tcp_lb: boolean;
  created_at: number;
  updated_at: number;
}

/** One stored lifecycle event of a container. */
export interface PowerEventRow {
  id: number;
  container_id: number;
  event: LifecycleEvent;
  at: number;
}
