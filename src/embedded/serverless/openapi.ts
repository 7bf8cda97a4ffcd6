import {
  OPENAPI_VERSION,
  addHeaderToEveryResponse,
  emptyResponse,
  header,
  headerRef,
  healthPathItem,
  jsonBody,
  jsonResponse,
  openApiPathItem,
  parameterRef,
  pathParam,
  queryParam,
  ref,
  responseRef,
  type OpenApiDocument,
} from '../openapi.js';
import { GPU_MODELS } from './gpu-models.js';
import { DEFAULT_ROWS, MAX_ROWS } from './paging.js';
import { CONTAINER, CONTAINER_CREATE, CONTAINER_UPDATE, ERROR, GPU_MODEL, REVISION, page } from './openapi-schemas.js';

/**
 * The OpenAPI 3.0.3 document of the embedded serverless container service (Quasarch), served at
 * `GET /openapi.json`. Paths sit under `/v1` at the service root, as Quasarch's.
 */

const TAG = 'serverless';

const PAGING = [
  queryParam(
    'page',
    { type: 'integer', minimum: 1, default: 1 },
    'The page, from 1 (empty: the default); another value is 400. A page past the end has no items.',
  ),
  queryParam(
    'rows',
    { type: 'integer', minimum: 1, maximum: MAX_ROWS, default: DEFAULT_ROWS },
    `Items per page, 1 to ${MAX_ROWS} (default ${DEFAULT_ROWS}); another value is 400.`,
  ),
];

const containerResponse = (description: string) => jsonResponse(description, ref('ServerlessContainer'));

