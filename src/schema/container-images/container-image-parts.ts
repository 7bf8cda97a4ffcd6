import {
  BACKUP_STRATEGIES,
  ENV_PARAM_TYPES,
  INGRESS_PROTOCOLS,
  SETTING_PARAM_TYPES,
  TCP_PROXY_OPTIONS,
  type EnvParamRecord,
  type IngressParamRecord,
  type SettingParamRecord,
  type VolumeRecord,
} from '../../backends/container-images/types.js';
import { builder } from '../builder.js';
import { knownValue } from '../enum-values.js';
import { BackupStrategyEnum, EnvParamTypeEnum, IngressProtocolEnum, SettingParamTypeEnum, TcpProxyOptionEnum } from './enums.js';

/** The parts a container image is made of: labels, parameters, ingress ports, volumes. */

export const ContainerImageLabel = builder.objectRef<{ key: string; value: string }>('ContainerImageLabel').implement({
  description: 'A key/value label.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Label key.' }),
    value: t.exposeString('value', { description: 'Label value.' }),
  }),
});

export const EnvParam = builder.objectRef<EnvParamRecord>('ContainerImageEnvParam').implement({
  description: 'An environment variable set in containers made from the image.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Variable name.' }),
    label: t.exposeString('label', { nullable: true, description: 'Human label.' }),
    paramType: t.field({
      type: EnvParamTypeEnum,
      description: 'Where the value comes from.',
      resolve: (p) => knownValue(ENV_PARAM_TYPES, p.paramType, 'env param type'),
    }),
    envValue: t.exposeString('envValue', { nullable: true, description: 'The setting it is taken from (VARIABLE).' }),
    staticValue: t.exposeString('staticValue', { nullable: true, description: 'The fixed value (STATIC).' }),
  }),
});

export const SettingParam = builder.objectRef<SettingParamRecord>('ContainerImageSettingParam').implement({
  description: 'A setting of the image, such as a generated database password.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Setting name.' }),
    label: t.exposeString('label', { nullable: true, description: 'Human label.' }),
    paramType: t.field({
      type: SettingParamTypeEnum,
      description: 'Kind of setting.',
      resolve: (p) => knownValue(SETTING_PARAM_TYPES, p.paramType, 'setting param type'),
    }),
    value: t.string({
      nullable: true,
      description: 'The value; null for PASSWORD settings, whose generated secret the gateway never relays.',
      resolve: (p) => (p.paramType === 'password' ? null : p.value),
    }),
  }),
});

export const IngressParam = builder.objectRef<IngressParamRecord>('ContainerImageIngressParam').implement({
  description: 'A port the image exposes.',
  fields: (t) => ({
    port: t.exposeInt('port', { description: 'Port number.' }),
    proto: t.field({ type: IngressProtocolEnum, description: 'Protocol.', resolve: (p) => knownValue(INGRESS_PROTOCOLS, p.proto, 'ingress protocol') }),
    backendSsl: t.exposeBoolean('backendSsl', { description: 'The container itself speaks TLS.' }),
    externalAccess: t.exposeBoolean('externalAccess', { description: 'Reachable from outside the project.' }),
    tcpProxyOpt: t.field({
      type: TcpProxyOptionEnum,
      nullable: true,
      description: 'PROXY protocol option.',
      resolve: (p) => (p.tcpProxyOpt === null ? null : knownValue(TCP_PROXY_OPTIONS, p.tcpProxyOpt, 'PROXY protocol option')),
    }),
  }),
});

const BackupSchedule = builder.objectRef<VolumeRecord>('VolumeBackup').implement({
  description: 'Backup settings of a volume (borg).',
  fields: (t) => ({
    enabled: t.exposeBoolean('borgEnabled', { description: 'Backups are on.' }),
    frequency: t.exposeString('borgFreq', { nullable: true, description: 'How often (a cron-like expression or a keyword such as @daily).' }),
    strategy: t.field({
      type: BackupStrategyEnum,
      nullable: true,
      description: 'What is backed up.',
      resolve: (v) => (v.borgStrategy === null ? null : knownValue(BACKUP_STRATEGIES, v.borgStrategy, 'backup strategy')),
    }),
    keepHourly: t.exposeInt('borgKeepHourly', { nullable: true, description: 'Hourly archives kept.' }),
    keepDaily: t.exposeInt('borgKeepDaily', { nullable: true, description: 'Daily archives kept.' }),
    keepWeekly: t.exposeInt('borgKeepWeekly', { nullable: true, description: 'Weekly archives kept.' }),
    keepMonthly: t.exposeInt('borgKeepMonthly', { nullable: true, description: 'Monthly archives kept.' }),
    keepAnnually: t.exposeInt('borgKeepAnnually', { nullable: true, description: 'Yearly archives kept.' }),
    preBackup: t.exposeStringList('borgPreBackup', { description: 'Commands run before a backup.' }),
    postBackup: t.exposeStringList('borgPostBackup', { description: 'Commands run after a backup.' }),
    preRestore: t.exposeStringList('borgPreRestore', { description: 'Commands run before a restore.' }),
    postRestore: t.exposeStringList('borgPostRestore', { description: 'Commands run after a restore.' }),
    rollback: t.exposeStringList('borgRollback', { description: 'Commands run when a restore fails.' }),
  }),
});

export const Volume = builder.objectRef<VolumeRecord>('ContainerImageVolume').implement({
  description: 'A volume mounted into containers made from the image.',
  fields: (t) => ({
    label: t.exposeString('label', { nullable: true, description: 'Human label.' }),
    mountPath: t.exposeString('mountPath', { description: 'Where it is mounted.' }),
    enableSftp: t.exposeBoolean('enableSftp', { description: 'Reachable over SFTP.' }),
    backup: t.field({ type: BackupSchedule, description: 'Backup settings.', resolve: (v) => v }),
  }),
});
