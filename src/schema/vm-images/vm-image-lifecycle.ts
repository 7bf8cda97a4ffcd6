import { builder } from '../builder.js';
import { OBJECT_MUTATION_ERRORS } from '../errors.js';
import { upstream } from '../upstream.js';
import { VmImage, vmImageUuid } from './vm-image.js';

/** deleteVmImage, deactivateVmImage, reactivateVmImage: actions on an existing image by ID. */

const VmImageIdInput = (name: string, description: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({ id: t.id({ required: true, description: 'Global ID of the image.' }) }),
  });

const DeleteVmImageInput = VmImageIdInput('DeleteVmImageInput', 'The image to delete.');
const DeactivateVmImageInput = VmImageIdInput('DeactivateVmImageInput', 'The image to deactivate.');
const ReactivateVmImageInput = VmImageIdInput('ReactivateVmImageInput', 'The image to reactivate.');

builder.mutationField('deleteVmImage', (t) =>
  t.field({
    type: 'ID',
    description: 'Deletes a VM image and its data. Protected images are refused (FORBIDDEN).',
    authScopes: { backend: 'vmImages' },
    args: { input: t.arg({ type: DeleteVmImageInput, required: true, description: 'The image.' }) },
    errors: {
      types: OBJECT_MUTATION_ERRORS,
      union: { name: 'DeleteVmImagePayload', description: "The deleted image's ID, or why it was not deleted." },
      result: { name: 'DeleteVmImageSuccess', description: 'The image was deleted.' },
      dataField: { name: 'deletedId', description: 'Global ID of the deleted image.' },
    },
    resolve: async (_root, { input }, context) => {
      const id = vmImageUuid(String(input.id), 'input.id');
      await upstream(context.backends.vmImages.delete(context.call('vmImages'), id));
      VmImage.getDataloader(context).clear(id);
      return String(input.id);
    },
  }),
);

for (const [field, Input, action, description] of [
  [
    'deactivateVmImage',
    DeactivateVmImageInput,
    'deactivate',
    'Deactivates an image: its data can then be downloaded by admins only. Admins or the owning project; a QUEUED image is refused.',
  ],
  ['reactivateVmImage', ReactivateVmImageInput, 'reactivate', 'Reactivates a deactivated image (an active one stays active).'],
] as const) {
  const pascal = field[0]!.toUpperCase() + field.slice(1);
  builder.mutationField(field, (t) =>
    t.field({
      type: VmImage,
      description,
      authScopes: { backend: 'vmImages' },
      args: { input: t.arg({ type: Input, required: true, description: 'The image.' }) },
      errors: {
        types: OBJECT_MUTATION_ERRORS,
        union: { name: `${pascal}Payload`, description: `The image after ${action}, or why it failed.` },
        result: { name: `${pascal}Success`, description: `The image was ${action}d.` },
        dataField: { name: 'vmImage', description: 'The image as it now is.' },
      },
      resolve: async (_root, { input }, context) => {
        const id = vmImageUuid(String(input.id), 'input.id');
        const call = context.call('vmImages');
        await upstream(context.backends.vmImages[action](call, id));
        // The action answers 204 with no body: read the image back as it now is.
        const image = await upstream(context.backends.vmImages.get(call, id));
        VmImage.getDataloader(context).clear(id).prime(id, image);
        return image;
      },
    }),
  );
}
