import { CS_PAGING_HEADERS, CS_PAGING_PARAMETERS, csBearerScheme, csComponents, railsTime } from '../compute-stacks/openapi.js';
import {
  OPENAPI_VERSION,
  addHeaderToEveryResponse,
  arrayOf,
  extension,
  headerRef,
  healthPathItem,
  jsonResponse,
  object,
  openApiPathItem,
  pathParam,
  queryParam,
  ref,
  responseRef,
  type OpenApiDocument,
  type PathItem,
  type Schema,
} from '../openapi.js';
import { LIFECYCLE_STATES, POWER_ACTIONS } from '../simulation.js';
import { INGRESS_PROTOS } from './container.js';
import { DEFAULT_LOG_LIMIT, MAX_LOG_LIMIT } from './paging.js';

/**
 * The OpenAPI 3.0.3 document of the embedded container service (ComputeStacks), served at
 * `GET /openapi.json`. Paths sit under `/api` at the service root, as ComputeStacks'.
 */

const TAG = 'containers';

const id = (description: string): Schema => ({ type: 'integer', format: 'int64', description });
const nullableId = (description: string): Schema => ({ ...id(description), nullable: true });
const flag = (description: string): Schema => ({ type: 'boolean', description });
const text = (description: string): Schema => ({ type: 'string', description });

