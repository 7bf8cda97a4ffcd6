import { formatRailsTime } from '../time.js';
import type { ContainerActivity } from './activity.js';
import type { IngressRuleRow } from './container.js';

/** ComputeStacks' region of every embedded container (it has one region). */
const REGION_ID = 1;
/** The region's load balancer: where external rules of a container without its own public IP are reached. */
const LOAD_BALANCER_IP = '198.51.100.10';

/**
 * An ingress rule as `Containers::ContainerNetworking#api_ingress_rules` shows it: the rule's
 * own fields, its links, and the public address it is reachable on (null unless external).
 */
function toCsIngressRule(rule: IngressRuleRow, publicIp: string | null): Record<string, unknown> {
  return {
    id: rule.id,
    port: rule.port,
    port_nat: rule.port_nat,
    proto: rule.proto,
    external_access: rule.external_access,
    backend_ssl: rule.backend_ssl,
    tcp_proxy_opt: rule.tcp_proxy_opt,
    redirect_ssl: rule.redirect_ssl,
    restrict_cf: rule.restrict_cf,
    tcp_lb: rule.tcp_lb,
    created_at: formatRailsTime(rule.created_at),
    updated_at: formatRailsTime(rule.updated_at),
    region_id: REGION_ID,
    container_service_id: rule.container_service_id,
    load_balancer_rule_id: null,
    internal_load_balancer_id: null,
    load_balanced_rules: [],
    links: { domains: `/api/network/ingress_rules/${rule.id}/domains` },
    public_ip: rule.external_access ? publicIp : null,
  };
}

/**
 * The container object of ComputeStacks' API (`api/containers/_container.rabl`): state and stats
 * as of the activity's `now`, Rails times, the service's ingress rules, relative links; plus
 * `container_image_id` (an extension: which catalogue image it runs).
 */
export function toCsContainer(activity: ContainerActivity, rules: readonly IngressRuleRow[]): Record<string, unknown> {
  const container = activity.container;
  return {
    id: container.id,
    name: container.name,
    req_state: activity.reqState,
    stats: activity.stats,
    current_state: activity.currentState,
    local_ip: container.local_ip,
    public_ip: container.public_ip,
    created_at: formatRailsTime(container.created_at),
    updated_at: formatRailsTime(activity.updatedAt),
    project_id: container.project_id,
    container_service_id: container.container_service_id,
    container_image_id: container.container_image_id,
    ingress_rules: rules.map((rule) => toCsIngressRule(rule, container.public_ip ?? LOAD_BALANCER_IP)),
    links: {
      container_service: `/api/container_services/${container.container_service_id}`,
      logs: `/api/containers/${container.id}/logs`,
      project: `/api/projects/${container.project_id}`,
    },
  };
}
