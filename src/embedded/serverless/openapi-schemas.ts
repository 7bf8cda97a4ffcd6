import { uuid, arrayOf, dateTime, extension, object, ref, type Schema } from '../openapi.js';
import { DEFAULT_SPEC, LIMITS } from './fields.js';
import { GPU_MODELS } from './gpu-models.js';
import { ZERO_TIME } from './serialize.js';

/** The component schemas of the serverless container service's OpenAPI document (openapi.ts): containers, revisions, GPU models, errors, and the create and update bodies. */

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

export const CONTAINER = object(
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

export const REVISION = object(
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

export const GPU_MODEL = object(
  {
    code: { type: 'string', enum: GPU_CODES, description: 'The code `desiredGPUs` takes.' },
    name: { type: 'string', description: 'e.g. `Nvidia a100`, `Nvidia rtx-3060-ti`.' },
  },
  ['code', 'name'],
  { description: 'A GPU model.' },
);

export const page = (items: string, description: string): Schema =>
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

export const ERROR = object(
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

export const CONTAINER_CREATE = object(INPUT_PROPERTIES, ['name', 'image'], {
  description: 'A new container. Unknown and read-only fields are ignored; a null field counts as not given.',
});
export const CONTAINER_UPDATE = object(INPUT_PROPERTIES, [], {
  description:
    'A partial update: each given field replaces the current value whole (`env` too). `name` cannot change (only the current ' +
    'one is accepted). At least one field must be given.',
});
