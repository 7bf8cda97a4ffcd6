import { bool, num, str, type Raw, upstreamRecord } from '../raw-values.js';
/**
 * Upstream shapes of the containers service (ComputeStacks) and their normalized form. Logs
 * come as `[epoch_seconds, name, line]` triples, processes as `ps` rows whose numbers may be
 * strings, metrics as `{"stats": [[iso_time, value], ...]}`; the reader accepts all of that.
 */

export const POWER_ACTIONS = ['start', 'stop', 'restart', 'rebuild'] as const;
export type PowerAction = (typeof POWER_ACTIONS)[number];
export const CURRENT_STATES = ['migrating', 'starting', 'stopping', 'working', 'alert', 'resource_usage', 'online', 'offline', 'unhealthy'] as const;
export const REQUESTED_STATES = ['running', 'stopped'] as const;
export const INGRESS_RULE_PROTOCOLS = ['http', 'tcp', 'tls', 'udp'] as const;

export interface IngressRuleRecord {
  id: number;
  port: number;
  portNat: number | null;
  proto: string;
  externalAccess: boolean;
  backendSsl: boolean;
  tcpProxyOpt: string | null;
  redirectSsl: boolean;
  restrictCloudflare: boolean;
  tcpLoadBalancer: boolean;
  domainsUrl: string | null;
}

export interface ContainerRecord {
  id: number;
  name: string;
  reqState: string;
  currentState: string;
  cpuPercent: number | null;
  memoryPercent: number | null;
  localIp: string | null;
  publicIp: string | null;
  projectId: number | null;
  serviceId: number | null;
  imageId: number | null;
  createdAt: string;
  updatedAt: string;
  ingressRules: IngressRuleRecord[];
}

export interface LogLineRecord {
  /** Epoch milliseconds. */
  time: number;
  containerName: string;
  message: string;
}

export interface ProcessRecord {
  uid: string;
  pid: number;
  ppid: number;
  cpu: number;
  startTime: string;
  tty: string;
  time: string;
  command: string;
}

export interface MetricRecord {
  time: string;
  value: number;
}

function normalizeRule(raw: Raw): IngressRuleRecord {
  const rule = (raw.ingress_rule && typeof raw.ingress_rule === 'object' ? raw.ingress_rule : raw) as Raw;
  const links = (rule.links ?? {}) as Raw;
  return {
    id: num(rule.id) ?? 0,
    port: num(rule.port) ?? 0,
    portNat: num(rule.port_nat),
    proto: str(rule.proto) ?? 'tcp',
    externalAccess: bool(rule.external_access),
    backendSsl: bool(rule.backend_ssl),
    tcpProxyOpt: str(rule.tcp_proxy_opt),
    redirectSsl: bool(rule.redirect_ssl),
    restrictCloudflare: bool(rule.restrict_cf),
    tcpLoadBalancer: bool(rule.tcp_lb),
    domainsUrl: str(links.domains),
  };
}

export function normalizeContainer(value: unknown): ContainerRecord {
  const raw = upstreamRecord(value, 'containers', 'integer');
  const stats = (raw.stats ?? {}) as Raw;
  return {
    id: num(raw.id) ?? 0,
    name: str(raw.name) ?? '',
    reqState: str(raw.req_state) ?? 'stopped',
    currentState: str(raw.current_state) ?? 'offline',
    cpuPercent: num(stats.cpu),
    memoryPercent: num(stats.mem),
    localIp: str(raw.local_ip),
    publicIp: str(raw.public_ip),
    projectId: num(raw.project_id),
    serviceId: num(raw.container_service_id),
    imageId: num(raw.container_image_id),
    createdAt: str(raw.created_at) ?? new Date(0).toISOString(),
    updatedAt: str(raw.updated_at) ?? str(raw.created_at) ?? new Date(0).toISOString(),
    ingressRules: Array.isArray(raw.ingress_rules) ? raw.ingress_rules.filter((r): r is Raw => r !== null && typeof r === 'object').map(normalizeRule) : [],
  };
}

export function normalizeLogLine(raw: unknown): LogLineRecord | null {
  if (!Array.isArray(raw) || raw.length < 3) return null;
  const seconds = num(raw[0]);
  if (seconds === null) return null;
  return { time: Math.round(seconds * 1000), containerName: String(raw[1] ?? ''), message: String(raw[2] ?? '') };
}

export function normalizeProcess(raw: Raw): ProcessRecord {
  return {
    uid: String(raw.UID ?? ''),
    pid: num(raw.PID) ?? 0,
    ppid: num(raw.PPID) ?? 0,
    cpu: num(raw.C) ?? 0,
    startTime: String(raw.STIME ?? ''),
    tty: String(raw.TTY ?? '?'),
    time: String(raw.TIME ?? ''),
    command: String(raw.CMD ?? ''),
  };
}

export function normalizeMetric(raw: unknown): MetricRecord | null {
  if (!Array.isArray(raw) || raw.length < 2) return null;
  const value = num(raw[1]);
  return typeof raw[0] === 'string' && value !== null ? { time: raw[0], value } : null;
}
