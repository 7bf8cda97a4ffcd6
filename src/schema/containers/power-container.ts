import type { ContainerRecord, PowerAction } from '../../backends/containers/types.js';
import { ConflictError } from '../../errors.js';
import { builder } from '../builder.js';
import { OBJECT_MUTATION_ERRORS } from '../errors.js';
import { upstream } from '../upstream.js';
import { Container, containerId } from './container.js';
import { PowerActionEnum } from './enums.js';

/** States in which a container is between two states; a new action must wait. */
const TRANSITIONING = new Set(['starting', 'stopping', 'migrating', 'working']);

/** Why `action` is not allowed now, or undefined. The API itself accepts anything; a form should not. */
function refusal(container: ContainerRecord, action: PowerAction): string | undefined {
  if (TRANSITIONING.has(container.currentState)) return `"${container.name}" is ${container.currentState}; wait until it settles.`;
  if (action === 'start' && container.reqState === 'running') return `"${container.name}" is already running.`;
  if (action === 'stop' && container.reqState === 'stopped') return `"${container.name}" is already stopped.`;
  if (action === 'restart' && container.reqState === 'stopped') return `"${container.name}" is stopped; start it instead.`;
  return undefined;
}

const PowerContainerInput = builder.inputType('PowerContainerInput', {
  description: 'A power action on a container.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'Global ID of the container.' }),
    action: t.field({ type: PowerActionEnum, required: true, description: 'What to do.' }),
  }),
});

builder.mutationField('powerContainer', (t) =>
  t.field({
    type: Container,
    description:
      'Starts, stops, restarts or rebuilds a container. The payload holds the container as it now is (usually STARTING or STOPPING); follow it with containerState.',
    authScopes: { backend: 'containers' },
    args: { input: t.arg({ type: PowerContainerInput, required: true, description: 'The container and the action.' }) },
    errors: {
      types: OBJECT_MUTATION_ERRORS,
      union: { name: 'PowerContainerPayload', description: 'The container after the action, or why it was refused.' },
      result: { name: 'PowerContainerSuccess', description: 'The action was accepted.' },
      dataField: { name: 'container', description: 'The container as it now is.' },
    },
    resolve: async (_root, { input }, context) => {
      const id = containerId(String(input.id), 'input.id');
      const call = context.call('containers');
      const client = context.backends.containers;
      const before = await upstream(client.get(call, id));
      const refused = refusal(before, input.action);
      if (refused) throw new ConflictError(refused);
      await upstream(client.power(call, id, input.action));
      const after = await upstream(client.get(call, id));
      Container.getDataloader(context).clear(String(id)).prime(String(id), after);
      return after;
    },
  }),
);
