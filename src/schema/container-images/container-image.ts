import { z } from 'zod';
import { isExactId } from '../../backends/raw-values.js';
import { ROLE_CLASSES, type ContainerImageRecord } from '../../backends/container-images/types.js';
import { MAX_PER_PAGE } from '../../backends/container-images/client.js';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { builder } from '../builder.js';
import { knownValue } from '../enum-values.js';
import { heldValues, loadableNodeRef } from '../../overrides/loadable-node-ref.js';
import { expectGlobalId, registerNodeType } from '../global-id.js';
import { pageRequest, resolveOffsetConnection } from '../pagination.js';
import { upstream } from '../upstream.js';
import { loadContainerImages, noteCataloguePage } from './catalogue-loader.js';
import { ContainerImageLabel, EnvParam, IngressParam, SettingParam, Volume } from './container-image-parts.js';
import { ContainerImageScopeEnum, RoleClassEnum } from './enums.js';

/** The upstream id of a `ContainerImage` global ID. @throws InvalidInputError for any other ID. */
export function containerImageId(globalId: string, argName = 'id'): number {
  return Number(expectGlobalId(globalId, 'ContainerImage', isExactId, argName));
}

registerNodeType('ContainerImage');

/** Loader keys are the upstream ids as strings: what `node(id)` decodes a global ID into. */
export const ContainerImage = loadableNodeRef('ContainerImage', {
  id: { resolve: (image: ContainerImageRecord) => String(image.id) },
  load: (ids: string[], context: Context) => loadContainerImages(ids, context, (image) => ContainerImage.getDataloader(context).prime(String(image.id), image)),
  sort: (image) => String(image.id),
});

ContainerImage.implement({
  description: 'A container image in the catalogue: what a container runs, with its parameters, ports, volumes and dependencies.',
  fields: (t) => ({
    upstreamId: t.string({ description: "The image's own ID in the catalogue (an integer).", resolve: (i) => String(i.id) }),
    name: t.exposeString('name', { description: 'Unique name, derived from the label.' }),
    label: t.exposeString('label', { description: 'Display name.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the image is for.' }),
    active: t.exposeBoolean('active', { description: 'Available for new containers.' }),
    isLoadBalancer: t.exposeBoolean('isLoadBalancer', { description: 'The image is a load balancer.' }),
    canScale: t.exposeBoolean('canScale', { description: 'Containers of it can be scaled out.' }),
    command: t.exposeString('command', { nullable: true, description: 'Command run when a container starts.' }),
    role: t.exposeString('role', { description: 'Role name, used to name generated variables.' }),
    roleClass: t.field({ type: RoleClassEnum, description: 'Kind of service.', resolve: (i) => knownValue(ROLE_CLASSES, i.roleClass, 'role class') }),
    minCpu: t.float({ description: 'Cores needed at least (fractions allowed).', resolve: (i) => i.minCpu }),
    minMemory: t.exposeInt('minMemory', { description: 'Memory needed at least, in MB.' }),
    isFree: t.exposeBoolean('isFree', { description: 'Free of charge.' }),
    registryImagePath: t.exposeString('registryImagePath', { description: 'Image path in its registry (`library/nginx`).' }),
    registryImageTag: t.exposeString('registryImageTag', { description: 'Image tag (`1.27`).' }),
    imageReference: t.string({
      description: 'Path and tag as one reference (`library/nginx:1.27`).',
      resolve: (i) => `${i.registryImagePath}:${i.registryImageTag}`,
    }),
    registryCustom: t.exposeString('registryCustom', { nullable: true, description: 'A custom registry host, when not the default.' }),
    registryAuth: t.exposeBoolean('registryAuth', { description: 'The registry needs credentials (never shown).' }),
    providerId: t.exposeInt('providerId', { nullable: true, description: 'Image provider ID.' }),
    iconUrl: t.exposeString('iconUrl', { nullable: true, description: 'Icon URL.' }),
    imageUrl: t.exposeString('imageUrl', { nullable: true, description: 'Image (logo) URL.' }),
    ownerUserId: t.exposeInt('userId', { nullable: true, description: 'Owning user; null for a system image.' }),
    isSystemImage: t.boolean({ description: 'Provided by the platform rather than a user.', resolve: (i) => i.userId === null }),
    labels: t.field({ type: [ContainerImageLabel], description: 'Key/value labels.', resolve: (i) => i.labels }),
    envParams: t.field({ type: [EnvParam], description: 'Environment variables.', resolve: (i) => i.envParams }),
    settingsParams: t.field({ type: [SettingParam], description: 'Settings (a PASSWORD one gets a generated value).', resolve: (i) => i.settingsParams }),
    ingressParams: t.field({ type: [IngressParam], description: 'Exposed ports.', resolve: (i) => i.ingressParams }),
    volumes: t.field({ type: [Volume], description: 'Volumes, with their backup settings.', resolve: (i) => i.volumes }),
    requiredContainers: t.field({
      type: [ContainerImage],
      description: 'Images this one needs running beside it (those the caller may see).',
      resolve: (i, _args, context) => loadVisible(i.requiredContainers, context),
    }),
    requiredBy: t.field({
      type: [ContainerImage],
      description: 'Images that need this one (those the caller may see).',
      resolve: (i, _args, context) => loadVisible(i.requiredBy, context),
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When the image was created.', resolve: (i) => i.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the image was last changed.', resolve: (i) => i.updatedAt }),
  }),
});

