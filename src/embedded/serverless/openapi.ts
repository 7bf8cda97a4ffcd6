import {
  OPENAPI_VERSION,
  addHeaderToEveryResponse,
  arrayOf,
  dateTime,
  emptyResponse,
  extension,
  header,
  headerRef,
  healthPathItem,
  jsonBody,
  jsonResponse,
  object,
  openApiPathItem,
  parameterRef,
  pathParam,
  queryParam,
  ref,
  responseRef,
  type OpenApiDocument,
  type Schema,
} from '../openapi.js';
import { DEFAULT_SPEC, LIMITS } from './fields.js';
import { GPU_MODELS } from './gpu-models.js';
import { DEFAULT_ROWS, MAX_ROWS } from './paging.js';
import { ZERO_TIME } from './serialize.js';

/**
 * The OpenAPI 3.0.3 document of the embedded serverless container service (Quasarch), served at
 * `GET /openapi.json`. Paths sit under `/v1` at the service root, as Quasarch's.
 */

const TAG = 'serverless';

const uuid = (description: string): Schema => ({ type: 'string', format: 'uuid', description });
const GPU_CODES = GPU_MODELS.map((model) => model.code);

/** The spec fields every container and revision shows; `extended` marks them as extensions (on revisions). */
function specProperties(extended: boolean): Record<string, Schema> {
  const mark = (schema: Schema, description: string): Schema =>
    extended
      ? { ...schema, ...extension(`the revision's ${description}`) }
      : { ...schema, description: `${description.charAt(0).toUpperCase()}${description.slice(1)}.` };
  return {
    cpu: mark({ type: 'number' }, 'CPU cores, fractions allowed'),
    ram: mark({ type: 'string' }, 'memory limit, a Kubernetes quantity as given (`512Mi`)'),
    gpu: mark({ type: 'integer', minimum: 0, maximum: LIMITS.gpu.max }, 'number of GPUs'),
    ephemeralStorage: mark({ type: 'string' }, 'scratch disk, a Kubernetes quantity as given (`10Gi`)'),
    command: mark({ type: 'string', nullable: true }, "entrypoint override; null keeps the image's"),
    arguments: mark(arrayOf({ type: 'string' }, { nullable: true }), "arguments override; null keeps the image's"),
    env: mark({ type: 'object', additionalProperties: { type: 'string' } }, 'environment variables, in the order given (`{}` when none)'),
    port: mark({ type: 'string', pattern: '^[1-9]\\d{0,4}$' }, 'the port the container listens on, a string (`"80"`)'),
  };
}

const CONTAINER = object(
  {
    id: uuid('The container id.'),
    name: { type: 'string', description: 'A DNS-1123 label, unique per user; never changes.' },
    createdBy: uuid("The owner's user id."),
    image: { type: 'string', description: "The latest revision's image reference (with a tag or digest)." },
    ...specProperties(false),
    dateCreated: dateTime('Creation time, RFC 3339 in UTC as Go prints it (`2025-06-01T12:00:01.5Z`).'),
    dateUpdated: dateTime(`Last update; \`${ZERO_TIME}\` (Go's zero time) until the first update.`),
    status: { type: 'string', enum: ['deploying', 'deployed', 'failed'], description: "The latest revision's deployment state." },
    urls: arrayOf({ type: 'string' }, { nullable: true, description: 'Hosts of the serving revision; null while none serves.' }),
    desiredGPUs: arrayOf(
      { type: 'string' },
      { nullable: true, description: 'GPU model codes of the serving revision; null while none serves or it has no GPUs.' },
    ),
  },
  [
    'id',
    'name',
    'createdBy',
    'image',
    'cpu',
    'ram',
    'gpu',
    'ephemeralStorage',
    'command',
    'arguments',
    'env',
    'port',
    'dateCreated',
    'dateUpdated',
    'status',
    'urls',
    'desiredGPUs',
  ],
  { description: "A serverless container: the latest revision's spec; `urls` and `desiredGPUs` from the serving revision." },
);

