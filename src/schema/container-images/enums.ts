import {
  BACKUP_STRATEGIES,
  ENV_PARAM_TYPES,
  INGRESS_PROTOCOLS,
  ROLE_CLASSES,
  SETTING_PARAM_TYPES,
  TCP_PROXY_OPTIONS,
} from '../../backends/container-images/types.js';
import { builder } from '../builder.js';
import { upperValues } from '../enum-values.js';

export const RoleClassEnum = builder.enumType('ContainerImageRoleClass', {
  description: 'What kind of service a container image provides.',
  values: upperValues(
    ROLE_CLASSES,
    (v) => ({ web: 'Web server or application.', database: 'Database.', cache: 'Cache.', dev: 'Development tool.', misc: 'Anything else.' })[v],
  ),
});

export const EnvParamTypeEnum = builder.enumType('EnvParamType', {
  description: "Where an environment parameter's value comes from.",
  values: upperValues(ENV_PARAM_TYPES, (v) => (v === 'static' ? 'A fixed value (`staticValue`).' : 'A value taken from another setting (`envValue`).')),
});

export const SettingParamTypeEnum = builder.enumType('SettingParamType', {
  description: 'Kind of settings parameter.',
  values: upperValues(SETTING_PARAM_TYPES, (v) => (v === 'password' ? 'A generated secret.' : 'A fixed value.')),
});

export const IngressProtocolEnum = builder.enumType('IngressProtocol', {
  description: 'Protocol of an ingress port.',
  values: upperValues(INGRESS_PROTOCOLS, (v) => `${v.toUpperCase()}.`),
});

export const TcpProxyOptionEnum = builder.enumType('TcpProxyOption', {
  description: 'PROXY protocol sent to the backend of a TCP ingress.',
  values: upperValues(TCP_PROXY_OPTIONS, (v) => (v === 'none' ? 'No PROXY protocol.' : `HAProxy \`${v}\`.`)),
});

export const BackupStrategyEnum = builder.enumType('BackupStrategy', {
  description: 'How a volume is backed up.',
  values: upperValues(BACKUP_STRATEGIES, (v) => (v === 'file' ? 'Copy the files.' : 'Dump the MySQL database.')),
});

export const ContainerImageScopeEnum = builder.enumType('ContainerImageScope', {
  description: 'Which container images to list.',
  values: {
    ALL: { value: 'all', description: "The caller's images, those shared with it, and active system images." },
    OWNED: { value: 'owned', description: "Only the caller's own images." },
    LOAD_BALANCERS: { value: 'isLoadBalancer', description: 'Only load balancer images.' },
  } as const,
});