const INGRESS_RULE = object(
  {
    id: id('The rule id.'),
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
    region_id: id('The region.'),
    container_service_id: id('The container service the rule belongs to.'),
    load_balancer_rule_id: nullableId('A load balancer rule, if any.'),
    internal_load_balancer_id: nullableId('An internal load balancer, if any.'),
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

const CONTAINER = object(
  {
    id: id('The container id.'),
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
    project_id: id('The project.'),
    container_service_id: id('The container service.'),
    container_image_id: {
      ...id('The id of the catalogue container image it runs.'),
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

const PROCESS = object(
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

const LOG_ENTRY = tuple('`[epoch_seconds, container_name, line]`: a float with microseconds, then two strings.', [{ type: 'number' }, { type: 'string' }], 3);
const SAMPLE = tuple('`[time, value]`: a Rails time (`2021-03-11T21:55:30.000+00:00`), then the value.', [{ type: 'string' }, { type: 'number' }], 2);

const CONTAINER_ID = pathParam('id', { type: 'integer', format: 'int64', minimum: 1 }, 'The container id.');

const subResourceErrors = {
  '401': responseRef('Unauthorized'),
  '403': responseRef('Forbidden'),
  '404': jsonResponse('Missing, not the caller\'s or not an integer id: `{"errors":["Unknown container"]}`.', ref('CsErrors')),
  '500': responseRef('InternalError'),
};

const metrics = (operationId: string, what: string, unit: string): PathItem => ({
  parameters: [CONTAINER_ID],
  get: {
    operationId,
    tags: [TAG],
    summary: `${what} usage`,
    description: `${what} samples of the last 3 hours every 30 s while the container was up, oldest first; values ${unit}.`,
    responses: {
      '200': jsonResponse(`The ${what.toLowerCase()} samples.`, object({ stats: arrayOf(ref('ContainerMetricSample')) }, ['stats'])),
      ...subResourceErrors,
    },
  },
});

const components = csComponents();

const document: OpenApiDocument = {
  openapi: OPENAPI_VERSION,
  info: {
    title: 'Gantry embedded containers (ComputeStacks)',
    version: '1.0.0',
    description:
      "ComputeStacks' container API as the embedded service serves it, over simulated workloads. Reads need the scope " +
      '`projects_read`, power `projects_write`. Unknown routes are 404 `{"errors":["Unknown API Call. Please check the ' +
      'documentation."]}`. Every response carries `X-Request-Id`; every `GET` also answers `HEAD`.',
  },
  servers: [{ url: '/', description: 'The service root; the served document names it absolutely.' }],
  tags: [{ name: TAG, description: 'ComputeStacks containers.' }],
  security: [{ bearerAuth: [] }],
  paths: {
    '/api/containers': {
      get: {
        operationId: 'listContainers',
        tags: [TAG],
        summary: 'List containers',
        ...extension(
          "ComputeStacks lists containers only under projects and services. This lists the caller's containers (admin: all), " +
            'ordered by id, in the style of its other lists.',
        ),
        parameters: [...CS_PAGING_PARAMETERS],
        responses: {
          '200': jsonResponse(
            'One page of containers; paging in the headers only.',
            object({ containers: arrayOf(ref('Container')) }, ['containers'], { description: 'The list envelope.' }),
            { ...CS_PAGING_HEADERS },
          ),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '500': responseRef('InternalError'),
        },
      },
    },
    '/api/containers/{id}': {
      parameters: [CONTAINER_ID],
      get: {
        operationId: 'getContainer',
        tags: [TAG],
        summary: 'Show a container',
        responses: {
          '200': jsonResponse('The container.', ref('ContainerEnvelope')),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '500': responseRef('InternalError'),
        },
      },
    },
    '/api/containers/{id}/power/{action}': {
      parameters: [CONTAINER_ID, pathParam('action', { type: 'string', enum: [...POWER_ACTIONS] }, 'The power action; another one is 422.')],
      put: {
        operationId: 'powerContainer',
        tags: [TAG],
        summary: 'Power control',
        description: "Starts the action's state sequence at once (cutting short any running one). Needs `projects_write`.",
        responses: {
          '202': jsonResponse('Accepted: `{}`.', ref('CsEmpty')),
          ...subResourceErrors,
          '422': jsonResponse('An unknown action: `{"errors":["Unknown action.","Available actions are: start, stop, restart, rebuild"]}`.', ref('CsErrors')),
        },
      },
    },
    '/api/containers/{id}/logs': {
      parameters: [CONTAINER_ID],
      get: {
        operationId: 'listContainerLogs',
        tags: [TAG],
        summary: 'Container logs',
        description: 'Log entries in the window, newest first, at most `limit`.',
        parameters: [
          queryParam(
            'limit',
            { type: 'integer', minimum: 1, maximum: MAX_LOG_LIMIT, default: DEFAULT_LOG_LIMIT },
            `How many entries at most (default ${DEFAULT_LOG_LIMIT}); outside 1–${MAX_LOG_LIMIT} is 422.`,
          ),
          queryParam(
            'period_start',
            { type: 'integer', format: 'int64', minimum: 0 },
            'Window start, whole epoch seconds (default: a day before `period_end`); not an integer is 422.',
          ),
          queryParam(
            'period_end',
            { type: 'integer', format: 'int64', minimum: 0 },
            'Window end, whole epoch seconds, covering its whole second (default: now); before `period_start` is 422.',
          ),
        ],
        responses: {
          '200': jsonResponse('The entries (a bare array).', arrayOf(ref('ContainerLogEntry'))),
          ...subResourceErrors,
          '422': jsonResponse('A bad `limit`, `period_start` or `period_end`.', ref('CsErrors')),
        },
      },
    },
    '/api/containers/{id}/container_processes': {
      parameters: [CONTAINER_ID],
      get: {
        operationId: 'listContainerProcesses',
        tags: [TAG],
        summary: 'Container processes',
        description: 'The process table now; empty unless the container is up.',
        responses: { '200': jsonResponse('The processes (a bare array).', arrayOf(ref('ContainerProcess'))), ...subResourceErrors },
      },
    },
    '/api/containers/{id}/metrics/cpu': metrics('getContainerCpuMetrics', 'CPU', 'percent of the CPU allowance'),
    '/api/containers/{id}/metrics/memory': metrics('getContainerMemoryMetrics', 'Memory', 'whole MB'),
    '/api/health': healthPathItem('getContainersHealth', TAG),
    '/openapi.json': openApiPathItem('getContainersOpenApiDocument', TAG),
  },
  components: {
    schemas: {
      Container: CONTAINER,
      ContainerEnvelope: object({ container: ref('Container') }, ['container'], { description: 'One container: `{"container": {...}}`.' }),
      ContainerIngressRule: INGRESS_RULE,
      ContainerProcess: PROCESS,
      ContainerLogEntry: LOG_ENTRY,
      ContainerMetricSample: SAMPLE,
      ...components.schemas,
    },
    headers: components.headers,
    responses: components.responses,
    securitySchemes: { bearerAuth: csBearerScheme('Reads need the scope `projects_read`, power `projects_write`.') },
  },
};

/** The document, with `X-Request-Id` on every response. */
export const CONTAINERS_OPENAPI: OpenApiDocument = addHeaderToEveryResponse(document, 'X-Request-Id', headerRef('RequestId'));
