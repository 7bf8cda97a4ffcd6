import { InvalidInputError } from '../../errors.js';
import { builder } from '../builder.js';
import { OBJECT_MUTATION_ERRORS } from '../errors.js';
import { upstream } from '../upstream.js';
import { containerImageFields, containerImageRules, inputPath, toWriteBody } from './container-image-input.js';
import { ContainerImage, containerImageId } from './container-image.js';

const UpdateContainerImageInput = builder.inputType('UpdateContainerImageInput', {
  description: 'Changes to a container image; only the fields given change.',
  validate: containerImageRules,
  fields: (t) => ({
    id: t.id({ required: true, description: 'Global ID of the image.' }),
    ...containerImageFields(t, false),
  }),
});

builder.mutationField('updateContainerImage', (t) =>
  t.field({
    type: ContainerImage,
    description: 'Changes a container image; `requiredContainerIds` replaces its dependencies.',
    authScopes: { backend: 'containerImages' },
    args: { input: t.arg({ type: UpdateContainerImageInput, required: true, description: 'The changes.' }) },
    errors: {
      types: OBJECT_MUTATION_ERRORS,
      union: { name: 'UpdateContainerImagePayload', description: 'The updated image, or why nothing changed.' },
      result: { name: 'UpdateContainerImageSuccess', description: 'The image was updated.' },
      dataField: { name: 'containerImage', description: 'The image as it now is.' },
    },
    resolve: async (_root, { input }, context) => {
      const id = containerImageId(String(input.id), 'input.id');
      const { id: _ignored, ...changes } = input as Record<string, unknown>;
      const body = toWriteBody(changes);
      if (Object.keys(body).length === 0) throw new InvalidInputError('Nothing to change: give at least one field besides id.');
      const loader = ContainerImage.getDataloader(context);
      const before = await loader.load(String(id)).catch(() => undefined);
      const image = await upstream(context.backends.containerImages.update(context.call('containerImages'), id, body), { fieldPath: inputPath });
      loader.clear(String(id)).prime(String(id), image);
      // Both ends of a changed dependency list the other: drop stale copies of each.
      for (const other of [...(before?.requiredContainers ?? []), ...image.requiredContainers]) loader.clear(String(other));
      return image;
    },
  }),
);
