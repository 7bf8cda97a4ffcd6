import { isExactId } from '../../backends/raw-values.js';
import { z } from 'zod';
import { CI_PAGE_SIZE } from '../../backends/ci-images/client.js';
import type { CiImageRecord, CiNamespaceRecord, CiUserRecord } from '../../backends/ci-images/types.js';
import type { Context } from '../../context.js';
import { builder } from '../builder.js';
import { loadableNodeRef } from '../../overrides/loadable-node-ref.js';
import { ImageInterface } from '../one-graph/image-interface.js';
import { OBJECT_MUTATION_ERRORS } from '../errors.js';
import { encodeGlobalId, expectGlobalId, registerNodeType } from '../global-id.js';
import { pageRequest, resolveOffsetConnection } from '../pagination.js';
import { loadEachById } from '../load-each.js';
import { upstream } from '../upstream.js';

/** Djinn's rule for image names. */
export const CI_IMAGE_NAME = /^[a-zA-Z0-9_-]+$/;

/** The upstream id of a `CiImage` global ID. @throws InvalidInputError for any other ID. */
export function ciImageId(globalId: string, argName = 'id'): number {
  return Number(expectGlobalId(globalId, 'CiImage', isExactId, argName));
}

registerNodeType('CiImage');

/** Djinn has no multi-get: ids are fetched one by one under the backend's fan-out bound. */
function loadCiImages(keys: readonly string[], context: Context): Promise<Array<CiImageRecord | Error>> {
  const client = context.backends.ciImages;
  return loadEachById(keys, client.fanOut, (id) => client.get(context.call('ciImages'), id), 'CI image');
}

const CiUser = builder.objectRef<CiUserRecord>('CiUser').implement({
  description: 'A user of the CI service.',
  fields: (t) => ({
    upstreamId: t.string({ description: "The user's ID in the CI service.", resolve: (u) => String(u.id) }),
    username: t.exposeString('username', { description: 'Username.' }),
    email: t.exposeString('email', { nullable: true, description: 'Email address.' }),
    createdAt: t.field({ type: 'DateTime', nullable: true, description: 'When the user signed up.', resolve: (u) => u.createdAt }),
  }),
});

const CiNamespace = builder.objectRef<CiNamespaceRecord>('CiNamespace').implement({
  description: 'A namespace grouping CI images and builds.',
  fields: (t) => ({
    upstreamId: t.string({ description: "The namespace's ID in the CI service.", resolve: (n) => String(n.id) }),
    name: t.exposeString('name', { description: 'Namespace name.' }),
    path: t.exposeString('path', { description: 'Full path (parent/child).' }),
    description: t.exposeString('description', { nullable: true, description: 'What it is for.' }),
    visibility: t.exposeString('visibility', { nullable: true, description: 'Who can see it (private, internal, public).' }),
    createdAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was created.', resolve: (n) => n.createdAt }),
  }),
});

export const CiImage = loadableNodeRef('CiImage', {
  id: { resolve: (image: CiImageRecord) => String(image.id) },
  load: (ids: string[], context: Context) => loadCiImages(ids, context),
  sort: (image) => String(image.id),
});

CiImage.implement({
  interfaces: [ImageInterface],
  description: 'A QCOW2 disk image that CI builds boot, from the CI image service.',
  fields: (t) => ({
    upstreamId: t.string({ description: "The image's own ID in the CI service (an integer).", resolve: (i) => String(i.id) }),
    name: t.exposeString('name', { description: 'Image name (letters, digits, "-" and "_").' }),
    driver: t.exposeString('driver', { description: 'Build driver that boots it (qemu).' }),
    createdAt: t.field({ type: 'DateTime', description: 'When the image was uploaded.', resolve: (i) => i.createdAt }),
    author: t.field({ type: CiUser, nullable: true, description: 'Who uploaded it.', resolve: (i) => i.author }),
    user: t.field({ type: CiUser, nullable: true, description: 'Who owns it.', resolve: (i) => i.user }),
    namespace: t.field({ type: CiNamespace, nullable: true, description: 'Its namespace, if any.', resolve: (i) => i.namespace }),
    downloadUrl: t.string({
      description: 'Path, relative to the gateway, to GET the QCOW2 file from (Range supported; same credentials as GraphQL).',
      resolve: (i) => `/files/ci-images/${encodeGlobalId('CiImage', i.id)}`,
    }),
  }),
});

