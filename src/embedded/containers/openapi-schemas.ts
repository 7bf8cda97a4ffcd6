import { flag, int64, nullableInt64, text, arrayOf, extension, object, ref, type Schema } from '../openapi.js';
import { railsTime } from '../compute-stacks/openapi.js';
import { LIFECYCLE_STATES } from '../simulation.js';
import { INGRESS_PROTOS } from './container.js';

/** The component schemas of the container service's OpenAPI document (openapi.ts): the container, its ingress rules, processes, log entries and samples. */

export const INGRESS_RULE = object(
  {
    id: int64('The rule id.'),
    port: { type: 'integer', description: 'The container port.' },
    port_nat: { type: 'integer', description: 'The NAT port (0 when none).' },
    proto: { type: 'string', enum: [...INGRESS_PROTOS], description: 'The protocol.' },
    external_access: flag('Whether the rule is reachable from outside.'),
    backend_ssl: flag('Whether the backend speaks TLS.'),
    tcp_proxy_opt: text('PROXY protocol option (`none`, `send-proxy`, `send-proxy-v2`, `send-proxy-v2-ssl`, `send-proxy-v2-ssl-cn`).'),
    redirect_ssl: flag('Whether HTTP redirects to HTTPS.'),
    restrict_cf: flag('If true, only CloudFlare may connect.'),
    tcp_lb: flag('Whether the load balancer proxies TCP.'),
    created_at: railsTime('Creation time'),
    updated_at: railsTime('Last change'),
    region_id: int64('The region.'),
    container_service_id: int64('The container service the rule belongs to.'),
    load_balancer_rule_id: nullableInt64('A load balancer rule, if any.'),
    internal_load_balancer_id: nullableInt64('An internal load balancer, if any.'),
    load_balanced_rules: arrayOf({ type: 'integer', format: 'int64' }, { description: 'Rules balanced by this one (ids).' }),
    links: object({ domains: text("Path of the rule's domains.") }, ['domains']),
    public_ip: {
      type: 'string',
      nullable: true,
      description: "Where the rule is reached: the container's public IP, else the region load balancer's; null unless external.",
    },
  },
  [
    'id',
    'port',
    'port_nat',
    'proto',
    'external_access',
    'backend_ssl',
    'tcp_proxy_opt',
    'redirect_ssl',
    'restrict_cf',
    'tcp_lb',
    'created_at',
    'updated_at',
    'region_id',
    'container_service_id',
    'load_balancer_rule_id',
    'internal_load_balancer_id',
    'load_balanced_rules',
    'links',
    'public_ip',
  ],
  { description: "An ingress rule of the container's service, flat, as `api_ingress_rules` shows it." },
);

export const CONTAINER = object(
  {
    id: int64('The container id.'),
    name: text('The container name.'),
    req_state: { type: 'string', enum: ['running', 'stopped'], description: 'What the last power action asked for.' },
    stats: object(
      {
        cpu: { type: 'number', description: 'CPU use in percent of the allowance (0 when not up).' },
        mem: { type: 'number', description: 'Memory use in percent of the limit (0 when not up).' },
      },
      ['cpu', 'mem'],
    ),
    current_state: { type: 'string', enum: [...LIFECYCLE_STATES], description: 'The state now.' },
    local_ip: text('The private IP.'),
    public_ip: { type: 'string', nullable: true, description: 'The public IP, if the container has one.' },
    created_at: railsTime('Creation time'),
    updated_at: railsTime('Last change (moves with every state change)'),
    project_id: int64('The project.'),
    container_service_id: int64('The container service.'),
    container_image_id: {
      ...int64('The id of the catalogue container image it runs.'),
      ...extension('the id of the catalogue container image the container runs.'),
    },
    ingress_rules: arrayOf(ref('ContainerIngressRule'), { description: "The service's ingress rules." }),
    links: object(
      {
        container_service: text('Path of the container service.'),
        logs: text('Path of the logs.'),
        project: text('Path of the project.'),
      },
      ['container_service', 'logs', 'project'],
    ),
  },
  [
    'id',
    'name',
    'req_state',
    'stats',
    'current_state',
    'local_ip',
    'public_ip',
    'created_at',
    'updated_at',
    'project_id',
    'container_service_id',
    'container_image_id',
    'ingress_rules',
    'links',
  ],
  { description: 'A ComputeStacks container.' },
);

export const PROCESS = object(
  {
    UID: text('User.'),
    PID: { type: 'integer', description: 'Process id (host).' },
    PPID: { type: 'integer', description: 'Parent process id.' },
    C: { type: 'integer', description: 'CPU use.' },
    STIME: text('Start time, `HH:MM` or `MonDD`.'),
    TTY: text('Terminal (`?`).'),
    TIME: text('Cumulative CPU time, `[DD-]HH:MM:SS`.'),
    CMD: text('Command line.'),
  },
  ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
  { description: 'A process as `docker top` reports it.' },
);

/** OpenAPI 3.0 has no tuples: an entry is an array whose items are one of the entry's types. */
const tuple = (description: string, items: Schema[], length: number): Schema => arrayOf({ oneOf: items }, { minItems: length, maxItems: length, description });

export const LOG_ENTRY = tuple(
  '`[epoch_seconds, container_name, line]`: a float with microseconds, then two strings.',
  [{ type: 'number' }, { type: 'string' }],
  3,
);
export const SAMPLE = tuple('`[time, value]`: a Rails time (`2021-03-11T21:55:30.000+00:00`), then the value.', [{ type: 'string' }, { type: 'number' }], 2);
