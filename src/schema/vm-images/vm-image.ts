import { CONTAINER_FORMATS, DISK_FORMATS, VM_IMAGE_STATUSES, VM_IMAGE_VISIBILITIES, type VmImageRecord } from '../../backends/vm-images/types.js';
import { MAX_IDS_PER_CALL } from '../../backends/vm-images/client.js';
import type { Context } from '../../context.js';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import { isUuid } from '../../formats/uuid.js';
import { builder } from '../builder.js';
import { knownValue } from '../enum-values.js';
import { loadableNodeRef } from '../../overrides/loadable-node-ref.js';
import { ImageInterface } from '../one-graph/image-interface.js';
import { encodeGlobalId, expectGlobalId, registerNodeType } from '../global-id.js';
import { pageRequest, resolveMarkerConnection } from '../pagination.js';
import { upstream } from '../upstream.js';
import { ContainerFormatEnum, DiskFormatEnum, VmImageStatusEnum, VmImageVisibilityEnum } from './enums.js';
import { checkProgress, sortValues } from './marker-progress.js';
import { filterParams, sortParams, VmImageFilterInput, VmImageSortInput } from './vm-image-filter.js';

export { isUuid } from '../../formats/uuid.js';

/** The upstream UUID of a `VmImage` global ID. @throws InvalidInputError for any other ID. */
export function vmImageUuid(globalId: string, argName = 'id'): string {
  return expectGlobalId(globalId, 'VmImage', isUuid, argName);
}

/**
 * Loads many images in one call (`id=in:a,b,…`). Glance leaves hidden images and pending
 * shares out of lists, so ids a list call did not return are fetched one by one: those
 * answer with the image or a 404. A batch of one id skips the list: the image's own GET is
 * one call either way, it answers hidden images too (no second call), and it is the cheaper
 * request for the service (no filter to parse, no page to build).
 */
