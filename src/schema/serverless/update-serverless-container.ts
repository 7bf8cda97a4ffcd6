import { InvalidInputError } from '../../errors.js';
import { builder } from '../builder.js';
import { OBJECT_MUTATION_ERRORS } from '../errors.js';
import { upstream } from '../upstream.js';
import { inputRules } from '../input-rules.js';
import { inputPathFor, serverlessSpecFields, serverlessSpecRules, toWriteBody } from './serverless-input.js';
import { ServerlessContainer, serverlessContainerId } from './serverless-container.js';

const UpdateServerlessContainerInput = builder.inputType('UpdateServerlessContainerInput', {
  description: 'Changes to a serverless container; only the fields given change. Any change deploys a new revision.',
  validate: inputRules(serverlessSpecRules),
  fields: (t) => ({
    id: t.id({ required: true, description: 'Global ID of the container.' }),
    ...serverlessSpecFields(t, false),
  }),
});

builder.mutationField('updateServerlessContainer', (t) =>
  t.field({
    type: ServerlessContainer,
    description: 'Changes a serverless container: the service records exactly one new revision with the whole new spec and deploys it.',
    authScopes: { backend: 'serverless' },
    args: { input: t.arg({ type: UpdateServerlessContainerInput, required: true, description: 'The changes.' }) },
    errors: {
      types: OBJECT_MUTATION_ERRORS,
      union: { name: 'UpdateServerlessContainerPayload', description: 'The updated container, or why nothing changed.' },
      result: { name: 'UpdateServerlessContainerSuccess', description: 'The container was updated and its new revision is deploying.' },
      dataField: { name: 'serverlessContainer', description: 'The container as it now is.' },
    },
    resolve: async (_root, { input }, context) => {
      const id = serverlessContainerId(String(input.id), 'input.id');
      const body = toWriteBody(input);
      if (Object.keys(body).length === 0) throw new InvalidInputError('Nothing to change: give at least one field besides id.');
      const container = await upstream(context.backends.serverless.update(context.call('serverless'), id, body), { fieldPath: inputPathFor(input) });
      ServerlessContainer.getDataloader(context).clear(id).prime(id, container);
      return container;
    },
  }),
);
