import { builder } from '../builder.js';
import { OBJECT_MUTATION_ERRORS } from '../errors.js';
import { upstream } from '../upstream.js';
import { ServerlessContainer, serverlessContainerId } from './serverless-container.js';

const DeleteServerlessContainerInput = builder.inputType('DeleteServerlessContainerInput', {
  description: 'The serverless container to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: 'Global ID of the container.' }) }),
});

builder.mutationField('deleteServerlessContainer', (t) =>
  t.field({
    type: 'ID',
    description: 'Deletes a serverless container and its revisions (the owner or an ADMIN).',
    authScopes: { backend: 'serverless' },
    args: { input: t.arg({ type: DeleteServerlessContainerInput, required: true, description: 'The container.' }) },
    errors: {
      types: OBJECT_MUTATION_ERRORS,
      union: { name: 'DeleteServerlessContainerPayload', description: "The deleted container's ID, or why it was not deleted." },
      result: { name: 'DeleteServerlessContainerSuccess', description: 'The container was deleted.' },
      dataField: { name: 'deletedId', description: 'Global ID of the deleted container.' },
    },
    resolve: async (_root, { input }, context) => {
      const id = serverlessContainerId(String(input.id), 'input.id');
      await upstream(context.backends.serverless.delete(context.call('serverless'), id));
      ServerlessContainer.getDataloader(context).clear(id);
      return String(input.id);
    },
  }),
);
