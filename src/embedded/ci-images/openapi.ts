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
  healthPathItem,
  jsonResponse,
  object,
  openApiPathItem,
  pathParam,
  queryParam,
  ref,
  responseRef,
  type OpenApiDocument,
  type Schema,
} from '../openapi.js';
import { PERMISSIONS } from './access.js';
import { QEMU_DISK_TYPE } from './download.js';
import { PAGE_LIMIT } from './paging.js';

/**
 * The OpenAPI 3.0.3 document of the embedded CI image service (Djinn CI), served at
 * `GET /openapi.json`. Paths sit at the service root, as Djinn's.
 */

const TAG = 'images';

const integerId = (description: string): Schema => ({ type: 'integer', format: 'int64', description });

const DJINN_USER = object(
  {
    id: integerId('The user id.'),
    email: { type: 'string', description: "The user's email address." },
    username: { type: 'string', description: "The user's name." },
    created_at: dateTime('When the user was created, RFC 3339 in whole seconds.'),
  },
  ['id', 'email', 'username', 'created_at'],
  { description: 'A Djinn user.' },
);

const url = (description: string): Schema => ({ type: 'string', format: 'uri', description });

const DJINN_NAMESPACE = object(
  {
    id: integerId('The namespace id.'),
    user_id: integerId("The owner's user id."),
    root_id: { ...integerId("The root namespace's id (its own for a top-level namespace)."), nullable: true },
    parent_id: { ...integerId("The parent namespace's id; null at the top level."), nullable: true },
    name: { type: 'string', description: 'The namespace name.' },
    path: { type: 'string', description: 'The namespace path.' },
    description: { type: 'string', description: 'The namespace description.' },
    visibility: { type: 'string', enum: ['private', 'internal', 'public'], description: 'Namespace visibility (plays no part in image access).' },
    created_at: dateTime('When the namespace was created, RFC 3339 in whole seconds.'),
    url: url('Absolute URL of the namespace (`…/n/<owner>/<path>`).'),
    builds_url: url("Absolute URL of the namespace's builds."),
    namespaces_url: url("Absolute URL of the namespace's child namespaces."),
    images_url: url("Absolute URL of the namespace's images."),
    objects_url: url("Absolute URL of the namespace's objects."),
    variables_url: url("Absolute URL of the namespace's variables."),
    keys_url: url("Absolute URL of the namespace's keys."),
    invites_url: url("Absolute URL of the namespace's invites."),
    collaborators_url: url("Absolute URL of the namespace's collaborators."),
    webhooks_url: url("Absolute URL of the namespace's webhooks."),
    user: ref('DjinnUser'),
  },
  [
    'id',
    'user_id',
    'root_id',
    'parent_id',
    'name',
    'path',
    'description',
    'visibility',
    'created_at',
    'url',
    'builds_url',
    'namespaces_url',
    'images_url',
    'objects_url',
    'variables_url',
    'keys_url',
    'invites_url',
    'collaborators_url',
    'webhooks_url',
    'user',
  ],
  { description: 'A Djinn namespace, with its owner as `user`.' },
);

const CI_IMAGE = object(
  {
    id: integerId('The image id.'),
    author_id: integerId('The user who uploaded the image.'),
    user_id: integerId('The user the image belongs to (the namespace owner for an image in a namespace).'),
    namespace_id: { ...integerId('The namespace the image is in; null outside namespaces.'), nullable: true },
    driver: { type: 'string', enum: ['qemu'], description: 'Always `qemu`.' },
    name: { type: 'string', pattern: '^[a-zA-Z0-9_-]+$', description: 'The image name.' },
    created_at: dateTime('When the image was created, RFC 3339 in whole seconds.'),
    url: url('Absolute URL of the image.'),
    author: ref('DjinnUser'),
    user: ref('DjinnUser'),
    namespace: ref('DjinnNamespace'),
  },
  ['id', 'author_id', 'user_id', 'namespace_id', 'driver', 'name', 'created_at', 'url'],
  { description: 'A Djinn CI image (a QCOW2 disk). `author`, `user` and `namespace` appear only when set.' },
);

