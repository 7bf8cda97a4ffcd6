import {
  BINARY,
  OPENAPI_VERSION,
  addHeaderToEveryResponse,
  arrayOf,
  binaryResponse,
  dateTime,
  emptyResponse,
  header,
  headerParam,
  headerRef,
  jsonBody,
  object,
  openApiPathItem,
  parameterRef,
  pathParam,
  queryParam,
  ref,
  responseRef,
  type OpenApiDocument,
  type OpenApiObject,
  type Schema,
} from '../openapi.js';
import { JSON_PATCH_TYPE } from './errors.js';
import { CONTAINER_FORMATS, DISK_FORMATS, MEMBER_STATUSES, STATUSES, VISIBILITIES } from './image.js';
import { DEFAULT_LIMIT, MAX_LIMIT, SORT_KEYS } from './paging.js';

/**
 * The OpenAPI 3.0.3 document of the embedded VM image service (OpenStack Glance v2), served at
 * `GET /openapi.json`. Paths are relative to the service root (`http://host:9292`), as Glance's.
 */

const TAG = 'images';

const uuid = (description: string): Schema => ({ type: 'string', format: 'uuid', description });
const nullableEnum = (values: readonly string[], description: string): Schema => ({ type: 'string', enum: [...values], nullable: true, description });

const VM_IMAGE = object(
  {
    id: uuid('The image UUID.'),
    name: { type: 'string', nullable: true, maxLength: 255, description: 'The name of the image; null when unset.' },
    status: { type: 'string', enum: [...STATUSES], description: 'The image status.' },
    visibility: { type: 'string', enum: [...VISIBILITIES], description: 'Who can see the image (a new image without one is `shared`).' },
    protected: { type: 'boolean', description: 'A protected image cannot be deleted.' },
    tags: arrayOf({ type: 'string' }, { description: 'The image tags, a set, in ascending order.' }),
    container_format: nullableEnum(CONTAINER_FORMATS, 'Format of the image container; null until set.'),
    disk_format: nullableEnum(DISK_FORMATS, 'Format of the disk; null until set.'),
    min_disk: { type: 'integer', minimum: 0, description: 'Disk space in GB required to boot the image.' },
    min_ram: { type: 'integer', minimum: 0, description: 'RAM in MB required to boot the image.' },
    size: { type: 'integer', format: 'int64', nullable: true, description: 'Size of the image data in bytes; null before an upload.' },
    virtual_size: { type: 'integer', format: 'int64', nullable: true, description: 'Virtual disk size in bytes (from the QCOW2 header); null when unknown.' },
    checksum: { type: 'string', nullable: true, description: 'MD5 hex digest of the image data.' },
    os_hash_algo: { type: 'string', nullable: true, description: 'Algorithm of `os_hash_value` (`sha512`).' },
    os_hash_value: { type: 'string', nullable: true, description: 'Hex digest of the image data with `os_hash_algo`.' },
    os_hidden: { type: 'boolean', description: 'Hidden images stay out of lists unless `os_hidden=true` is asked for.' },
    owner: { type: 'string', nullable: true, description: 'The owning project (32 hex digits).' },
    created_at: dateTime('Creation time, RFC 3339 in whole seconds with `Z`.'),
    updated_at: dateTime('Last change, RFC 3339 in whole seconds with `Z`.'),
    self: { type: 'string', description: 'Path of the image relative to the service root (`/v2/images/{id}`).' },
    file: { type: 'string', description: 'Path of the image data relative to the service root (`/v2/images/{id}/file`).' },
    schema: { type: 'string', description: 'Path of the image schema (`/v2/schemas/image`).' },
  },
  [
    'id',
    'name',
    'status',
    'visibility',
    'protected',
    'tags',
    'container_format',
    'disk_format',
    'min_disk',
    'min_ram',
    'size',
    'virtual_size',
    'checksum',
    'os_hash_algo',
    'os_hash_value',
    'os_hidden',
    'owner',
    'created_at',
    'updated_at',
    'self',
    'file',
    'schema',
  ],
  {
    description: 'A Glance v2 image. Custom properties (`os_distro`, `hw_disk_bus`, …) appear as further top-level string keys.',
    additionalProperties: { type: 'string', description: 'A custom property.' },
  },
);

