import { z } from 'zod';
import type { ContainerImageWriteBody } from '../../backends/container-images/types.js';
import { builder, type GantrySchemaTypes } from '../builder.js';
import { graphqlName } from '../upstream-names.js';
import { inputRules, nonNegativeInt, portNumber } from '../input-rules.js';
import { containerImageId } from './container-image.js';
import { BackupStrategyEnum, EnvParamTypeEnum, IngressProtocolEnum, RoleClassEnum, SettingParamTypeEnum, TcpProxyOptionEnum } from './enums.js';

/** Input types shared by createContainerImage and updateContainerImage, and their upstream form. */

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');

const EnvParamInput = builder.inputType('ContainerImageEnvParamInput', {
  description: 'An environment variable of the image.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Variable name.' }),
    label: t.string({ description: 'Human label.' }),
    paramType: t.field({ type: EnvParamTypeEnum, required: true, description: 'Where the value comes from.' }),
    envValue: t.string({ description: 'The setting to take the value from (VARIABLE).' }),
    staticValue: t.string({ description: 'The fixed value (STATIC).' }),
  }),
});

const SettingParamInput = builder.inputType('ContainerImageSettingParamInput', {
  description: 'A setting of the image; a PASSWORD one gets a generated value.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Setting name.' }),
    label: t.string({ description: 'Human label.' }),
    paramType: t.field({ type: SettingParamTypeEnum, required: true, description: 'Kind of setting.' }),
    value: t.string({ description: 'The value (ignored for PASSWORD).' }),
  }),
});

const IngressParamInput = builder.inputType('ContainerImageIngressParamInput', {
  description: 'A port the image exposes.',
  fields: (t) => ({
    port: t.int({ required: true, description: 'Port number.' }),
    proto: t.field({ type: IngressProtocolEnum, required: true, description: 'Protocol.' }),
    backendSsl: t.boolean({ description: 'The container itself speaks TLS.' }),
    externalAccess: t.boolean({ description: 'Reachable from outside the project.' }),
    tcpProxyOpt: t.field({ type: TcpProxyOptionEnum, description: 'PROXY protocol option.' }),
  }),
});

const VolumeInput = builder.inputType('ContainerImageVolumeInput', {
  description: 'A volume of the image, with its backup settings.',
  fields: (t) => ({
    label: t.string({ description: 'Human label.' }),
    mountPath: t.string({ required: true, description: 'Where it is mounted (absolute path).' }),
    enableSftp: t.boolean({ description: 'Reachable over SFTP.' }),
    backupEnabled: t.boolean({ description: 'Back the volume up.' }),
    backupFrequency: t.string({ description: 'How often (`@daily`, a cron expression).' }),
    backupStrategy: t.field({ type: BackupStrategyEnum, description: 'What is backed up.' }),
    keepHourly: t.int({ description: 'Hourly archives kept.' }),
    keepDaily: t.int({ description: 'Daily archives kept.' }),
    keepWeekly: t.int({ description: 'Weekly archives kept.' }),
    keepMonthly: t.int({ description: 'Monthly archives kept.' }),
    keepAnnually: t.int({ description: 'Yearly archives kept.' }),
    preBackup: t.stringList({ description: 'Commands run before a backup.' }),
    postBackup: t.stringList({ description: 'Commands run after a backup.' }),
    preRestore: t.stringList({ description: 'Commands run before a restore.' }),
    postRestore: t.stringList({ description: 'Commands run after a restore.' }),
    rollback: t.stringList({ description: 'Commands run when a restore fails.' }),
  }),
});