builder.queryFields((t) => ({
  ciImage: t.field({
    type: CiImage,
    nullable: true,
    description: 'One CI image by global ID; null (with a NOT_FOUND error) when it does not exist or is not visible.',
    authScopes: { backend: 'ciImages' },
    args: { id: t.arg.id({ required: true, description: 'Global ID of the image.' }) },
    resolve: (_root, { id }) => String(ciImageId(String(id))),
  }),
  ciImages: t.connection(
    {
      // Nullable: when its backend fails, the other root fields of the query still answer.
      nullable: true,
      type: CiImage,
      description: 'CI images the caller can see, newest first as the service orders them.',
      authScopes: { backend: 'ciImages' },
      args: { search: t.arg.string({ description: 'Only images whose name contains this text.', validate: z.string().max(255) }) },
      resolve: async (_root, args, context) => {
        const request = pageRequest('ciImages', args, context.config.maxPageSize);
        const loader = CiImage.getDataloader(context);
        return resolveOffsetConnection<CiImageRecord>(
          'ciImages',
          request,
          async ({ page }) => {
            const result = await upstream(context.backends.ciImages.list(context.call('ciImages'), { page, ...(args.search ? { search: args.search } : {}) }));
            for (const image of result.images) loader.prime(String(image.id), image);
            return { items: result.images, total: undefined, hasNext: result.hasNext };
          },
          CI_PAGE_SIZE,
        );
      },
    },
    { name: 'CiImageConnection', description: 'A page of CI images.' },
    { name: 'CiImageEdge', description: 'A CI image in a page, with its cursor.' },
  ),
  ciImageUploadUrl: t.string({
    description: 'Path, relative to the gateway, to POST a QCOW2 file to (application/octet-stream) to create a CI image.',
    args: {
      name: t.arg.string({
        required: true,
        description: 'Name of the new image.',
        validate: z.string().min(1).max(255).regex(CI_IMAGE_NAME, 'may contain letters, digits, "-" and "_" only'),
      }),
      namespace: t.arg.string({ description: 'Namespace to create it in.', validate: z.string().min(1).max(255) }),
    },
    resolve: (_root, { name, namespace }) => {
      const query = new URLSearchParams({ name, ...(namespace ? { namespace } : {}) });
      return `/files/ci-images?${query.toString()}`;
    },
  }),
}));

const DeleteCiImageInput = builder.inputType('DeleteCiImageInput', {
  description: 'The CI image to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: 'Global ID of the image.' }) }),
});

builder.mutationField('deleteCiImage', (t) =>
  t.field({
    type: 'ID',
    description: 'Deletes a CI image and its file.',
    authScopes: { backend: 'ciImages' },
    args: { input: t.arg({ type: DeleteCiImageInput, required: true, description: 'The image.' }) },
    errors: {
      types: OBJECT_MUTATION_ERRORS,
      union: { name: 'DeleteCiImagePayload', description: "The deleted image's ID, or why it was not deleted." },
      result: { name: 'DeleteCiImageSuccess', description: 'The image was deleted.' },
      dataField: { name: 'deletedId', description: 'Global ID of the deleted image.' },
    },
    resolve: async (_root, { input }, context) => {
      const id = ciImageId(String(input.id), 'input.id');
      await upstream(context.backends.ciImages.delete(context.call('ciImages'), id));
      CiImage.getDataloader(context).clear(String(id));
      return String(input.id);
    },
  }),
);