const VM_IMAGE_LIST = object(
  {
    images: arrayOf(ref('VmImage'), { description: 'One page of images.' }),
    first: { type: 'string', description: 'Path of the first page, with the same query (without `marker`).' },
    next: { type: 'string', description: 'Path of the next page (`marker` = the last image of this page); absent on the last page.' },
    schema: { type: 'string', description: '`/v2/schemas/images`.' },
  },
  ['images', 'first', 'schema'],
);

const VM_IMAGE_CREATE = object(
  {
    id: uuid('A caller-chosen UUID; a taken (or previously used) id is 409.'),
    name: { type: 'string', nullable: true, maxLength: 255, description: 'The name of the image.' },
    visibility: { type: 'string', enum: [...VISIBILITIES], description: 'Defaults to `shared`; only admins may make an image `public`.' },
    protected: { type: 'boolean', description: 'Protection against deletion.' },
    tags: arrayOf({ type: 'string', maxLength: 255 }, { description: 'Tags (a set: duplicates collapse).' }),
    container_format: nullableEnum(CONTAINER_FORMATS, 'Format of the image container.'),
    disk_format: nullableEnum(DISK_FORMATS, 'Format of the disk.'),
    min_disk: { type: 'integer', minimum: 0, description: 'Disk space in GB required to boot the image.' },
    min_ram: { type: 'integer', minimum: 0, description: 'RAM in MB required to boot the image.' },
    os_hidden: { type: 'boolean', description: 'Hide the image from default lists.' },
  },
  [],
  {
    description:
      'A new image. Any other key is a custom property and must be a string; read-only attributes (`status`, `size`, ' +
      '`checksum`, `owner`, …) and `os_glance*` keys are refused with 403.',
    additionalProperties: { type: 'string', description: 'A custom property.' },
  },
);

const PATCH_OPERATION = object(
  {
    op: { type: 'string', enum: ['add', 'replace', 'remove'], description: 'The operation.' },
    path: {
      type: 'string',
      description: 'A one-segment JSON pointer: `/name`, `/tags` (the whole list; `/tags/-` is 400), `/protected`, `/<custom property>`, …',
    },
    value: { description: "The new value (not for `remove`): a string for a custom property, the attribute's type otherwise." },
  },
  ['op', 'path'],
);

const GLANCE_ERROR = object(
  {
    message: { type: 'string', description: 'What went wrong; Glance ends it with `<br /><br />` and blank lines.' },
    code: { type: 'string', description: 'Status and reason phrase, e.g. `404 Not Found`.' },
    title: { type: 'string', description: 'The reason phrase, e.g. `Not Found`.' },
  },
  ['message', 'code', 'title'],
  { description: 'A Glance error, as JSON when the request sends `Accept: application/json`.' },
);

const VERSION_LIST = object(
  {
    versions: arrayOf(
      object(
        {
          id: { type: 'string', description: 'e.g. `v2.16`.' },
          status: { type: 'string', description: 'e.g. `CURRENT`.' },
          links: arrayOf(object({ rel: { type: 'string' }, href: { type: 'string', description: 'Absolute URL of the version root.' } }, ['rel', 'href'])),
        },
        ['id', 'status', 'links'],
      ),
    ),
  },
  ['versions'],
);

/** A Glance error response: JSON with `Accept: application/json`, else webob's HTML page. */
function glanceError(description: string, headers?: Record<string, OpenApiObject>): OpenApiObject {
  return {
    description: `${description} JSON with \`Accept: application/json\`, else an HTML page.`,
    ...(headers === undefined ? {} : { headers }),
    content: {
      'application/json': { schema: ref('GlanceError') },
      'text/html': { schema: { type: 'string' } },
    },
  };
}

const image = (description: string): OpenApiObject => ({ description, content: { 'application/json': { schema: ref('VmImage') } } });

