import { flag, int64, nullableInt64, nullableText, text, arrayOf, extension, object, ref, type Schema } from '../openapi.js';
import { railsTime } from '../compute-stacks/openapi.js';
import { DEFAULT_ICON_URL } from './serialize.js';
import { BORG_HOOKS, BORG_STRATEGIES, ENV_PARAM_TYPES, IMAGE_PROVIDERS, INGRESS_PROTOS, ROLE_CLASSES, SETTING_PARAM_TYPES, TCP_PROXY_OPTS } from './image.js';

/** The component schemas of the container image service's OpenAPI document (openapi.ts): the image, its nested params, and the create and update bodies. */

const oneOfValues = (values: readonly string[], description: string): Schema => ({ type: 'string', enum: [...values], description });
const strings = (description: string): Schema => arrayOf({ type: 'string' }, { description });
const ids = (description: string): Schema => arrayOf({ type: 'integer', format: 'int64' }, { description });
const count = (description: string, maximum?: number): Schema => ({ type: 'integer', minimum: 0, ...(maximum === undefined ? {} : { maximum }), description });
const BORG_KEEPS = { borg_keep_hourly: 24, borg_keep_daily: 7, borg_keep_weekly: 4, borg_keep_monthly: 24, borg_keep_annually: 100 } as const;

export const ENV_PARAM = object(
  {
    id: int64('The param id.'),
    name: text('The variable name.'),
    label: text('A label (the name when none was given).'),
    param_type: oneOfValues(ENV_PARAM_TYPES, '`static`: `static_value` is used; `variable`: `env_value` names a value to fill in.'),
    env_value: nullableText('The value of a `variable` param; null for a `static` one.'),
    static_value: nullableText('The value of a `static` param; null for a `variable` one.'),
    updated_at: railsTime('Last change'),
    created_at: railsTime('Creation time'),
  },
  ['id', 'name', 'label', 'param_type', 'env_value', 'static_value', 'updated_at', 'created_at'],
  { description: 'An environment variable of the image.' },
);

export const SETTING_PARAM = object(
  {
    id: int64('The param id.'),
    name: text('The setting name.'),
    label: text('A label (the name when none was given).'),
    param_type: oneOfValues(SETTING_PARAM_TYPES, '`password`: a generated value; `static`: as given.'),
    value: nullableText('The value (generated for a `password`).'),
    updated_at: railsTime('Last change'),
    created_at: railsTime('Creation time'),
  },
  ['id', 'name', 'label', 'param_type', 'value', 'updated_at', 'created_at'],
  { description: 'A setting of the image.' },
);

export const INGRESS_PARAM = object(
  {
    id: int64('The param id.'),
    port: { type: 'integer', minimum: 1, maximum: 65_535, description: 'The port the image listens on.' },
    proto: oneOfValues(INGRESS_PROTOS, 'The protocol.'),
    backend_ssl: flag('Whether the backend speaks TLS.'),
    external_access: flag('Whether the port is reachable from outside.'),
    tcp_proxy_opt: oneOfValues(TCP_PROXY_OPTS, 'PROXY protocol option.'),
    created_at: railsTime('Creation time'),
    updated_at: railsTime('Last change'),
  },
  ['id', 'port', 'proto', 'backend_ssl', 'external_access', 'tcp_proxy_opt', 'created_at', 'updated_at'],
  { description: 'An ingress param of the image (the embedded service shows them so a create can be read back whole).' },
);

export const VOLUME = object(
  {
    id: int64('The volume id.'),
    label: text('The volume label.'),
    mount_path: text('Where the volume is mounted (normalised, leading `/`).'),
    enable_sftp: flag('Whether the volume is reachable over SFTP.'),
    borg_enabled: flag('Whether the volume is backed up.'),
    borg_freq: text('Backup frequency: a cron expression or `@hourly`, `@daily`, ….'),
    borg_strategy: oneOfValues(BORG_STRATEGIES, 'Backup strategy.'),
    ...Object.fromEntries(Object.entries(BORG_KEEPS).map(([key, max]) => [key, count(`Backups to keep (${key.slice('borg_keep_'.length)}).`, max)])),
    ...Object.fromEntries(BORG_HOOKS.map((hook) => [hook, strings(`Commands run (${hook.slice('borg_'.length).replace(/_/g, ' ')}).`)])),
    created_at: railsTime('Creation time'),
    updated_at: railsTime('Last change'),
  },
  [
    'id',
    'label',
    'mount_path',
    'enable_sftp',
    'borg_enabled',
    'borg_freq',
    'borg_strategy',
    ...Object.keys(BORG_KEEPS),
    ...BORG_HOOKS,
    'created_at',
    'updated_at',
  ],
  { description: 'A volume of the image (the embedded service shows them so a create can be read back whole).' },
);

