import { text } from '../openapi.js';
import { CS_PAGING_HEADERS, CS_PAGING_PARAMETERS, csBearerScheme, csComponents } from '../compute-stacks/openapi.js';
import {
  OPENAPI_VERSION,
  addHeaderToEveryResponse,
  arrayOf,
  headerRef,
  healthPathItem,
  jsonBody,
  jsonResponse,
  object,
  openApiPathItem,
  pathParam,
  queryParam,
  ref,
  responseRef,
  type OpenApiDocument,
  type OpenApiObject,
  type Schema,
} from '../openapi.js';
import {
  CONTAINER_IMAGE,
  CONTAINER_IMAGE_CREATE,
  CONTAINER_IMAGE_UPDATE,
  ENV_PARAM,
  ENV_PARAM_INPUT,
  INGRESS_PARAM,
  INGRESS_PARAM_INPUT,
  SETTING_PARAM,
  SETTING_PARAM_INPUT,
  VOLUME,
  VOLUME_INPUT,
} from './openapi-schemas.js';

/**
 * The OpenAPI 3.0.3 document of the embedded container image service (ComputeStacks), served at
 * `GET /openapi.json`. Paths sit under `/api` at the service root, as ComputeStacks'.
 */

const TAG = 'container-images';

const envelope = (key: string, schema: Schema, description: string): Schema => object({ [key]: schema }, [key], { description });

const IMAGE_ID = pathParam('id', { type: 'integer', format: 'int64', minimum: 1 }, 'The image id; a non-integer, unknown or invisible one is 404.');
const imageResponse = (description: string): OpenApiObject => jsonResponse(description, ref('ContainerImageEnvelope'));

const writeErrors = {
  '400': responseRef('BadRequest'),
  '401': responseRef('Unauthorized'),
  '403': responseRef('Forbidden'),
  '413': responseRef('PayloadTooLarge'),
  '422': responseRef('Unprocessable'),
  '500': responseRef('InternalError'),
};

const components = csComponents();

const document: OpenApiDocument = {
  openapi: OPENAPI_VERSION,
  info: {
    title: 'Gantry embedded container images (ComputeStacks)',
    version: '1.0.0',
    description:
      "ComputeStacks' container image API as the embedded service serves it. Reads need the scope `public` or `images_read`, " +
      'writes `images_write`. Unknown routes are 404 `{"errors":["Unknown API Call. Please check the documentation."]}`. Every ' +
      'response carries `X-Request-Id`; every `GET` also answers `HEAD`.',
  },
  servers: [{ url: '/', description: 'The service root; the served document names it absolutely.' }],
  tags: [{ name: TAG, description: 'ComputeStacks container images.' }],
  security: [{ bearerAuth: [] }],
  paths: {
    '/api/container_images': {
      get: {
        operationId: 'listContainerImages',
        tags: [TAG],
        summary: 'List container images',
        description: "The caller's images, those shared with them and active system images (admin: all), by label (case-insensitive), then id.",
        parameters: [
          ...CS_PAGING_PARAMETERS,
          queryParam(
            'filter',
            { type: 'string', enum: ['owned', 'isLoadBalancer'] },
            "`owned`: only the caller's images; `isLoadBalancer`: only load balancers. Other values are ignored.",
          ),
          queryParam('byname', { type: 'string' }, 'A case-insensitive substring of the label.'),
        ],
        responses: {
          '200': jsonResponse(
            'One page of images; paging in the headers only.',
            envelope('container_images', arrayOf(ref('ContainerImage')), 'The list envelope.'),
            { ...CS_PAGING_HEADERS },
          ),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '500': responseRef('InternalError'),
        },
      },
      post: {
        operationId: 'createContainerImage',
        tags: [TAG],
        summary: 'Create a container image',
        description: "Validates attributes, nested params and dependencies together (422 lists every problem) and stores the image as the caller's.",
        requestBody: jsonBody(envelope('container_image', ref('ContainerImageCreate'), 'The request envelope.'), 'The new image.'),
        responses: { '201': imageResponse('The new image.'), ...writeErrors },
      },
    },
    '/api/container_images/{id}': {
      parameters: [IMAGE_ID],
      get: {
        operationId: 'getContainerImage',
        tags: [TAG],
        summary: 'Show a container image',
        responses: {
          '200': imageResponse('The image.'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '500': responseRef('InternalError'),
        },
      },
      patch: {
        operationId: 'updateContainerImage',
        tags: [TAG],
        summary: 'Update a container image',
        description: 'A partial update with the create rules (owner or admin only; others get 404). `PUT` does the same.',
        requestBody: jsonBody(envelope('container_image', ref('ContainerImageUpdate'), 'The request envelope.'), 'The changes.'),
        responses: { '202': imageResponse('The updated image.'), '404': responseRef('NotFound'), ...writeErrors },
      },
      put: {
        operationId: 'putContainerImage',
        tags: [TAG],
        summary: 'Update a container image (PUT)',
        description: 'The same partial update as `PATCH`.',
        requestBody: jsonBody(envelope('container_image', ref('ContainerImageUpdate'), 'The request envelope.'), 'The changes.'),
        responses: { '202': imageResponse('The updated image.'), '404': responseRef('NotFound'), ...writeErrors },
      },
      delete: {
        operationId: 'deleteContainerImage',
        tags: [TAG],
        summary: 'Delete a container image',
        description: 'Owner or admin only (others get 404). An image other images require is refused with 500, `errors` a string naming them.',
        responses: {
          '202': jsonResponse('Deleted: `{}`.', ref('CsEmpty')),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '500': jsonResponse('Refused (`{"errors": "Image is required by: a, b"}`) or an unexpected failure (`{"errors": ["Internal Server Error"]}`).', {
            oneOf: [ref('ContainerImageDeleteRefused'), ref('CsErrors')],
          }),
        },
      },
    },
    '/api/health': healthPathItem('getContainerImagesHealth', TAG),
    '/openapi.json': openApiPathItem('getContainerImagesOpenApiDocument', TAG),
  },
  components: {
    schemas: {
      ContainerImage: CONTAINER_IMAGE,
      ContainerImageEnvelope: envelope('container_image', ref('ContainerImage'), 'One image: `{"container_image": {...}}`.'),
      ContainerImageEnvParam: ENV_PARAM,
      ContainerImageSettingParam: SETTING_PARAM,
      ContainerImageIngressParam: INGRESS_PARAM,
      ContainerImageVolume: VOLUME,
      ContainerImageCreate: CONTAINER_IMAGE_CREATE,
      ContainerImageUpdate: CONTAINER_IMAGE_UPDATE,
      ContainerImageEnvParamInput: ENV_PARAM_INPUT,
      ContainerImageSettingParamInput: SETTING_PARAM_INPUT,
      ContainerImageIngressParamInput: INGRESS_PARAM_INPUT,
      ContainerImageVolumeInput: VOLUME_INPUT,
      ContainerImageDeleteRefused: object({ errors: text('Names the images that require this one.') }, ['errors'], {
        description: 'A refused delete: `errors` is a string here.',
      }),
      ...components.schemas,
    },
    headers: components.headers,
    responses: components.responses,
    securitySchemes: { bearerAuth: csBearerScheme('Reads need the scope `public` or `images_read`, writes `images_write`.') },
  },
};

/** The document, with `X-Request-Id` on every response. */
export const CONTAINER_IMAGES_OPENAPI: OpenApiDocument = addHeaderToEveryResponse(document, 'X-Request-Id', headerRef('RequestId'));