async function loadVmImages(ids: readonly string[], context: Context): Promise<Array<VmImageRecord | Error>> {
  const client = context.backends.vmImages;
  const call = context.call('vmImages');
  const valid = ids.filter(isUuid);
  const found = new Map<string, VmImageRecord>();
  if (valid.length > 1) {
    const { images } = await upstream(client.list({ ...call, batchSize: valid.length }, { ids: valid, limit: valid.length }));
    for (const image of images) found.set(image.id, image);
  }
  return Promise.all(
    ids.map(async (id) => {
      const hit = found.get(id);
      if (hit) return hit;
      if (!isUuid(id)) return new NotFoundError(`No VM image with id ${id}.`);
      try {
        return await upstream(client.get(call, id));
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
}

registerNodeType('VmImage');

export const VmImage = loadableNodeRef('VmImage', {
  id: { resolve: (image: VmImageRecord) => image.id },
  load: loadVmImages,
  loaderOptions: { maxBatchSize: MAX_IDS_PER_CALL },
});

VmImage.implement({
  description: 'A virtual machine disk image from the VM image service (Glance v2).',
  interfaces: [ImageInterface],
  fields: (t) => ({
    upstreamId: t.exposeString('id', { description: "The image's own ID in the VM image service (a UUID)." }),
    name: t.exposeString('name', { nullable: true, description: 'Display name (not unique).' }),
    status: t.field({ type: VmImageStatusEnum, description: 'Lifecycle state.', resolve: (i) => knownValue(VM_IMAGE_STATUSES, i.status, 'image status') }),
    visibility: t.field({
      type: VmImageVisibilityEnum,
      description: 'Who can see the image.',
      resolve: (i) => knownValue(VM_IMAGE_VISIBILITIES, i.visibility, 'image visibility'),
    }),
    protected: t.exposeBoolean('protected', { description: 'A protected image cannot be deleted.' }),
    tags: t.exposeStringList('tags', { description: 'Tags, as a set (order is not kept).' }),
    containerFormat: t.field({
      type: ContainerFormatEnum,
      nullable: true,
      description: 'Container format, once set.',
      resolve: (i) => (i.containerFormat === null ? null : knownValue(CONTAINER_FORMATS, i.containerFormat, 'container format')),
    }),
    diskFormat: t.field({
      type: DiskFormatEnum,
      nullable: true,
      description: 'Disk format, once set.',
      resolve: (i) => (i.diskFormat === null ? null : knownValue(DISK_FORMATS, i.diskFormat, 'disk format')),
    }),
    minDisk: t.exposeInt('minDisk', { description: 'Disk space needed to boot, in GB.' }),
    minRam: t.exposeInt('minRam', { description: 'RAM needed to boot, in MB.' }),
    size: t.field({ type: 'SafeInt', nullable: true, description: 'Size of the image data in bytes; null before upload.', resolve: (i) => i.size }),
    virtualSize: t.field({
      type: 'SafeInt',
      nullable: true,
      description: 'Virtual disk size in bytes (from the QCOW2 header, or the data size for raw).',
      resolve: (i) => i.virtualSize,
    }),
    checksum: t.exposeString('checksum', { nullable: true, description: 'MD5 of the image data.' }),
    osHashAlgo: t.exposeString('osHashAlgo', { nullable: true, description: 'Algorithm of `osHashValue` (sha512).' }),
    osHashValue: t.exposeString('osHashValue', { nullable: true, description: 'Secure hash of the image data.' }),
    osHidden: t.exposeBoolean('osHidden', { description: 'Hidden images are left out of lists unless asked for.' }),
    owner: t.exposeString('owner', { nullable: true, description: 'ID of the owning project.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When the image was created.', resolve: (i) => i.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the image was last changed.', resolve: (i) => i.updatedAt }),
    properties: t.field({
      type: [VmImageProperty],
      description: 'Custom properties (`os_distro`, `hw_disk_bus`, …), sorted by name.',
      resolve: (i) => i.properties,
    }),
    property: t.string({
      nullable: true,
      description: 'One custom property by name, or null.',
      args: { name: t.arg.string({ required: true, description: 'Property name.' }) },
      resolve: (i, { name }) => i.properties.find((p) => p.name === name)?.value ?? null,
    }),
    downloadUrl: t.string({
      nullable: true,
      description: 'Path, relative to the gateway, to GET the image data from (Range supported; same credentials as GraphQL); null while there is no data.',
      resolve: (i) => (i.size === null ? null : `/files/vm-images/${encodeGlobalVmImageId(i.id)}`),
    }),
    uploadUrl: t.string({
      nullable: true,
      description: 'Path, relative to the gateway, to PUT the image data to (application/octet-stream); null once the image is past QUEUED.',
      resolve: (i) => (i.status === 'queued' ? `/files/vm-images/${encodeGlobalVmImageId(i.id)}` : null),
    }),
  }),
});

const VmImageProperty = builder.objectRef<{ name: string; value: string }>('VmImageProperty').implement({
  description: 'A custom property of a VM image.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Property name.' }),
    value: t.exposeString('value', { description: 'Property value.' }),
  }),
});

/** The global ID of an image UUID (what `VmImage.id` returns). */
function encodeGlobalVmImageId(uuid: string): string {
  return encodeGlobalId('VmImage', uuid);
}

builder.queryFields((t) => ({
  vmImage: t.field({
    type: VmImage,
    nullable: true,
    description: 'One VM image by global ID; null (with a NOT_FOUND error) when it does not exist or is not visible.',
    authScopes: { backend: 'vmImages' },
    args: { id: t.arg.id({ required: true, description: 'Global ID of the image.' }) },
    resolve: (_root, { id }) => vmImageUuid(String(id)),
  }),
  vmImages: t.connection(
    {
      // Nullable: when its backend fails, the other root fields of the query still answer.
      nullable: true,
      type: VmImage,
      description: 'VM images the caller can see, newest first unless sorted otherwise.',
      authScopes: { backend: 'vmImages' },
      args: {
        filter: t.arg({ type: VmImageFilterInput, description: 'Only images matching every given filter.' }),
        sort: t.arg({ type: [VmImageSortInput], description: 'Sort criteria, in order (default: newest first).' }),
      },
      resolve: async (_root, args, context) => {
        const request = pageRequest('vmImages', args, context.config.maxPageSize);
        const filter = filterParams(args.filter);
        if (filter.sizeMin !== undefined && filter.sizeMax !== undefined && filter.sizeMin > filter.sizeMax) {
          throw new InvalidInputError('filter.sizeMin: must not exceed sizeMax', {
            fields: [{ path: ['filter', 'sizeMin'], message: 'must not exceed sizeMax' }],
          });
        }
        const call = context.call('vmImages');
        const loader = VmImage.getDataloader(context);
        return resolveMarkerConnection<VmImageRecord>(
          'vmImages',
          request,
          (image) => image.id,
          async ({ marker, limit, reverse }) => {
            const sort = sortParams(args.sort, reverse);
            const { images } = await upstream(context.backends.vmImages.list(call, { ...filter, sort, limit, ...(marker ? { marker } : {}) }));
            // The page must follow its marker in the order asked (a Glance with an empty sort value does not).
            const values = Array.isArray(request.cursor?.k) ? (request.cursor.k as Array<string | number | null>) : undefined;
            checkProgress(marker ? { id: marker, values } : undefined, images.slice(0, limit), sort);
            // A list answer is as fresh as a lookup: later `vmImage(id)` calls in this request reuse it.
            for (const image of images) loader.prime(image.id, image);
            return images;
          },
          (image) => ({ k: sortValues(image, sortParams(args.sort, false)) }),
        );
      },
    },
    { name: 'VmImageConnection', description: 'A page of VM images.' },
    { name: 'VmImageEdge', description: 'A VM image in a page, with its cursor.' },
  ),
}));