export const CONTAINER_IMAGE = object(
  {
    id: int64('The image id.'),
    active: flag('Available for order.'),
    is_load_balancer: flag('Whether this is a load balancer image.'),
    can_scale: flag('Whether containers of the image can scale.'),
    command: nullableText('Command executed by the container on start.'),
    container_image_provider_id: nullableInt64(
      `The registry provider (${Object.entries(IMAGE_PROVIDERS)
        .map(([key, name]) => `${key} ${name}`)
        .join(', ')}).`,
    ),
    description: nullableText('Description.'),
    domains_block_id: nullableInt64('Content block about domains.'),
    general_block_id: nullableInt64('General content block.'),
    icon_url: text(`Icon URL (\`${DEFAULT_ICON_URL}\` when the image has none).`),
    image_url: nullableText('Picture URL.'),
    is_free: flag('Free of charge.'),
    label: text('The label.'),
    min_cpu: { type: 'string', pattern: '^-?\\d+\\.\\d+$', description: 'Minimum cores, a decimal as Rails prints a BigDecimal (`"0.5"`, `"1.0"`).' },
    labels: arrayOf(object({ key: text('Label key.'), value: text('Label value.') }, ['key', 'value']), { description: 'Key/value labels.' }),
    min_memory: { type: 'integer', minimum: 0, description: 'Minimum memory in MB.' },
    name: text('Unique name derived from the label.'),
    registry_auth: flag('Whether the registry needs credentials.'),
    registry_custom: nullableText('Custom registry host.'),
    registry_image_path: text('Image path in the registry.'),
    registry_image_tag: text('Image tag.'),
    registry_username: nullableText('Registry user (the password is write-only).'),
    remote_block_id: nullableInt64('Content block about remote access.'),
    role: text('Role, used in generating variables.'),
    role_class: oneOfValues(ROLE_CLASSES, 'Category (`category` in later ComputeStacks).'),
    ssh_block_id: nullableInt64('Content block about SSH.'),
    user_id: nullableInt64('The owner; null for a system image.'),
    created_at: railsTime('Creation time'),
    updated_at: railsTime('Last change'),
    required_containers: ids('Ids of the images this one requires, ascending.'),
    required_by: ids('Ids of every image requiring this one (visible to the caller or not), ascending.'),
    container_image_env_params: arrayOf(ref('ContainerImageEnvParam'), { description: 'Environment variables.' }),
    container_image_settings_params: arrayOf(ref('ContainerImageSettingParam'), { description: 'Settings.' }),
    container_image_ingress_params: arrayOf(ref('ContainerImageIngressParam'), extension("the image's ingress params.")),
    volumes: arrayOf(ref('ContainerImageVolume'), extension("the image's volumes.")),
  },
  [
    'id',
    'active',
    'is_load_balancer',
    'can_scale',
    'command',
    'container_image_provider_id',
    'description',
    'domains_block_id',
    'general_block_id',
    'icon_url',
    'image_url',
    'is_free',
    'label',
    'min_cpu',
    'labels',
    'min_memory',
    'name',
    'registry_auth',
    'registry_custom',
    'registry_image_path',
    'registry_image_tag',
    'registry_username',
    'remote_block_id',
    'role',
    'role_class',
    'ssh_block_id',
    'user_id',
    'created_at',
    'updated_at',
    'required_containers',
    'required_by',
    'container_image_env_params',
    'container_image_settings_params',
    'container_image_ingress_params',
    'volumes',
  ],
  { description: 'A ComputeStacks container image.' },
);

// Requests.

