import {
  BINARY,
  OPENAPI_VERSION,
  addHeaderToEveryResponse,
  arrayOf,
  binaryResponse,
  emptyResponse,
  header,
  headerParam,
  headerRef,
  jsonBody,
  openApiPathItem,
  parameterRef,
  pathParam,
  ref,
  responseRef,
  type OpenApiDocument,
} from '../openapi.js';
import { JSON_PATCH_TYPE } from './errors.js';
import { SUB_RESOURCE_PATHS } from './openapi-sub-resources.js';

import {
  GLANCE_ERROR,
  LIST_PARAMETERS,
  PATCH_OPERATION,
  VERSIONS_RESPONSE,
  VERSION_LIST,
  VM_IMAGE,
  VM_IMAGE_CREATE,
  VM_IMAGE_LIST,
  glanceError,
  image,
} from './openapi-schemas.js';

/**
 * The OpenAPI 3.0.3 document of the embedded VM image service (OpenStack Glance v2), served at
 * `GET /openapi.json`. Paths are relative to the service root (`http://host:9292`), as Glance's.
 */

const TAG = 'images';

const document: OpenApiDocument = {
  openapi: OPENAPI_VERSION,
  info: {
    title: 'Gantry embedded VM images (OpenStack Glance v2)',
    version: '2.16',
    description:
      'The image API of OpenStack Glance v2 as the embedded service serves it. Errors are HTML unless the request sends ' +
      "`Accept: application/json`. Another project's private image is 404, not 403. Every response carries `X-Openstack-Request-Id`. " +
      'A known path with another method is 405 with `Allow`. Every `GET` also answers `HEAD`.',
  },
  servers: [{ url: '/', description: 'The service root (`http://host:9292`); the served document names it absolutely.' }],
  tags: [{ name: TAG, description: 'Glance v2 images.' }],
  security: [{ keystoneToken: [] }],
  paths: {
    '/': {
      get: {
        operationId: 'getVmImageApiRoot',
        tags: [TAG],
        summary: 'API versions (root)',
        description: "Glance's version discovery at the root: 300 Multiple Choices with the versions. No credentials.",
        security: [],
        responses: { '300': { description: 'The API versions.', ...VERSIONS_RESPONSE } },
      },
    },
    '/versions': {
      get: {
        operationId: 'listVmImageApiVersions',
        tags: [TAG],
        summary: 'API versions',
        description: 'The API versions, each with an absolute link to its root. No credentials.',
        security: [],
        responses: { '200': { description: 'The API versions.', ...VERSIONS_RESPONSE } },
      },
    },
    '/v2/images': {
      get: {
        operationId: 'listVmImages',
        tags: [TAG],
        summary: 'List images',
        description:
          'The images the caller may see, newest first by default, paged by `limit` and `marker` (follow `next`). Besides the ' +
          "documented filters, any other query key filters by a custom property's exact value.",
        parameters: LIST_PARAMETERS,
        responses: {
          '200': { description: 'One page of images.', content: { 'application/json': { schema: ref('VmImageList') } } },
          '400': responseRef('BadRequest'),
          '401': responseRef('Unauthorized'),
          '500': responseRef('InternalError'),
        },
      },
      post: {
        operationId: 'createVmImage',
        tags: [TAG],
        summary: 'Create an image',
        description:
          "Creates a `queued` image record owned by the caller's project (an admin may name another `owner`); upload its data with `PUT /v2/images/{image_id}/file`. " +
          'The body is read as JSON whatever its media type, as Glance reads it. `os_hash_value` is ignored; reserved names (`location`, `deleted`, `deleted_at`, `os_glance_*`) are 403.',
        requestBody: jsonBody(ref('VmImageCreate'), "The new image's attributes and custom properties."),
        responses: {
          '201': { ...image('The new image.'), headers: { Location: header('Absolute URL of the new image.', { type: 'string' }, true) } },
          '400': responseRef('BadRequest'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '409': responseRef('Conflict'),
          '413': responseRef('PayloadTooLarge'),
          '500': responseRef('InternalError'),
        },
      },
    },
    '/v2/images/{image_id}': {
      parameters: [parameterRef('ImageId')],
      get: {
        operationId: 'getVmImage',
        tags: [TAG],
        summary: 'Show an image',
        responses: {
          '200': image('The image.'),
          '401': responseRef('Unauthorized'),
          '404': responseRef('NotFound'),
          '500': responseRef('InternalError'),
        },
      },
      patch: {
        operationId: 'updateVmImage',
        tags: [TAG],
        summary: 'Update an image',
        description: `A JSON Patch (\`Content-Type: ${JSON_PATCH_TYPE}\`; another type is 415 with \`Accept-Patch\`), applied whole or not at all. Owner or admin only.`,
        requestBody: {
          description: 'The operations, in order.',
          required: true,
          content: { [JSON_PATCH_TYPE]: { schema: arrayOf(ref('VmImagePatchOperation')) } },
        },
        responses: {
          '200': image('The updated image.'),
          '400': responseRef('BadRequest'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '409': responseRef('Conflict'),
          '413': responseRef('PayloadTooLarge'),
          '415': glanceError('Unsupported Media Type: the body is not a JSON Patch of this type.', {
            'Accept-Patch': header('The accepted patch type.', { type: 'string', enum: [JSON_PATCH_TYPE] }, true),
          }),
          '500': responseRef('InternalError'),
        },
      },
      delete: {
        operationId: 'deleteVmImage',
        tags: [TAG],
        summary: 'Delete an image',
        description: 'Deletes the image and its data; a protected image is 403. Owner or admin only. The id cannot be used again.',
        responses: {
          '204': emptyResponse('Deleted.'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '500': responseRef('InternalError'),
        },
      },
    },
    '/v2/images/{image_id}/file': {
      parameters: [parameterRef('ImageId')],
      put: {
        operationId: 'uploadVmImageData',
        tags: [TAG],
        summary: 'Upload image data',
        description:
          'Streams the image data: `queued` -> `saving` -> `active`, computing size, checksum (MD5), os_hash_value (SHA-512) and ' +
          'virtual_size. The image must be `queued` (409 otherwise) with disk and container formats set (400 otherwise); a qcow2 ' +
          'image must start with a QCOW2 header. Owner or admin only.',
        requestBody: { description: 'The image bytes.', required: true, content: { 'application/octet-stream': { schema: { ...BINARY } } } },
        responses: {
          '204': emptyResponse('Stored; the image is now active.'),
          '400': responseRef('BadRequest'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '409': responseRef('Conflict'),
          '410': glanceError('Gone: the image was deleted during the upload.'),
          '413': responseRef('PayloadTooLarge'),
          '415': responseRef('UnsupportedMediaType'),
          '500': responseRef('InternalError'),
        },
      },
      get: {
        operationId: 'downloadVmImageData',
        tags: [TAG],
        summary: 'Download image data',
        description: "The image bytes; one `Range` gives 206. A deactivated image's data is for admins only (403).",
        parameters: [headerParam('Range', { type: 'string' }, 'One byte range, e.g. `bytes=0-1023`, `bytes=1024-` or `bytes=-512`.')],
        responses: {
          '200': binaryResponse('All of the data.', ['application/octet-stream'], {
            'Content-MD5': header('The MD5 hex digest of the whole data (the image checksum).'),
            'Content-Length': header('Size in bytes.', { type: 'integer', format: 'int64' }),
          }),
          '204': emptyResponse('The image has no data.'),
          '206': binaryResponse('The requested range.', ['application/octet-stream'], {
            'Content-Range': header('`bytes <start>-<end>/<size>`.', { type: 'string' }, true),
            'Content-MD5': header('The MD5 hex digest of the whole data, as Glance sends it on a part too.'),
            'Content-Length': header('Size of the range in bytes.', { type: 'integer', format: 'int64' }),
          }),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '416': glanceError('The range cannot be served (no Content-Range, as on Glance).'),
          '500': responseRef('InternalError'),
        },
      },
    },
    ...SUB_RESOURCE_PATHS,
    '/v2/images/{image_id}/actions/deactivate': {
      parameters: [parameterRef('ImageId')],
      post: {
        operationId: 'deactivateVmImage',
        tags: [TAG],
        summary: 'Deactivate an image',
        description: 'active -> deactivated (deactivated already: no change). Admin or a writer of the owning project; any other status is 403.',
        responses: {
          '204': emptyResponse('Deactivated.'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '500': responseRef('InternalError'),
        },
      },
    },
    '/v2/images/{image_id}/actions/reactivate': {
      parameters: [parameterRef('ImageId')],
      post: {
        operationId: 'reactivateVmImage',
        tags: [TAG],
        summary: 'Reactivate an image',
        description: 'deactivated -> active (active already: no change). Admin or a writer of the owning project; any other status is 403.',
        responses: {
          '204': emptyResponse('Reactivated.'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '500': responseRef('InternalError'),
        },
      },
    },
    '/openapi.json': openApiPathItem('getVmImagesOpenApiDocument', TAG),
  },
  components: {
    schemas: {
      VmImage: VM_IMAGE,
      VmImageList: VM_IMAGE_LIST,
      VmImageCreate: VM_IMAGE_CREATE,
      VmImagePatchOperation: PATCH_OPERATION,
      GlanceError: GLANCE_ERROR,
      VersionList: VERSION_LIST,
    },
    parameters: {
      ImageId: pathParam('image_id', { type: 'string', format: 'uuid' }, 'The image UUID; an unknown or invisible one is 404.'),
    },
    headers: {
      RequestId: header("Glance's request id (`req-<uuid>`), on every response.", { type: 'string' }, true),
    },
    responses: {
      BadRequest: glanceError('Bad Request: a malformed body, query or value.'),
      Unauthorized: glanceError('Unauthorized: no `X-Auth-Token`, or an unknown one.'),
      Forbidden: glanceError('Forbidden: a read-only attribute, a protected image, or a policy refusal.'),
      NotFound: glanceError('Not Found: no such image, or one the caller may not see.'),
      Conflict: glanceError('Conflict: a taken id, a missing property to remove, or an image in the wrong status.'),
      PayloadTooLarge: glanceError('Request Entity Too Large.'),
      UnsupportedMediaType: glanceError('Unsupported Media Type: the body is not of the type this operation takes.'),
      InternalError: glanceError('Internal Server Error.'),
    },
    securitySchemes: {
      keystoneToken: {
        type: 'apiKey',
        in: 'header',
        name: 'X-Auth-Token',
        description: "A Keystone token (one of the embedded principals' tokens); missing or unknown is 401.",
      },
    },
  },
};

/** The document, with `X-Openstack-Request-Id` on every response. */
export const VM_IMAGES_OPENAPI: OpenApiDocument = addHeaderToEveryResponse(document, 'X-Openstack-Request-Id', headerRef('RequestId'));
