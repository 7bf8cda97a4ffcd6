import { CS_PAGING_HEADERS, CS_PAGING_PARAMETERS, csBearerScheme, csComponents } from '../compute-stacks/openapi.js';
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
} from '../openapi.js';
import { POWER_ACTIONS } from '../simulation.js';
import { DEFAULT_LOG_LIMIT, MAX_LOG_LIMIT } from './paging.js';
import { CONTAINER, INGRESS_RULE, LOG_ENTRY, PROCESS, SAMPLE } from './openapi-schemas.js';

/**
 * The OpenAPI 3.0.3 document of the embedded container service (ComputeStacks), served at
 * `GET /openapi.json`. Paths sit under `/api` at the service root, as ComputeStacks'.
 */

const TAG = 'containers';

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
