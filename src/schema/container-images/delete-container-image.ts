import { ConflictError } from '../../errors.js';
import { builder } from '../builder.js';
import { OBJECT_MUTATION_ERRORS } from '../errors.js';
import { upstream } from '../upstream.js';
import { ContainerImage, containerImageId } from './container-image.js';

const DeleteContainerImageInput = builder.inputType('DeleteContainerImageInput', {
  description: 'The container image to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: 'Global ID of the image.' }) }),
});

builder.mutationField('deleteContainerImage', (t) =>
  t.field({
    type: 'ID',
    description: 'Deletes a container image. An image other images require is refused with a ConflictError naming them.',
    authScopes: { backend: 'containerImages' },
    args: { input: t.arg({ type: DeleteContainerImageInput, required: true, description: 'The image.' }) },
    errors: {
      types: OBJECT_MUTATION_ERRORS,
      union: { name: 'DeleteContainerImagePayload', description: "The deleted image's ID, or why it was not deleted." },
      result: { name: 'DeleteContainerImageSuccess', description: 'The image was deleted.' },
      dataField: { name: 'deletedId', description: 'Global ID of the deleted image.' },
    },
    resolve: async (_root, { input }, context) => {
      const id = containerImageId(String(input.id), 'input.id');
      const loader = ContainerImage.getDataloader(context);
      const image = await upstream(loader.load(String(id)));
      if (image.requiredBy.length > 0) {
        // Refuse before calling: the API's own refusal is a 500, and this message is clearer.
        const dependants = await loader.loadMany(image.requiredBy.map(String));
        const names = dependants.map((d, i) => (d instanceof Error ? `#${image.requiredBy[i]}` : d.label));
        throw new ConflictError(`"${image.label}" is required by ${names.join(', ')}; remove those dependencies first.`);
      }
      await upstream(context.backends.containerImages.delete(context.call('containerImages'), id));
      loader.clear(String(id));
      for (const other of image.requiredContainers) loader.clear(String(other));
      return String(input.id);
    },
  }),
);
