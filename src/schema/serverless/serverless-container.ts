import { SERVERLESS_STATUSES, type ServerlessContainerRecord, type ServerlessSpecRecord } from '../../backends/serverless/types.js';
import type { Context } from '../../context.js';
import { isUuid } from '../../formats/uuid.js';
import { WorkloadInterface } from '../one-graph/workload-interface.js';
import { builder, type GantrySchemaTypes } from '../builder.js';
import { knownValue } from '../enum-values.js';
import { loadableNodeRef } from '../../overrides/loadable-node-ref.js';
import { expectGlobalId, registerNodeType } from '../global-id.js';
import { loadEachByKey } from '../load-each.js';
import { pageRequest, resolveOffsetConnection } from '../pagination.js';
import { upstream } from '../upstream.js';
import { GpuModel, gpuModelsOf } from './gpu-model.js';
import { EnvVar, quantity, ResourceQuantity, ServerlessStatusEnum } from './serverless-parts.js';

registerNodeType('ServerlessContainer');

/** The service's UUID of a `ServerlessContainer` global ID. @throws InvalidInputError for any other ID. */
export function serverlessContainerId(globalId: string, argName = 'id'): string {
  return expectGlobalId(globalId, 'ServerlessContainer', isUuid, argName);
}

/** Most containers one list call asks for. */
const MAX_ROWS = 100;

export const ServerlessContainer = loadableNodeRef('ServerlessContainer', {
  id: { resolve: (container: ServerlessContainerRecord) => container.id },
  // No multi-get upstream: ids are fetched one by one under the backend's fan-out bound.
  load: (ids: string[], context: Context) => {
    const client = context.backends.serverless;
    return loadEachByKey(
      ids,
      client.fanOut,
      (id) => (isUuid(id) ? id : undefined),
      (id) => client.get(context.call('serverless'), id),
      'serverless container',
    );
  },
  sort: (container) => container.id,
});

/**
 * The spec fields a container and each of its revisions share: typed quantities, env as pairs,
 * the port as a number, GPU models as objects.
 */
export function specFields<T>(t: PothosSchemaTypes.ObjectFieldBuilder<GantrySchemaTypes, T>, spec: (parent: T) => ServerlessSpecRecord | null) {
  return {
    image: t.string({ nullable: true, description: 'Image reference with its tag, e.g. "nginxdemos/hello:0.4".', resolve: (p) => spec(p)?.image ?? null }),
    cpu: t.float({ nullable: true, description: 'CPU cores (fractions allowed).', resolve: (p) => spec(p)?.cpu ?? null }),
    ram: t.field({ type: ResourceQuantity, nullable: true, description: 'Memory.', resolve: (p) => quantity(spec(p)?.ram ?? null) }),
    ephemeralStorage: t.field({
      type: ResourceQuantity,
      nullable: true,
      description: 'Scratch disk space.',
      resolve: (p) => quantity(spec(p)?.ephemeralStorage ?? null),
    }),
    gpu: t.int({ nullable: true, description: 'GPUs.', resolve: (p) => spec(p)?.gpu ?? null }),
    gpuModels: t.field({
      type: [GpuModel],
      description: 'The GPU models asked for (empty without GPUs).',
      authScopes: { backend: 'serverless' },
      resolve: (p, _args, context) => gpuModelsOf(spec(p)?.desiredGPUs ?? null, context),
    }),
    port: t.int({
      nullable: true,
      description: 'The port it listens on.',
      resolve: (p) => {
        const port = Number(spec(p)?.port);
        return Number.isInteger(port) ? port : null;
      },
    }),
    env: t.field({
      type: [EnvVar],
      description: 'Environment variables, by name.',
      resolve: (p) => [...(spec(p)?.env ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    }),
    command: t.string({ nullable: true, description: "Command that replaces the image's entrypoint.", resolve: (p) => spec(p)?.command ?? null }),
    arguments: t.stringList({ nullable: true, description: 'Arguments to the command.', resolve: (p) => spec(p)?.arguments ?? null }),
  };
}

ServerlessContainer.implement({
  interfaces: [WorkloadInterface],
  description: 'A serverless container: an image the platform deploys and scales; every change deploys a new revision.',
  fields: (t) => ({
    upstreamId: t.exposeString('id', { description: "The container's own UUID in the service." }),
    name: t.exposeString('name', { description: 'Name, unique per user.' }),
    ...specFields(t, (c) => c),
    status: t.field({
      type: ServerlessStatusEnum,
      description: 'Where its latest revision stands.',
      resolve: (c) => knownValue(SERVERLESS_STATUSES, c.status, 'container status'),
    }),
    urls: t.exposeStringList('urls', { description: 'Hosts it answers on, once a revision serves.' }),
    createdBy: t.exposeString('createdBy', { nullable: true, description: 'UUID of the user who owns it.' }),
    createdAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was created.', resolve: (c) => c.dateCreated }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was last updated (null until the first update).',
      resolve: (c) => c.dateUpdated,
    }),
  }),
});

builder.queryFields((t) => ({
  serverlessContainer: t.field({
    type: ServerlessContainer,
    nullable: true,
    description: "One serverless container by global ID; null (with an error) when it does not exist or is another user's.",
    authScopes: { backend: 'serverless' },
    args: { id: t.arg.id({ required: true, description: 'Global ID of the container.' }) },
    resolve: (_root, { id }) => serverlessContainerId(String(id)),
  }),
  serverlessContainers: t.connection(
    {
      // Nullable: when its backend fails, the other root fields of the query still answer.
      nullable: true,
      type: ServerlessContainer,
      description: "The caller's own serverless containers.",
      authScopes: { backend: 'serverless' },
      resolve: async (_root, args, context) => {
        const request = pageRequest('serverlessContainers', args, Math.min(context.config.maxPageSize, MAX_ROWS));
        const loader = ServerlessContainer.getDataloader(context);
        return resolveOffsetConnection<ServerlessContainerRecord>('serverlessContainers', request, async ({ page, perPage }) => {
          const result = await upstream(context.backends.serverless.list(context.call('serverless'), page, perPage));
          for (const container of result.items) loader.prime(container.id, container);
          return result;
        });
      },
    },
    { name: 'ServerlessContainerConnection', description: 'A page of serverless containers.' },
    { name: 'ServerlessContainerEdge', description: 'A serverless container in a page, with its cursor.' },
  ),
}));
