import { uuid, arrayOf, dateTime, object, queryParam, ref, type OpenApiObject, type Schema } from '../openapi.js';
import { CONTAINER_FORMATS, DISK_FORMATS, MEMBER_STATUSES, STATUSES, VISIBILITIES } from './image.js';
import { DEFAULT_LIMIT, MAX_LIMIT, SORT_KEYS } from './paging.js';

/** The components of the VM image service's OpenAPI document (openapi.ts): Glance's image, list, create and patch bodies, errors, versions, and the list parameters. */

const nullableEnum = (values: readonly string[], description: string): Schema => ({ type: 'string', enum: [...values], nullable: true, description });

export const VM_IMAGE = object(
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

export const VM_IMAGE_LIST = object(
  {
    images: arrayOf(ref('VmImage'), { description: 'One page of images.' }),
    first: { type: 'string', description: 'Path of the first page, with the same query (without `marker`).' },
    next: { type: 'string', description: 'Path of the next page (`marker` = the last image of this page); absent on the last page.' },
    schema: { type: 'string', description: '`/v2/schemas/images`.' },
  },
  ['images', 'first', 'schema'],
);

export const VM_IMAGE_CREATE = object(
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

export const PATCH_OPERATION = object(
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

export const GLANCE_ERROR = object(
  {
    message: { type: 'string', description: 'What went wrong; Glance ends it with `<br /><br />` and blank lines.' },
    code: { type: 'string', description: 'Status and reason phrase, e.g. `404 Not Found`.' },
    title: { type: 'string', description: 'The reason phrase, e.g. `Not Found`.' },
  },
  ['message', 'code', 'title'],
  { description: 'A Glance error, as JSON when the request sends `Accept: application/json`.' },
);

export const VERSION_LIST = object(
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
export function glanceError(description: string, headers?: Record<string, OpenApiObject>): OpenApiObject {
  return {
    description: `${description} JSON with \`Accept: application/json\`, else an HTML page.`,
    ...(headers === undefined ? {} : { headers }),
    content: {
      'application/json': { schema: ref('GlanceError') },
      'text/html': { schema: { type: 'string' } },
    },
  };
}

export const image = (description: string): OpenApiObject => ({ description, content: { 'application/json': { schema: ref('VmImage') } } });

export const LIST_PARAMETERS: OpenApiObject[] = [
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

export const VERSIONS_RESPONSE = { content: { 'application/json': { schema: ref('VersionList') } } };
