import { CURRENT_STATES, INGRESS_RULE_PROTOCOLS, POWER_ACTIONS, REQUESTED_STATES } from '../../backends/containers/types.js';
import { builder } from '../builder.js';
import { upperValues } from '../enum-values.js';

const STATE_TEXT: Record<(typeof CURRENT_STATES)[number], string> = {
  migrating: 'Being moved or rebuilt.',
  starting: 'Starting.',
  stopping: 'Stopping.',
  working: 'Started; waiting for its health check.',
  alert: 'Running, with an alert raised.',
  resource_usage: 'Running, short of CPU or memory.',
  online: 'Running and healthy.',
  offline: 'Not running.',
  unhealthy: 'Running, failing its health check.',
};

export const ContainerStateEnum = builder.enumType('ContainerState', {
  description: 'What a container is doing now.',
  values: upperValues(CURRENT_STATES, (v) => STATE_TEXT[v]),
});

export const RequestedStateEnum = builder.enumType('ContainerRequestedState', {
  description: 'What a container was last asked to be.',
  values: upperValues(REQUESTED_STATES, (v) => (v === 'running' ? 'Asked to run.' : 'Asked to stop.')),
});

export const PowerActionEnum = builder.enumType('PowerAction', {
  description: 'A power action on a container.',
  values: upperValues(
    POWER_ACTIONS,
    (v) =>
      ({
        start: 'Start a stopped container.',
        stop: 'Stop a running container.',
        restart: 'Stop, then start.',
        rebuild: 'Recreate from its image, then start.',
      })[v],
  ),
});

export const IngressRuleProtocolEnum = builder.enumType('IngressRuleProtocol', {
  description: 'Protocol of an ingress rule.',
  values: upperValues(INGRESS_RULE_PROTOCOLS, (v) => `${v.toUpperCase()}.`),
});