const LIST_PARAMETERS: OpenApiObject[] = [
  queryParam(
    'limit',
    { type: 'integer', minimum: 0, default: DEFAULT_LIMIT },
    `Page size (default ${DEFAULT_LIMIT}, values above ${MAX_LIMIT} count as ${MAX_LIMIT}); not an integer or negative is 400.`,
  ),
  queryParam('marker', { type: 'string', format: 'uuid' }, 'The id of the last image seen; an unknown or invisible one is 400.'),
  queryParam(
    'sort_key',
    arrayOf({ type: 'string', enum: [...SORT_KEYS] }),
    'Sort key (repeatable; default `created_at`); an unknown key is 400. Not with `sort`.',
    { style: 'form', explode: true },
  ),
  queryParam('sort_dir', arrayOf({ type: 'string', enum: ['asc', 'desc'] }), 'Sort direction, one for all keys or one per `sort_key` (default `desc`).', {
    style: 'form',
    explode: true,
  }),
  queryParam(
    'sort',
    { type: 'string' },
    'Sorts by several keys at once: `name:asc,created_at:desc` (direction defaults to `desc`). Not with `sort_key`/`sort_dir`.',
  ),
  queryParam('name', { type: 'string' }, 'Exact name, or several with `in:a,b` (double quotes protect commas).'),
  queryParam('id', { type: 'string' }, 'Exact id, or several with `in:<uuid>,<uuid>` (one call for many ids).'),
  queryParam('owner', { type: 'string' }, 'Filters by owning project.'),
  queryParam('status', { type: 'string', enum: [...STATUSES] }, 'Filters by status; another value is 400.'),
  queryParam(
    'visibility',
    { type: 'string', enum: [...VISIBILITIES, 'all'] },
    'Filters by visibility; `community` and `all` also list community images. Another value is 400.',
  ),
  queryParam(
    'member_status',
    { type: 'string', enum: [...MEMBER_STATUSES], default: 'accepted' },
    "Which shared images to list by the caller's membership status.",
  ),
  queryParam('protected', { type: 'boolean' }, 'Filters by the protected flag; other than true/false is 400.'),
  queryParam('os_hidden', { type: 'boolean' }, '`true` lists only hidden images; hidden ones are left out otherwise.'),
  queryParam('tag', arrayOf({ type: 'string' }), 'Images carrying the tag (repeatable: every tag must be present).', { style: 'form', explode: true }),
  queryParam('size_min', { type: 'integer', format: 'int64', minimum: 0 }, 'Smallest size in bytes; not a non-negative integer is 400.'),
  queryParam('size_max', { type: 'integer', format: 'int64', minimum: 0 }, 'Largest size in bytes; not a non-negative integer is 400.'),
  queryParam(
    'created_at',
    { type: 'string' },
    'A time comparison `<op>:<RFC 3339 time>` with op gt, gte, eq, neq, lt or lte (a bare time means eq), in whole seconds.',
  ),
  queryParam('updated_at', { type: 'string' }, 'As `created_at`, on the last change.'),
  queryParam('min_disk', { type: 'integer', minimum: 0 }, 'Exact min_disk.'),
  queryParam('min_ram', { type: 'integer', minimum: 0 }, 'Exact min_ram.'),
  queryParam('container_format', { type: 'string' }, 'Exact container format.'),
  queryParam('disk_format', { type: 'string' }, 'Exact disk format.'),
  queryParam('checksum', { type: 'string' }, 'Exact MD5 checksum.'),
  queryParam('os_hash_algo', { type: 'string' }, 'Exact hash algorithm.'),
  queryParam('os_hash_value', { type: 'string' }, 'Exact hash value.'),
];

const VERSIONS_RESPONSE = { content: { 'application/json': { schema: ref('VersionList') } } };

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
        description: "Creates a `queued` image record owned by the caller's project; upload its data with `PUT /v2/images/{image_id}/file`.",
        requestBody: jsonBody(ref('VmImageCreate'), "The new image's attributes and custom properties."),
        responses: {
          '201': { ...image('The new image.'), headers: { Location: header('Absolute URL of the new image.', { type: 'string' }, true) } },
          '400': responseRef('BadRequest'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '409': responseRef('Conflict'),
          '413': responseRef('PayloadTooLarge'),
          '415': responseRef('UnsupportedMediaType'),
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
            'Content-Length': header('Size of the range in bytes.', { type: 'integer', format: 'int64' }),
          }),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
          '416': glanceError('The range cannot be served.', { 'Content-Range': header('`bytes */<size>`.', { type: 'string' }, true) }),
          '500': responseRef('InternalError'),
        },
      },
    },
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
