import { z } from 'zod';
import { notACustomProperty, type VmImagePatchOp } from '../../backends/vm-images/types.js';
import { InvalidInputError } from '../../errors.js';
import { builder } from '../builder.js';
import { OBJECT_MUTATION_ERRORS } from '../errors.js';
import { inputRules, nonNegativeInt } from '../input-rules.js';
import { upstream } from '../upstream.js';
import { customProperties, imageName, tagList } from './create-vm-image.js';
import { ContainerFormatEnum, DiskFormatEnum, VmImageVisibilityEnum } from './enums.js';
import { VmImagePropertyInput } from './vm-image-filter.js';
import { VmImage, vmImageUuid } from './vm-image.js';

const UpdateVmImageInput = builder.inputType('UpdateVmImageInput', {
  description: 'Changes to a VM image; only the fields given change. Sent upstream as one JSON Patch, applied all or nothing.',
  validate: inputRules({
    name: imageName,
    tags: tagList,
    minDisk: nonNegativeInt,
    minRam: nonNegativeInt,
    setProperties: customProperties,
    removeProperties: z
      .array(z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters'))
      .max(128, 'at most 128 properties')
      .superRefine((names, ctx) =>
        names.forEach((name, i) => {
          const problem = notACustomProperty(name);
          if (problem) ctx.addIssue({ code: 'custom', path: [i], message: problem });
        }),
      ),
  }),
  fields: (t) => ({
    id: t.id({ required: true, description: 'Global ID of the image.' }),
    name: t.string({ description: 'New display name.' }),
    visibility: t.field({ type: VmImageVisibilityEnum, description: 'New visibility.' }),
    protected: t.boolean({ description: 'Protect from (or allow) deletion.' }),
    tags: t.stringList({ description: 'The whole new tag set.' }),
    minDisk: t.int({ description: 'Disk space needed to boot, in GB.' }),
    minRam: t.int({ description: 'RAM needed to boot, in MB.' }),
    containerFormat: t.field({ type: ContainerFormatEnum, description: 'Container format (only while QUEUED).' }),
    diskFormat: t.field({ type: DiskFormatEnum, description: 'Disk format (only while QUEUED).' }),
    osHidden: t.boolean({ description: 'Hide the image from default lists.' }),
    setProperties: t.field({ type: [VmImagePropertyInput], description: 'Custom properties to add or overwrite.' }),
    removeProperties: t.stringList({
      description: 'Custom properties to remove (removing one that does not exist is a CONFLICT).',
    }),
  }),
});

type UpdateShape = typeof UpdateVmImageInput.$inferInput;

/** Typed fields -> Glance JSON Patch. Base attributes are replaced; custom properties added or removed. */
function toPatch(input: UpdateShape): VmImagePatchOp[] {
  const ops: VmImagePatchOp[] = [];
  const replace = (path: string, value: unknown) => ops.push({ op: 'replace', path: `/${path}`, value });
  if (input.name != null) replace('name', input.name);
  if (input.visibility != null) replace('visibility', input.visibility);
  if (input.protected != null) replace('protected', input.protected);
  if (input.tags != null) replace('tags', input.tags);
  if (input.minDisk != null) replace('min_disk', input.minDisk);
  if (input.minRam != null) replace('min_ram', input.minRam);
  if (input.containerFormat != null) replace('container_format', input.containerFormat);
  if (input.diskFormat != null) replace('disk_format', input.diskFormat);
  if (input.osHidden != null) replace('os_hidden', input.osHidden);
  for (const { name, value } of input.setProperties ?? []) ops.push({ op: 'add', path: `/${escapePointer(name)}`, value });
  for (const name of input.removeProperties ?? []) ops.push({ op: 'remove', path: `/${escapePointer(name)}` });
  return ops;
}

/** RFC 6901: `~` and `/` inside a key are escaped. */
function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

builder.mutationField('updateVmImage', (t) =>
  t.field({
    type: VmImage,
    description: "Changes a VM image's attributes, tags and custom properties.",
    authScopes: { backend: 'vmImages' },
    args: { input: t.arg({ type: UpdateVmImageInput, required: true, description: 'The changes.' }) },
    errors: {
      types: OBJECT_MUTATION_ERRORS,
      union: { name: 'UpdateVmImagePayload', description: 'The updated image, or why nothing changed.' },
      result: { name: 'UpdateVmImageSuccess', description: 'The image was updated.' },
      dataField: { name: 'vmImage', description: 'The image as it now is.' },
    },
    resolve: async (_root, { input }, context) => {
      const id = vmImageUuid(String(input.id), 'input.id');
      const ops = toPatch(input);
      if (ops.length === 0) throw new InvalidInputError('Nothing to change: give at least one field besides id.');
      const image = await upstream(context.backends.vmImages.update(context.call('vmImages'), id, ops));
      VmImage.getDataloader(context).clear(id).prime(id, image);
      return image;
    },
  }),
);