/**
 * Loads related images through the request's loader; ones the caller may not see are left out.
 * Usually the catalogue page they came from has primed them all, and they are answered at once.
 */
function loadVisible(ids: number[], context: Context): ContainerImageRecord[] | Promise<ContainerImageRecord[]> {
  const keys = ids.map(String);
  return heldValues<ContainerImageRecord>(ContainerImage, context, keys) ?? loadAllVisible(keys, context);
}

async function loadAllVisible(keys: string[], context: Context): Promise<ContainerImageRecord[]> {
  const results = await ContainerImage.getDataloader(context).loadMany(keys);
  return results.filter((r): r is ContainerImageRecord => {
    if (r instanceof NotFoundError) return false;
    if (r instanceof Error) throw r;
    return true;
  });
}

builder.queryFields((t) => ({
  containerImage: t.field({
    type: ContainerImage,
    nullable: true,
    description: 'One container image by global ID; null (with a NOT_FOUND error) when it does not exist or is not visible.',
    authScopes: { backend: 'containerImages' },
    args: { id: t.arg.id({ required: true, description: 'Global ID of the image.' }) },
    resolve: (_root, { id }) => String(containerImageId(String(id))),
  }),
  containerImages: t.connection(
    {
      // Nullable: when its backend fails, the other root fields of the query still answer.
      nullable: true,
      type: ContainerImage,
      description: 'Container images the caller can see, by label.',
      authScopes: { backend: 'containerImages' },
      args: {
        scope: t.arg({ type: ContainerImageScopeEnum, defaultValue: 'all', description: 'Which images (default ALL).' }),
        label: t.arg.string({ description: 'Only images whose label contains this text (case-insensitive).', validate: z.string().max(255) }),
      },
      resolve: async (_root, args, context) => {
        const request = pageRequest('containerImages', args, context.config.maxPageSize);
        const loader = ContainerImage.getDataloader(context);
        const filter = args.scope === 'all' || args.scope == null ? undefined : args.scope;
        const byname = args.label ?? undefined;
        return resolveOffsetConnection<ContainerImageRecord>('containerImages', request, async ({ page, perPage }) => {
          const result = await upstream(
            context.backends.containerImages.list(context.call('containerImages'), {
              page,
              perPage,
              ...(filter ? { filter } : {}),
              ...(byname ? { byname } : {}),
            }),
          );
          for (const image of result.images) loader.prime(String(image.id), image);
          if (!filter && !byname && perPage === MAX_PER_PAGE) noteCataloguePage(context, page, result.hasNext);
          return { items: result.images, total: result.total, hasNext: result.hasNext };
        });
      },
    },
    { name: 'ContainerImageConnection', description: 'A page of container images.' },
    { name: 'ContainerImageEdge', description: 'A container image in a page, with its cursor.' },
  ),
}));