const MESSAGE = object({ message: { type: 'string', description: 'What went wrong.' } }, ['message'], {
  description: 'A Djinn error: `{"message": "Not found"}` for every auth failure and unknown image.',
});

const fieldMessages = (field: string): Schema => arrayOf({ type: 'string' }, { description: `Problems with ${field}.` });

const FIELD_ERRORS = object(
  {
    name: fieldMessages('`name` (required, `^[a-zA-Z0-9_-]+$`, unique per user or namespace)'),
    namespace: fieldMessages('`namespace` (must exist and be writable by the caller)'),
    file: fieldMessages('the body (required, a QCOW2 file, optionally bzip2-compressed)'),
  },
  [],
  { description: 'Validation messages by field, every problem at once, e.g. `{"name": ["Name is required"]}`.' },
);

const IMAGE_ID = pathParam('id', { type: 'integer', format: 'int64', minimum: 1 }, 'The image id; a non-numeric, unknown or foreign one is 404.');

const notFound = responseRef('NotFound');
const internalError = responseRef('InternalError');

const document: OpenApiDocument = {
  openapi: OPENAPI_VERSION,
  info: {
    title: 'Gantry embedded CI images (Djinn CI)',
    version: '1.0.0',
    description:
      "Djinn CI's image API as the embedded service serves it. **Every** auth failure, missing permission, unknown or foreign " +
      'image and unknown route is 404 `{"message":"Not found"}`, never 401 or 403. A known path with another method is 405 ' +
      '`{"message":"Method not allowed"}` with `Allow`. Every response carries `X-Request-Id`; every `GET` also answers `HEAD`.',
  },
  servers: [{ url: '/', description: 'The service root; the served document names it absolutely.' }],
  tags: [{ name: TAG, description: 'Djinn CI images.' }],
  security: [{ bearerAuth: [] }],
  paths: {
    '/images': {
      get: {
        operationId: 'listCiImages',
        tags: [TAG],
        summary: 'List images',
        description: `The caller's images and those of namespaces they own or collaborate on, newest first, ${PAGE_LIMIT} a page. Needs \`image:read\`.`,
        parameters: [
          queryParam('search', { type: 'string' }, 'A case-insensitive substring of the name.'),
          queryParam(
            'page',
            { type: 'integer', minimum: 1, default: 1 },
            'The page, from 1; anything that is not an integer of at least 1 is page 1. A page past the end is empty.',
          ),
        ],
        responses: {
          '200': jsonResponse('One page of images (a bare array).', arrayOf(ref('CiImage')), {
            Link: header(
              'Always present, one value: `<…/images?page=P>; rel="prev", <…/images?page=N>; rel="next"`, absolute URLs keeping ' +
                'the other query parameters; prev at least 1, next at most the page count (0 when empty).',
              { type: 'string' },
              true,
            ),
          }),
          '404': notFound,
          '500': internalError,
        },
      },
      post: {
        operationId: 'createCiImage',
        tags: [TAG],
        summary: 'Create an image',
        description:
          'The raw body is the image file: a QCOW2 disk (magic `QFI\\xfb`, version 2 or 3), or bzip2 data (`BZh…`) decompressed ' +
          'first. Any content type but `multipart/*` and `application/json` (send `application/octet-stream`). Needs `image:write`.',
        parameters: [
          queryParam(
            'name',
            { type: 'string', pattern: '^[a-zA-Z0-9_-]+$' },
            'The image name, unique per user outside namespaces and per namespace inside one.',
            { required: true },
          ),
          queryParam('namespace', { type: 'string' }, "Djinn's `path[@owner]`: the namespace `path` of user `owner` (the caller when left out)."),
        ],
        requestBody: { description: 'The image file.', required: true, content: { 'application/octet-stream': { schema: { ...BINARY } } } },
        responses: {
          '201': jsonResponse('The new image.', ref('CiImage')),
          '400': jsonResponse('Validation failed: the messages by field; a request it cannot read: `{"message": "Bad request"}`.', {
            oneOf: [ref('CiFieldErrors'), ref('DjinnMessage')],
          }),
          '404': notFound,
          '413': jsonResponse('The (decompressed) file is over the size limit: `{"message": "File too large"}`.', ref('DjinnMessage')),
          '500': internalError,
        },
      },
    },
    '/images/{id}': {
      parameters: [IMAGE_ID],
      get: {
        operationId: 'getCiImage',
        tags: [TAG],
        summary: 'Show an image, or download it',
        description:
          `The image object; with \`Accept: ${QEMU_DISK_TYPE}\` (or \`application/octet-stream\`) the file itself, as Go's ` +
          '`http.ServeContent` sends it (ranges, `Last-Modified`, `If-Modified-Since`, `If-Range`). Needs `image:read`.',
        parameters: [
          headerParam('Range', { type: 'string' }, 'With a file Accept: one byte range, e.g. `bytes=0-1023`.'),
          headerParam('If-Modified-Since', { type: 'string' }, 'With a file Accept: 304 when the image is not newer.'),
          headerParam('If-Range', { type: 'string' }, 'With a file Accept: an HTTP date; another date than `Last-Modified` sends the whole file.'),
        ],
        responses: {
          '200': {
            description: 'The image object, or with a file Accept the whole file.',
            headers: {
              'Last-Modified': header("With a file Accept: the image's creation time."),
              'Accept-Ranges': header('With a file Accept: `bytes`.'),
            },
            content: {
              'application/json': { schema: ref('CiImage') },
              [QEMU_DISK_TYPE]: { schema: { ...BINARY } },
            },
          },
          '206': binaryResponse('With a file Accept and one `Range`: that range of the file.', [QEMU_DISK_TYPE], {
            'Content-Range': header('`bytes <start>-<end>/<size>`.', { type: 'string' }, true),
            'Last-Modified': header("The image's creation time."),
          }),
          '304': emptyResponse('With a file Accept and `If-Modified-Since`: not modified.'),
          '404': notFound,
          '416': jsonResponse('With a file Accept: a range it cannot serve.', ref('DjinnMessage'), {
            'Content-Range': header('`bytes */<size>`.', { type: 'string' }, true),
          }),
          '500': internalError,
        },
      },
      delete: {
        operationId: 'deleteCiImage',
        tags: [TAG],
        summary: 'Delete an image',
        description: "Deletes the image and its file. Needs `image:delete`; a namespace collaborator may delete the namespace's images.",
        responses: {
          '204': emptyResponse('Deleted (empty body).'),
          '404': notFound,
          '500': internalError,
        },
      },
    },
    '/health': healthPathItem('getCiImagesHealth', TAG),
    '/openapi.json': openApiPathItem('getCiImagesOpenApiDocument', TAG),
  },
  components: {
    schemas: {
      CiImage: CI_IMAGE,
      DjinnUser: DJINN_USER,
      DjinnNamespace: DJINN_NAMESPACE,
      DjinnMessage: MESSAGE,
      CiFieldErrors: FIELD_ERRORS,
    },
    headers: {
      RequestId: header('A request id (UUID), on every response (extension, for logs).', { type: 'string' }, true),
    },
    responses: {
      NotFound: jsonResponse(
        'Not found: no or an unknown token, a missing permission, an unknown, foreign or non-numeric image, alike: `{"message":"Not found"}`.',
        ref('DjinnMessage'),
      ),
      InternalError: jsonResponse('An unexpected failure: `{"message":"Something went wrong"}`.', ref('DjinnMessage')),
    },
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: `A Djinn token holding the permissions the operation needs (${PERMISSIONS.join(', ')}); any failure is 404.`,
      },
    },
  },
};

/** The document, with `X-Request-Id` on every response. */
export const CI_IMAGES_OPENAPI: OpenApiDocument = addHeaderToEveryResponse(document, 'X-Request-Id', headerRef('RequestId'));
