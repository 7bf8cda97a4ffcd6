import { ConflictError, ForbiddenError, InvalidInputError } from '../../errors.js';
import { builder } from '../builder.js';
import { upstream } from '../upstream.js';
import { containerImageFields, containerImageRules, inputPath, toWriteBody } from './container-image-input.js';
import { ContainerImage } from './container-image.js';

const CreateContainerImageInput = builder.inputType('CreateContainerImageInput', {
  description: 'A new container image. Label, role, roleClass, registryImagePath and registryImageTag are required.',
  validate: containerImageRules,
  fields: (t) => containerImageFields(t, true),
});

builder.mutationField('createContainerImage', (t) =>
  t.field({
    type: ContainerImage,
    description: 'Adds a container image to the catalogue, with its parameters, ports, volumes and dependencies.',
    authScopes: { backend: 'containerImages' },
    args: { input: t.arg({ type: CreateContainerImageInput, required: true, description: 'The new image.' }) },
    errors: {
      types: [InvalidInputError, ForbiddenError, ConflictError],
      union: { name: 'CreateContainerImagePayload', description: 'The created image, or why it was not created.' },
      result: { name: 'CreateContainerImageSuccess', description: 'The image was created.' },
      dataField: { name: 'containerImage', description: 'The new image.' },
    },
    resolve: async (_root, { input }, context) => {
      const body = toWriteBody(input as Record<string, unknown>);
      const image = await upstream(context.backends.containerImages.create(context.call('containerImages'), body), { fieldPath: inputPath });
      ContainerImage.getDataloader(context).prime(String(image.id), image);
      // The images it now requires list it in requiredBy: drop their stale copies.
      for (const id of image.requiredContainers) ContainerImage.getDataloader(context).clear(String(id));
      return image;
    },
  }),
);
