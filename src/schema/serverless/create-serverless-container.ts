import { ForbiddenError, InvalidInputError } from '../../errors.js';
import { builder } from '../builder.js';
import { upstream } from '../upstream.js';
import { gpuNeedsModel, inputPathFor, serverlessSpecFields, serverlessSpecRules, toWriteBody } from './serverless-input.js';
import { inputRules } from '../input-rules.js';
import { ServerlessContainer } from './serverless-container.js';
import { z } from 'zod';

const CreateServerlessContainerInput = builder.inputType('CreateServerlessContainerInput', {
  description: 'A new serverless container; creating it deploys revision 1.',
  validate: inputRules({
    name: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'must be 1 to 63 lowercase letters, digits or "-", starting and ending with a letter or digit'),
    ...serverlessSpecRules,
  }).superRefine(gpuNeedsModel),
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'Name, unique among your containers: 1 to 63 lowercase letters, digits or "-".',
    }),
    ...serverlessSpecFields(t, true),
  }),
});

builder.mutationField('createServerlessContainer', (t) =>
  t.field({
    type: ServerlessContainer,
    description: 'Creates a serverless container and deploys it (status DEPLOYING, then DEPLOYED or FAILED).',
    authScopes: { backend: 'serverless' },
    args: { input: t.arg({ type: CreateServerlessContainerInput, required: true, description: 'The new container.' }) },
    errors: {
      types: [InvalidInputError, ForbiddenError],
      union: { name: 'CreateServerlessContainerPayload', description: 'The created container, or why it was not created.' },
      result: { name: 'CreateServerlessContainerSuccess', description: 'The container was created and is deploying.' },
      dataField: { name: 'serverlessContainer', description: 'The new container.' },
    },
    resolve: async (_root, { input }, context) => {
      const container = await upstream(context.backends.serverless.create(context.call('serverless'), toWriteBody(input)), { fieldPath: inputPathFor(input) });
      ServerlessContainer.getDataloader(context).prime(container.id, container);
      return container;
    },
  }),
);