const REVISION = object(
  {
    containerID: uuid('The container id.'),
    revisionNumber: { type: 'integer', minimum: 1, description: 'The revision number, from 1.' },
    image: { type: 'string', description: "The revision's image reference." },
    dateCreated: dateTime('When the revision was made.'),
    ...specProperties(true),
    desiredGPUs: arrayOf({ type: 'string' }, { nullable: true, ...extension('the GPU model codes the revision asked for; null when gpu is 0.') }),
    status: { type: 'string', enum: ['deploying', 'ready', 'failed'], ...extension("the revision's deployment state.") },
    serving: { type: 'boolean', ...extension('whether this revision serves (exactly one does once any has become ready).') },
  },
  ['containerID', 'revisionNumber', 'image', 'dateCreated'],
  {
    description:
      "A revision: Quasarch's `containerID`, `revisionNumber`, `image`, `dateCreated`; the embedded service adds the revision's whole " +
      'spec, `status` and `serving` (marked `x-gantry-extension`).',
  },
);

const GPU_MODEL = object(
  {
    code: { type: 'string', enum: GPU_CODES, description: 'The code `desiredGPUs` takes.' },
    name: { type: 'string', description: 'e.g. `Nvidia a100`, `Nvidia rtx-3060-ti`.' },
  },
  ['code', 'name'],
  { description: 'A GPU model.' },
);

const page = (items: string, description: string): Schema =>
  object(
    {
      items: arrayOf(ref(items), { description: 'The items of this page.' }),
      total: { type: 'integer', minimum: 0, description: 'How many items the whole list has.' },
      page: { type: 'integer', minimum: 1, description: 'This page, from 1.' },
      rowsPerPage: { type: 'integer', minimum: 1, description: 'Items per page.' },
    },
    ['items', 'total', 'page', 'rowsPerPage'],
    { description },
  );

const ERROR = object(
  {
    error: { type: 'string', description: 'What went wrong (`data validation error` for validation).' },
    fields: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Validation only: a message per bad field (`env.<NAME>` for one variable).',
    },
  },
  ['error'],
  { description: 'A Quasarch error: `{"error": "..."}`, with `fields` for validation.' },
);

const INPUT_PROPERTIES: Record<string, Schema> = {
  name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63, description: "A DNS-1123 label, unique among the owner's containers." },
  image: { type: 'string', description: 'An image reference with an explicit tag or digest (`nginx:1.27-alpine`, `nginx@sha256:<64 hex>`).' },
  cpu: { type: 'number', minimum: LIMITS.cpu.min, maximum: LIMITS.cpu.max, default: DEFAULT_SPEC.cpu, description: 'CPU cores, fractions allowed.' },
  ram: { type: 'string', default: DEFAULT_SPEC.ram, description: `A Kubernetes quantity string, ${LIMITS.ram.label}.` },
  gpu: { type: 'integer', minimum: 0, maximum: LIMITS.gpu.max, default: DEFAULT_SPEC.gpu, description: 'Number of GPUs.' },
  ephemeralStorage: { type: 'string', default: DEFAULT_SPEC.ephemeralStorage, description: `A Kubernetes quantity string, ${LIMITS.ephemeralStorage.label}.` },
  command: { type: 'string', nullable: true, description: 'Entrypoint override; `""` means none.' },
  arguments: arrayOf({ type: 'string' }, { nullable: true, description: 'Arguments override; `[]` means none.' }),
  env: { type: 'object', additionalProperties: { type: 'string' }, description: 'Environment variables; names match `^[A-Za-z_][A-Za-z0-9_]*$`.' },
  port: { type: 'string', pattern: '^[1-9]\\d{0,4}$', default: DEFAULT_SPEC.port, description: 'The port, a string from `"1"` to `"65535"`.' },
  desiredGPUs: arrayOf(
    { type: 'string', enum: GPU_CODES },
    {
      nullable: true,
      uniqueItems: true,
      description: 'GPU model codes (see `listGpuModels`), each once: required when gpu > 0, empty or left out when gpu is 0.',
    },
  ),
};

const CONTAINER_CREATE = object(INPUT_PROPERTIES, ['name', 'image'], {
  description: 'A new container. Unknown and read-only fields are ignored; a null field counts as not given.',
});
const CONTAINER_UPDATE = object(INPUT_PROPERTIES, [], {
  description:
    'A partial update: each given field replaces the current value whole (`env` too). `name` cannot change (only the current ' +
    'one is accepted). At least one field must be given.',
});

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