export const ENV_PARAM_INPUT = object(
  {
    name: text('The variable name (required).'),
    label: text('A label; defaults to the name.'),
    param_type: { ...oneOfValues(ENV_PARAM_TYPES, 'Defaults to `static`.'), default: 'static' },
    env_value: text('The value of a `variable` param.'),
    static_value: text('The value of a `static` param.'),
  },
  ['name'],
);
export const SETTING_PARAM_INPUT = object(
  {
    name: text('The setting name (required).'),
    label: text('A label; defaults to the name.'),
    param_type: { ...oneOfValues(SETTING_PARAM_TYPES, 'Defaults to `static`; a `password` gets a generated value.'), default: 'static' },
    value: text('The value of a `static` setting.'),
  },
  ['name'],
);
export const INGRESS_PARAM_INPUT = object(
  {
    port: { type: 'integer', minimum: 1, maximum: 65_535, description: 'The port.' },
    proto: oneOfValues(INGRESS_PROTOS, 'The protocol.'),
    backend_ssl: { ...flag('Defaults to false.'), default: false },
    external_access: { ...flag('Defaults to false.'), default: false },
    tcp_proxy_opt: { ...oneOfValues(TCP_PROXY_OPTS, 'Defaults to `none`.'), default: 'none' },
  },
  ['port', 'proto'],
);
export const VOLUME_INPUT = object(
  {
    label: text('The volume label (required).'),
    mount_path: text('Where to mount it (required).'),
    enable_sftp: { ...flag('Defaults to true.'), default: true },
    borg_enabled: { ...flag('Defaults to true.'), default: true },
    borg_freq: { ...text('Cron expression or `@hourly`, `@midnight`, `@daily`, `@weekly`, `@monthly`.'), default: '@hourly' },
    borg_strategy: { ...oneOfValues(BORG_STRATEGIES, 'Defaults to `file`.'), default: 'file' },
    ...Object.fromEntries(Object.entries(BORG_KEEPS).map(([key, max]) => [key, { ...count(`Backups to keep (default 1).`, max), default: 1 }])),
    ...Object.fromEntries(BORG_HOOKS.map((hook) => [hook, strings('Commands to run.')])),
  },
  ['label', 'mount_path'],
);

const wrapped = (key: string, schema: string): Schema =>
  arrayOf(object({ [key]: ref(schema) }, [key]), { description: `ComputeStacks' form: \`[{"${key}": {...}}]\`.` });

/** The attributes create and update share. */
const ATTRIBUTES: Record<string, Schema> = {
  label: text('The label (required on create); `name` is derived from it.'),
  description: text('Description.'),
  active: flag('Available for order.'),
  role: text('Role (required on create).'),
  role_class: oneOfValues(ROLE_CLASSES, 'Category (required on create, or as `category`).'),
  category: oneOfValues(ROLE_CLASSES, 'Another name for `role_class`.'),
  can_scale: flag('Whether containers can scale.'),
  command: text('Command executed on start.'),
  min_cpu: { type: 'number', minimum: 0, description: 'Minimum cores, fractions allowed (a numeric string is accepted too).' },
  min_memory: { type: 'integer', minimum: 0, description: 'Minimum memory in MB.' },
  container_image_provider_id: { type: 'integer', enum: Object.keys(IMAGE_PROVIDERS).map(Number), description: 'The registry provider.' },
  registry_auth: flag('Whether the registry needs credentials.'),
  registry_custom: text('Custom registry host.'),
  registry_image_path: text('Image path in the registry (required on create).'),
  registry_image_tag: text('Image tag (required on create).'),
  registry_username: text('Registry user.'),
  registry_password: { type: 'string', writeOnly: true, description: 'Registry password (never shown).' },
  is_free: flag('Free of charge (admin only; ignored for others).'),
  override_autoremove: flag('Admin only; ignored for others.'),
  dependency_parents: arrayOf(object({ requires_container_id: int64('An image this one requires.') }, ['requires_container_id']), {
    description: 'The images this one requires (on update: replaces them).',
  }),
  required_containers: ids('Shorthand for `dependency_parents`: the ids of the images this one requires.'),
};

export const CONTAINER_IMAGE_CREATE = object(
  {
    ...ATTRIBUTES,
    env_params_attributes: arrayOf(ref('ContainerImageEnvParamInput'), { description: "Environment variables (the document's form)." }),
    env_params: wrapped('env_param', 'ContainerImageEnvParamInput'),
    setting_params_attributes: arrayOf(ref('ContainerImageSettingParamInput'), { description: "Settings (the document's form)." }),
    setting_params: wrapped('setting_param', 'ContainerImageSettingParamInput'),
    ingress_params_attributes: arrayOf(ref('ContainerImageIngressParamInput'), { description: "Ingress params (the document's form)." }),
    ingress_params: wrapped('ingress_param', 'ContainerImageIngressParamInput'),
    volume_attributes: arrayOf(ref('ContainerImageVolumeInput'), { description: "Volumes (the document's form)." }),
    volumes_attributes: arrayOf(ref('ContainerImageVolumeInput'), { description: "Volumes (the name ComputeStacks' controller permits)." }),
    volumes: wrapped('volume', 'ContainerImageVolumeInput'),
  },
  ['label', 'role', 'registry_image_path', 'registry_image_tag'],
  { description: 'A new image: label, role, role_class (or category), registry_image_path and registry_image_tag are required.' },
);

export const CONTAINER_IMAGE_UPDATE = object(ATTRIBUTES, [], {
  description: 'Changed attributes; dependencies, when given, replace the current ones. Nested params cannot be changed.',
});
