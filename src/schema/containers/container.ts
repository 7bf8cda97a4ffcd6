import { isExactId } from '../../backends/raw-values.js';
import { MAX_PER_PAGE } from '../../backends/container-images/client.js';
import type { ContainerRecord, MetricRecord } from '../../backends/containers/types.js';
import type { Context } from '../../context.js';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import { WorkloadInterface } from '../one-graph/workload-interface.js';
import { builder } from '../builder.js';
import { loadableNodeRef } from '../../overrides/loadable-node-ref.js';
import { ContainerImage } from '../container-images/container-image.js';
import { expectGlobalId, registerNodeType } from '../global-id.js';
import { pageRequest, resolveOffsetConnection } from '../pagination.js';
import { loadEachById } from '../load-each.js';
import { upstream } from '../upstream.js';
import { UPSTREAM_CALLS_PER_ITEM } from '../../plugins/call-budget.js';
import { ContainerLogLine, ContainerProcess, CpuSample, IngressRule, MemorySample, stateFields } from './container-parts.js';

/** The API's own bounds on `limit` for logs. */
/** A field that makes its own upstream call for every container it is asked of (see src/plugins/call-budget.ts). */
const CALL_PER_ITEM = { [UPSTREAM_CALLS_PER_ITEM]: 1 };

/** The largest `limit` of any field (the cost limit counts up to it: see src/plugins/cost-limit.ts). */
export const MAX_LOG_LINES = 10_000;

export function containerId(globalId: string, argName = 'id'): number {
  return Number(expectGlobalId(globalId, 'Container', isExactId, argName));
}

registerNodeType('Container');

/** No multi-get upstream: ids are fetched one by one under the backend's fan-out bound. */
function loadContainers(keys: readonly string[], context: Context): Promise<Array<ContainerRecord | Error>> {
  const client = context.backends.containers;
  return loadEachById(keys, client.fanOut, (id) => client.get(context.call('containers'), id), 'container');
}

export const Container = loadableNodeRef('Container', {
  id: { resolve: (container: ContainerRecord) => String(container.id) },
  load: (ids: string[], context: Context) => loadContainers(ids, context),
  sort: (container) => String(container.id),
});

