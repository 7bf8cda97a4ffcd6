import {
  CURRENT_STATES,
  INGRESS_RULE_PROTOCOLS,
  REQUESTED_STATES,
  type ContainerRecord,
  type IngressRuleRecord,
  type LogLineRecord,
  type MetricRecord,
  type ProcessRecord,
} from '../../backends/containers/types.js';
import { TCP_PROXY_OPTIONS } from '../../backends/container-images/types.js';
import { builder, type GantrySchemaTypes } from '../builder.js';
import { knownValue } from '../enum-values.js';
import { TcpProxyOptionEnum } from '../container-images/enums.js';
import { ContainerStateEnum, IngressRuleProtocolEnum, RequestedStateEnum } from './enums.js';

/** Ingress rules, log lines, processes and metric samples of a container. */

export const IngressRule = builder.objectRef<IngressRuleRecord>('ContainerIngressRule').implement({
  description: 'How traffic reaches a container port.',
  fields: (t) => ({
    port: t.exposeInt('port', { description: 'Container port.' }),
    portNat: t.exposeInt('portNat', { nullable: true, description: 'Public port it is mapped to, if any.' }),
    proto: t.field({
      type: IngressRuleProtocolEnum,
      description: 'Protocol.',
      resolve: (r) => knownValue(INGRESS_RULE_PROTOCOLS, r.proto, 'ingress protocol'),
    }),
    externalAccess: t.exposeBoolean('externalAccess', { description: 'Reachable from outside the project.' }),
    backendSsl: t.exposeBoolean('backendSsl', { description: 'The container itself speaks TLS.' }),
    tcpProxyOpt: t.field({
      type: TcpProxyOptionEnum,
      nullable: true,
      description: 'PROXY protocol option.',
      resolve: (r) => (r.tcpProxyOpt === null ? null : knownValue(TCP_PROXY_OPTIONS, r.tcpProxyOpt, 'PROXY protocol option')),
    }),
    redirectSsl: t.exposeBoolean('redirectSsl', { description: 'HTTP is redirected to HTTPS.' }),
    restrictCloudflare: t.exposeBoolean('restrictCloudflare', { description: 'Only Cloudflare may connect.' }),
    tcpLoadBalancer: t.exposeBoolean('tcpLoadBalancer', { description: 'Balanced at TCP level.' }),
  }),
});

export const ContainerLogLine = builder.objectRef<LogLineRecord>('ContainerLogLine').implement({
  description: 'One line a container logged.',
  fields: (t) => ({
    timestamp: t.field({ type: 'DateTime', description: 'When it was logged.', resolve: (l) => new Date(l.time).toISOString() }),
    containerName: t.exposeString('containerName', { description: 'The container that logged it.' }),
    message: t.exposeString('message', { description: 'The line.' }),
  }),
});

export const ContainerProcess = builder.objectRef<ProcessRecord>('ContainerProcess').implement({
  description: 'A process running inside a container (a `ps -ef` row).',
  fields: (t) => ({
    uid: t.exposeString('uid', { description: 'User it runs as.' }),
    pid: t.exposeInt('pid', { description: 'Process ID.' }),
    ppid: t.exposeInt('ppid', { description: 'Parent process ID.' }),
    cpu: t.exposeInt('cpu', { description: 'Recent CPU use (ps `C`).' }),
    startTime: t.exposeString('startTime', { description: 'When it started (ps `STIME`).' }),
    tty: t.exposeString('tty', { description: 'Terminal (`?` for none).' }),
    cpuTime: t.exposeString('time', { description: 'CPU time used (ps `TIME`).' }),
    command: t.exposeString('command', { description: 'Command line.' }),
  }),
});

export const CpuSample = builder.objectRef<MetricRecord>('CpuSample').implement({
  description: 'CPU use at one instant.',
  fields: (t) => ({
    timestamp: t.field({ type: 'DateTime', description: 'When it was sampled.', resolve: (m) => m.time }),
    percent: t.float({ description: 'CPU use in percent of one core.', resolve: (m) => m.value }),
  }),
});

export const MemorySample = builder.objectRef<MetricRecord>('MemorySample').implement({
  description: 'Memory use at one instant.',
  fields: (t) => ({
    timestamp: t.field({ type: 'DateTime', description: 'When it was sampled.', resolve: (m) => m.time }),
    megabytes: t.int({ description: 'Memory in use, in MB.', resolve: (m) => Math.round(m.value) }),
  }),
});

/** `state` and `requestedState`, as a Container and a ContainerStateEvent both show them. */
export const stateFields = (t: PothosSchemaTypes.ObjectFieldBuilder<GantrySchemaTypes, ContainerRecord>) => ({
  state: t.field({
    type: ContainerStateEnum,
    description: 'What it is doing now.',
    resolve: (c) => knownValue(CURRENT_STATES, c.currentState, 'container state'),
  }),
  requestedState: t.field({
    type: RequestedStateEnum,
    description: 'What it was last asked to be.',
    resolve: (c) => knownValue(REQUESTED_STATES, c.reqState, 'requested state'),
  }),
});