const document: OpenApiDocument = {
  openapi: OPENAPI_VERSION,
  info: {
    title: 'Gantry embedded serverless containers (Quasarch)',
    version: '1.0.0',
    description:
      'The Quasarch Console container service as the embedded service serves it. Every route but `/health` and `/openapi.json` ' +
      'needs a Bearer token (401 before routing, so unknown routes are 401 too). Unknown routes are 404 `{"error": "not found"}`, a ' +
      'known path with another method 405 with `Allow`. JSON bodies are read whatever their `Content-Type`. Every response ' +
      'carries `X-Request-Id`; every `GET` also answers `HEAD`.',
  },
  servers: [{ url: '/', description: 'The service root; the served document names it absolutely.' }],
  tags: [{ name: TAG, description: 'Quasarch serverless containers.' }],
  security: [{ bearerAuth: [] }],
  paths: {
    '/v1/containers': {
      get: {
        operationId: 'listServerlessContainers',
        tags: [TAG],
        summary: 'List containers',
        description: "The caller's own containers (ADMIN included), oldest first.",
        parameters: PAGING,
        responses: {
          '200': jsonResponse('One page of containers.', ref('ServerlessContainerPage')),
          '400': responseRef('BadRequest'),
          '401': responseRef('Unauthorized'),
          '500': responseRef('InternalError'),
        },
      },
      post: {
        operationId: 'createServerlessContainer',
        tags: [TAG],
        summary: 'Create a container',
        description: 'Creates and deploys a container (revision 1): `status` `deploying`, `urls` and `desiredGPUs` null.',
        requestBody: jsonBody(ref('ServerlessContainerCreate'), 'The new container.'),
        responses: {
          '201': containerResponse('The new container.'),
          '400': responseRef('BadRequest'),
          '401': responseRef('Unauthorized'),
          '413': responseRef('PayloadTooLarge'),
          '500': responseRef('InternalError'),
        },
      },
    },
    '/v1/containers/{id}': {
      parameters: [parameterRef('ContainerId')],
      get: {
        operationId: 'getServerlessContainer',
        tags: [TAG],
        summary: 'Show a container',
        responses: {
          '200': containerResponse('The container (the bare object).'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '500': responseRef('InternalError'),
        },
      },
      put: {
        operationId: 'updateServerlessContainer',
        tags: [TAG],
        summary: 'Update a container',
        description: 'Makes exactly one new revision and deploys it: `status` back to `deploying`. Owner or ADMIN.',
        requestBody: jsonBody(ref('ServerlessContainerUpdate'), 'The fields to change.'),
        responses: {
          '200': containerResponse('The whole container.'),
          '400': responseRef('BadRequest'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '413': responseRef('PayloadTooLarge'),
          '500': responseRef('InternalError'),
        },
      },
      delete: {
        operationId: 'deleteServerlessContainer',
        tags: [TAG],
        summary: 'Delete a container',
        description: 'Deletes the container and its revisions. Owner or ADMIN.',
        responses: {
          '204': emptyResponse('Deleted (empty body).'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '500': responseRef('InternalError'),
        },
      },
    },
    '/v1/containers/{id}/revisions': {
      parameters: [parameterRef('ContainerId')],
      get: {
        operationId: 'listServerlessRevisions',
        tags: [TAG],
        summary: "List a container's revisions",
        description: 'Newest (highest number) first. Owner or ADMIN.',
        parameters: PAGING,
        responses: {
          '200': jsonResponse('One page of revisions.', ref('ServerlessRevisionPage')),
          '400': responseRef('BadRequest'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '500': responseRef('InternalError'),
        },
      },
    },
    '/v1/gpu-models': {
      get: {
        operationId: 'listGpuModels',
        tags: [TAG],
        summary: 'List GPU models',
        description: `The ${GPU_MODELS.length} GPU models \`desiredGPUs\` may name, in Quasarch's order.`,
        parameters: PAGING,
        responses: {
          '200': jsonResponse('One page of GPU models.', ref('GpuModelPage')),
          '400': responseRef('BadRequest'),
          '401': responseRef('Unauthorized'),
          '500': responseRef('InternalError'),
        },
      },
    },
    '/health': healthPathItem('getServerlessHealth', TAG),
    '/openapi.json': openApiPathItem('getServerlessOpenApiDocument', TAG),
  },
  components: {
    schemas: {
      ServerlessContainer: CONTAINER,
      ServerlessContainerPage: page('ServerlessContainer', 'A page of containers.'),
      ServerlessContainerCreate: CONTAINER_CREATE,
      ServerlessContainerUpdate: CONTAINER_UPDATE,
      ServerlessRevision: REVISION,
      ServerlessRevisionPage: page('ServerlessRevision', 'A page of revisions.'),
      GpuModel: GPU_MODEL,
      GpuModelPage: page('GpuModel', 'A page of GPU models.'),
      QuasarchError: ERROR,
    },
    parameters: {
      ContainerId: pathParam('id', { type: 'string', format: 'uuid' }, "The container id (any case); not a UUID or unknown is 404, another user's 403."),
    },
    headers: {
      RequestId: header('A request id (UUID), on every response.', { type: 'string' }, true),
    },
    responses: {
      BadRequest: jsonResponse(
        'A malformed or non-object body, or validation: `{"error": "data validation error", "fields": {...}}` naming every bad field.',
        ref('QuasarchError'),
      ),
      Unauthorized: jsonResponse('No token or an unknown one: `{"error": "Unauthorized"}`.', ref('QuasarchError')),
      Forbidden: jsonResponse('Another user\'s container without ADMIN: `{"error": "Forbidden"}`.', ref('QuasarchError')),
      NotFound: jsonResponse('No such container: `{"error": "container not found"}`.', ref('QuasarchError')),
      PayloadTooLarge: jsonResponse('A body above 1 MiB: `{"error": "request body too large"}`.', ref('QuasarchError')),
      InternalError: jsonResponse('An unexpected failure: `{"error": "internal server error"}`.', ref('QuasarchError')),
    },
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: "A Quasarch JWT (the embedded principals' tokens); roles ADMIN and USER, the owner is `createdBy`. Missing or unknown is 401.",
      },
    },
  },
};

/** The document, with `X-Request-Id` on every response. */
export const SERVERLESS_OPENAPI: OpenApiDocument = addHeaderToEveryResponse(document, 'X-Request-Id', headerRef('RequestId'));
