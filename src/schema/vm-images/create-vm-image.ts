import { z } from 'zod';
import { notACustomProperty, type VmImageCreateBody } from '../../backends/vm-images/types.js';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../errors.js';
import { builder } from '../builder.js';
import { inputRules, nonNegativeInt } from '../input-rules.js';
import { upstream } from '../upstream.js';
import { ContainerFormatEnum, DiskFormatEnum, VmImageVisibilityEnum } from './enums.js';
import { propertyRule, VmImagePropertyInput } from './vm-image-filter.js';
import { isUuid, VmImage } from './vm-image.js';

export const imageName = z.string().max(255, 'must be at most 255 characters');
export const tagList = z.array(z.string().min(1, 'a tag must not be empty').max(255, 'a tag must be at most 255 characters')).max(128, 'at most 128 tags');

/** Custom properties may not be named after Glance's own attributes or reserved names: each such name is an issue at its entry. */
export const customProperties = z.array(propertyRule).superRefine((properties, ctx) => {
  properties.forEach((property, i) => {
    const name = (property as { name?: unknown }).name;
    const problem = typeof name === 'string' ? notACustomProperty(name) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: problem });
  });
});

const CreateVmImageInput = builder.inputType('CreateVmImageInput', {
  description: 'A new VM image record; upload its data afterwards with PUT on `uploadUrl`.',
  validate: inputRules({
    uuid: z.string().refine(isUuid, 'must be a UUID'),
    name: imageName,
    minDisk: nonNegativeInt,
    minRam: nonNegativeInt,
    tags: tagList,
    properties: customProperties,
  }),
  fields: (t) => ({
    uuid: t.string({ description: 'UUID to give the image (generated when omitted).' }),
    name: t.string({ description: 'Display name.' }),
    containerFormat: t.field({ type: ContainerFormatEnum, description: 'Container format (needed before upload).' }),
    diskFormat: t.field({ type: DiskFormatEnum, description: 'Disk format (needed before upload).' }),
    minDisk: t.int({ description: 'Disk space needed to boot, in GB.' }),
    minRam: t.int({ description: 'RAM needed to boot, in MB.' }),
    protected: t.boolean({ description: 'Protect the image from deletion.' }),
    tags: t.stringList({ description: 'Tags.' }),
    visibility: t.field({ type: VmImageVisibilityEnum, description: 'Visibility (default SHARED).' }),
    properties: t.field({ type: [VmImagePropertyInput], description: 'Custom properties.' }),
  }),
});

builder.mutationField('createVmImage', (t) =>
  t.field({
    type: VmImage,
    description: 'Creates a VM image record (status QUEUED).',
    authScopes: { backend: 'vmImages' },
    args: { input: t.arg({ type: CreateVmImageInput, required: true, description: 'The new image.' }) },
    errors: {
      types: [InvalidInputError, ForbiddenError, ConflictError],
      union: { name: 'CreateVmImagePayload', description: 'The created image, or why it was not created.' },
      result: { name: 'CreateVmImageSuccess', description: 'The image was created.' },
      dataField: { name: 'vmImage', description: 'The new image.' },
    },
    resolve: async (_root, { input }, context) => {
      const properties = input.properties ?? [];
      const body: VmImageCreateBody = Object.fromEntries(properties.map((p) => [p.name, p.value]));
      if (input.uuid != null) body.id = input.uuid.toLowerCase();
      if (input.name != null) body.name = input.name;
      if (input.containerFormat != null) body.container_format = input.containerFormat;
      if (input.diskFormat != null) body.disk_format = input.diskFormat;
      if (input.minDisk != null) body.min_disk = input.minDisk;
      if (input.minRam != null) body.min_ram = input.minRam;
      if (input.protected != null) body.protected = input.protected;
      if (input.tags != null) body.tags = input.tags;
      if (input.visibility != null) body.visibility = input.visibility;
      const image = await upstream(context.backends.vmImages.create(context.call('vmImages'), body));
      VmImage.getDataloader(context).prime(image.id, image);
      return image;
    },
  }),
);
