import { MAX_PER_PAGE } from '../../backends/container-images/client.js';
import type { ContainerRecord } from '../../backends/containers/types.js';
import type { ServerlessContainerRecord } from '../../backends/serverless/types.js';
import type { Context } from '../../context.js';
import { builder } from '../builder.js';
import { Container } from '../containers/container.js';
import { ServerlessContainer } from '../serverless/serverless-container.js';
import { upstream } from '../upstream.js';
import { offsetSource, type MergeSource } from './merge-pages.js';
import { resolveMergedConnection } from './merged-connection.js';
import { WorkloadInterface } from './workload-interface.js';

/**
 * `workloads`: containers and serverless containers as one list, oldest first, the order both
 * services list in (containers by id, serverless containers by creation); merged like `images`.
 */

type Workload = ContainerRecord | ServerlessContainerRecord;

const createdAt = (w: Workload): number => {
  const time = 'createdAt' in w ? w.createdAt : w.dateCreated;
  return time ? Date.parse(time) : 0;
};

const WorkloadKindEnum = builder.enumType('WorkloadKind', {
  description: 'Which service runs a workload.',
  values: {
    CONTAINER: { value: 'containers', description: 'The containers service.' },
    SERVERLESS: { value: 'serverless', description: 'The serverless container service.' },
  },
});

function containersSource(context: Context): MergeSource<Workload, unknown> {
  return offsetSource<Workload>('containers', MAX_PER_PAGE, async (page) => {
    const result = await upstream(context.backends.containers.list(context.call('containers'), { page, perPage: MAX_PER_PAGE }));
    for (const c of result.containers) Container.getDataloader(context).prime(String(c.id), c);
    return { items: result.containers, hasNext: result.hasNext };
  });
}

function serverlessSource(context: Context): MergeSource<Workload, unknown> {
  return offsetSource<Workload>('serverless', 100, async (page) => {
    const result = await upstream(context.backends.serverless.list(context.call('serverless'), page, 100));
    for (const c of result.items) ServerlessContainer.getDataloader(context).prime(c.id, c);
    return { items: result.items, hasNext: result.hasNext };
  });
}

builder.queryField('workloads', (t) =>
  t.connection(
    {
      type: WorkloadInterface,
      nullable: true,
      description:
        "Containers and serverless containers in one list, oldest first. The cursor keeps each service's own position; when one service fails, the other's workloads still come, with an error naming the failed source.",
      args: { kinds: t.arg({ type: [WorkloadKindEnum], description: 'Only these kinds (default: both).' }) },
      resolve: (_root, args, context, info) => {
        const kinds = new Set((args.kinds as string[] | null | undefined) ?? ['containers', 'serverless']);
        const sources = [
          ...(kinds.has('containers') && context.credentials.present.has('containers') ? [containersSource(context)] : []),
          ...(kinds.has('serverless') && context.credentials.present.has('serverless') ? [serverlessSource(context)] : []),
        ];
        return resolveMergedConnection('workloads', args, context, info, sources, (a, b) => createdAt(a) < createdAt(b));
      },
    },
    { name: 'WorkloadConnection', description: 'A page of workloads from both services.' },
    { name: 'WorkloadEdge', description: 'A workload in a page, with its cursor.' },
  ),
);