/** Validates a since/until window; returns epoch seconds. */
function window(since: string | null | undefined, until: string | null | undefined): { start?: number; end?: number } {
  const start = since ? Date.parse(since) / 1000 : undefined;
  const end = until ? Date.parse(until) / 1000 : undefined;
  if (start !== undefined && end !== undefined && end < start) {
    throw new InvalidInputError('until: must not be before since.', { fields: [{ path: ['until'], message: 'must not be before since' }] });
  }
  return { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

function within(samples: MetricRecord[], since: string | null | undefined, until: string | null | undefined): MetricRecord[] {
  const { start, end } = window(since, until);
  return samples.filter((s) => {
    const t = Date.parse(s.time) / 1000;
    return (start === undefined || t >= start) && (end === undefined || t <= end);
  });
}

Container.implement({
  interfaces: [WorkloadInterface],
  description: 'A running (or stopped) container, from the containers service.',
  fields: (t) => ({
    upstreamId: t.string({ description: "The container's own ID in the service (an integer).", resolve: (c) => String(c.id) }),
    name: t.exposeString('name', { description: 'Container name.' }),
    ...stateFields(t),
    cpuPercent: t.exposeFloat('cpuPercent', { nullable: true, description: 'Current CPU use, in percent.' }),
    memoryPercent: t.exposeFloat('memoryPercent', { nullable: true, description: 'Current memory use, in percent of its limit.' }),
    localIp: t.exposeString('localIp', { nullable: true, description: 'Address inside the project network.' }),
    publicIp: t.exposeString('publicIp', { nullable: true, description: 'Public address, if any.' }),
    projectId: t.exposeInt('projectId', { nullable: true, description: 'Project it belongs to.' }),
    ingressRules: t.field({ type: [IngressRule], description: 'How traffic reaches it.', resolve: (c) => c.ingressRules }),
    image: t.field({
      type: ContainerImage,
      nullable: true,
      description: 'The catalogue image it runs (null when not visible to the caller).',
      authScopes: { backend: 'containerImages' },
      resolve: async (c, _args, context) => {
        if (c.imageId === null) return null;
        const image = await ContainerImage.getDataloader(context)
          .load(String(c.imageId))
          .catch((error: unknown) => {
            if (error instanceof NotFoundError) return null;
            throw error;
          });
        return image;
      },
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was created.', resolve: (c) => c.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When it last changed.', resolve: (c) => c.updatedAt }),
    logs: t.field({
      extensions: CALL_PER_ITEM,
      type: [ContainerLogLine],
      description: 'Log lines, newest first (default: the last 500 of the last day).',
      args: {
        limit: t.arg.int({ defaultValue: 500, description: `Most lines to return (1..${MAX_LOG_LINES}).` }),
        since: t.arg({ type: 'DateTime', description: 'Oldest instant (default: a day ago).' }),
        until: t.arg({ type: 'DateTime', description: 'Newest instant (default: now).' }),
      },
      resolve: async (c, args, context) => {
        const limit = args.limit ?? 500;
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOG_LINES) {
          throw new InvalidInputError(`limit: must be between 1 and ${MAX_LOG_LINES}.`, {
            fields: [{ path: ['limit'], message: `must be between 1 and ${MAX_LOG_LINES}` }],
          });
        }
        const { start, end } = window(args.since, args.until);
        return upstream(
          context.backends.containers.logs(context.call('containers'), c.id, {
            limit,
            ...(start !== undefined ? { periodStart: Math.floor(start) } : {}),
            ...(end !== undefined ? { periodEnd: Math.ceil(end) } : {}),
          }),
        );
      },
    }),
    processes: t.field({
      extensions: CALL_PER_ITEM,
      type: [ContainerProcess],
      description: 'Processes running inside it (empty when it is offline).',
      resolve: (c, _args, context) => upstream(context.backends.containers.processes(context.call('containers'), c.id)),
    }),
    cpuUsage: t.field({
      extensions: CALL_PER_ITEM,
      type: [CpuSample],
      description: 'CPU samples every 30 s, oldest first (the service keeps 3 hours).',
      args: {
        since: t.arg({ type: 'DateTime', description: 'Only samples at or after this instant.' }),
        until: t.arg({ type: 'DateTime', description: 'Only samples at or before this instant.' }),
      },
      resolve: async (c, args, context) =>
        within(await upstream(context.backends.containers.metrics(context.call('containers'), c.id, 'cpu')), args.since, args.until),
    }),
    memoryUsage: t.field({
      extensions: CALL_PER_ITEM,
      type: [MemorySample],
      description: 'Memory samples every 30 s, oldest first (the service keeps 3 hours).',
      args: {
        since: t.arg({ type: 'DateTime', description: 'Only samples at or after this instant.' }),
        until: t.arg({ type: 'DateTime', description: 'Only samples at or before this instant.' }),
      },
      resolve: async (c, args, context) =>
        within(await upstream(context.backends.containers.metrics(context.call('containers'), c.id, 'memory')), args.since, args.until),
    }),
  }),
});

builder.queryFields((t) => ({
  container: t.field({
    type: Container,
    nullable: true,
    description: 'One container by global ID; null (with a NOT_FOUND error) when it does not exist or is not visible.',
    authScopes: { backend: 'containers' },
    args: { id: t.arg.id({ required: true, description: 'Global ID of the container.' }) },
    resolve: (_root, { id }) => String(containerId(String(id))),
  }),
  containers: t.connection(
    {
      // Nullable: when its backend fails, the other root fields of the query still answer.
      nullable: true,
      type: Container,
      description: 'Containers the caller can see, by ID.',
      authScopes: { backend: 'containers' },
      resolve: async (_root, args, context) => {
        const request = pageRequest('containers', args, Math.min(context.config.maxPageSize, MAX_PER_PAGE));
        const loader = Container.getDataloader(context);
        return resolveOffsetConnection<ContainerRecord>('containers', request, async ({ page, perPage }) => {
          const result = await upstream(context.backends.containers.list(context.call('containers'), { page, perPage }));
          for (const container of result.containers) loader.prime(String(container.id), container);
          return { items: result.containers, total: result.total, hasNext: result.hasNext };
        });
      },
    },
    { name: 'ContainerConnection', description: 'A page of containers.' },
    { name: 'ContainerEdge', description: 'A container in a page, with its cursor.' },
  ),
}));