/** The rules of every field of the create and update inputs, nested lists included (input-rules.ts, inputRules). */
export const containerImageRules = inputRules({
  label: nonEmpty(255),
  role: nonEmpty(255),
  registryImagePath: nonEmpty(1024),
  registryImageTag: nonEmpty(128),
  description: text(10_000),
  minCpu: z.number().min(0, 'must not be negative').max(1024, 'must be at most 1024'),
  minMemory: nonNegativeInt,
  providerId: nonNegativeInt,
  registryCustom: text(255),
  registryUsername: text(255),
  registryPassword: text(1024),
  envParams: z.array(
    inputRules({
      name: nonEmpty(255).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a valid variable name'),
      label: text(255),
      envValue: text(1024),
      staticValue: text(4096),
    }),
  ),
  settingsParams: z.array(inputRules({ name: nonEmpty(255), label: text(255), value: text(4096) })),
  ingressParams: z.array(inputRules({ port: portNumber })),
  volumes: z.array(
    inputRules({
      label: text(255),
      mountPath: nonEmpty(1024).regex(/^\//, 'must be an absolute path'),
      backupFrequency: text(255),
      keepHourly: nonNegativeInt,
      keepDaily: nonNegativeInt,
      keepWeekly: nonNegativeInt,
      keepMonthly: nonNegativeInt,
      keepAnnually: nonNegativeInt,
    }),
  ),
});

/** Fields of both create and update inputs; `required` marks the five create needs. */
export function containerImageFields(t: PothosSchemaTypes.InputFieldBuilder<GantrySchemaTypes, 'InputObject'>, required: boolean) {
  return {
    label: t.string({ required, description: 'Display name (the unique `name` is derived from it).' }),
    role: t.string({ required, description: 'Role name, used to name generated variables.' }),
    roleClass: t.field({ type: RoleClassEnum, required, description: 'Kind of service.' }),
    registryImagePath: t.string({ required, description: 'Image path in its registry.' }),
    registryImageTag: t.string({ required, description: 'Image tag.' }),
    description: t.string({ description: 'What the image is for.' }),
    active: t.boolean({ description: 'Available for new containers.' }),
    canScale: t.boolean({ description: 'Containers of it can be scaled out.' }),
    minCpu: t.float({ description: 'Cores needed at least (fractions allowed).' }),
    minMemory: t.int({ description: 'Memory needed at least, in MB.' }),
    providerId: t.int({ description: 'Image provider ID.' }),
    registryAuth: t.boolean({ description: 'The registry needs credentials.' }),
    registryCustom: t.string({ description: 'A custom registry host.' }),
    registryUsername: t.string({ description: 'Registry user (write-only).' }),
    registryPassword: t.string({ description: 'Registry password (write-only; never returned).' }),
    isFree: t.boolean({ description: 'Free of charge (admins only; ignored otherwise).' }),
    overrideAutoremove: t.boolean({ description: 'Keep stopped containers (admins only; ignored otherwise).' }),
    envParams: t.field({ type: [EnvParamInput], description: 'Environment variables.' }),
    settingsParams: t.field({ type: [SettingParamInput], description: 'Settings.' }),
    ingressParams: t.field({ type: [IngressParamInput], description: 'Exposed ports.' }),
    volumes: t.field({ type: [VolumeInput], description: 'Volumes.' }),
    requiredContainerIds: t.idList({ description: 'Global IDs of the images this one needs (replaces the list on update).' }),
  };
}

type Shape = Record<string, unknown> & {
  envParams?: Array<Record<string, unknown>> | null;
  settingsParams?: Array<Record<string, unknown>> | null;
  ingressParams?: Array<Record<string, unknown>> | null;
  volumes?: Array<Record<string, unknown>> | null;
  requiredContainerIds?: Array<string | number> | null;
};

const SCALARS: Array<[string, string]> = [
  ['label', 'label'],
  ['role', 'role'],
  ['roleClass', 'role_class'],
  ['registryImagePath', 'registry_image_path'],
  ['registryImageTag', 'registry_image_tag'],
  ['description', 'description'],
  ['active', 'active'],
  ['canScale', 'can_scale'],
  ['minCpu', 'min_cpu'],
  ['minMemory', 'min_memory'],
  ['providerId', 'container_image_provider_id'],
  ['registryAuth', 'registry_auth'],
  ['registryCustom', 'registry_custom'],
  ['registryUsername', 'registry_username'],
  ['registryPassword', 'registry_password'],
  ['isFree', 'is_free'],
  ['overrideAutoremove', 'override_autoremove'],
];

function defined(entries: Array<[string, unknown]>): Record<string, unknown> {
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== null));
}

/** Input -> the API's real request form (`env_params: [{"env_param": {…}}]`, `dependency_parents`). */
export function toWriteBody(input: Shape): ContainerImageWriteBody {
  const body = defined(SCALARS.map(([from, to]) => [to, input[from]]));
  if (typeof body.min_cpu === 'number') body.min_cpu = String(body.min_cpu); // a decimal, as Rails takes it
  if (input.envParams) {
    body.env_params = input.envParams.map((p) => ({
      env_param: defined([
        ['name', p.name],
        ['label', p.label],
        ['param_type', p.paramType],
        ['env_value', p.envValue],
        ['static_value', p.staticValue],
      ]),
    }));
  }
  if (input.settingsParams) {
    body.setting_params = input.settingsParams.map((p) => ({
      setting_param: defined([
        ['name', p.name],
        ['label', p.label],
        ['param_type', p.paramType],
        ['value', p.value],
      ]),
    }));
  }
  if (input.ingressParams) {
    body.ingress_params = input.ingressParams.map((p) => ({
      ingress_param: defined([
        ['port', p.port],
        ['proto', p.proto],
        ['backend_ssl', p.backendSsl],
        ['external_access', p.externalAccess],
        ['tcp_proxy_opt', p.tcpProxyOpt],
      ]),
    }));
  }
  if (input.volumes) {
    body.volumes = input.volumes.map((v) => ({
      volume: defined([
        ['label', v.label],
        ['mount_path', v.mountPath],
        ['enable_sftp', v.enableSftp],
        ['borg_enabled', v.backupEnabled],
        ['borg_freq', v.backupFrequency],
        ['borg_strategy', v.backupStrategy],
        ['borg_keep_hourly', v.keepHourly],
        ['borg_keep_daily', v.keepDaily],
        ['borg_keep_weekly', v.keepWeekly],
        ['borg_keep_monthly', v.keepMonthly],
        ['borg_keep_annually', v.keepAnnually],
        ['borg_pre_backup', v.preBackup],
        ['borg_post_backup', v.postBackup],
        ['borg_pre_restore', v.preRestore],
        ['borg_post_restore', v.postRestore],
        ['borg_rollback', v.rollback],
      ]),
    }));
  }
  if (input.requiredContainerIds) {
    body.dependency_parents = input.requiredContainerIds.map((id, i) => ({
      requires_container_id: containerImageId(String(id), `input.requiredContainerIds.${i}`),
    }));
  }
  return body;
}

/** Upstream attribute names (from Rails messages) -> the input path a form shows them at. */
export function inputPath(field: string): string[] {
  return ['input', graphqlName('containerImages', field)];
}
