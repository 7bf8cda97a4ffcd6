import { operationCache } from '../../overrides/use-released-context-caches.js';
import type { GpuModelRecord } from '../../backends/serverless/types.js';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { builder } from '../builder.js';
import { loadableNodeRef } from '../../overrides/loadable-node-ref.js';
import { registerNodeType } from '../global-id.js';
import { pageRequest, resolveOffsetConnection } from '../pagination.js';
import { upstream } from '../upstream.js';

registerNodeType('GpuModel');

/** The service lists every model in one page of 100 (there are 25). */
const ALL_MODELS_ROWS = 100;

/** Every GPU model, read once per request however many containers ask (a loader of one key). */
const allGpuModels = operationCache(
  (context: Context): Promise<Map<string, GpuModelRecord>> =>
    upstream(context.backends.serverless.gpuModels(context.call('serverless'), 1, ALL_MODELS_ROWS)).then((page) => new Map(page.items.map((m) => [m.code, m]))),
);

export const GpuModel = loadableNodeRef('GpuModel', {
  id: { resolve: (model: GpuModelRecord) => model.code },
  load: async (codes: string[], context: Context) => {
    const models = await allGpuModels(context);
    return codes.map((code) => models.get(code) ?? new NotFoundError(`No GPU model ${code}.`));
  },
  sort: (model) => model.code,
});

GpuModel.implement({
  description: 'A GPU model serverless containers can ask for.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'What `gpuModels` of a container takes, e.g. "a100".' }),
    name: t.exposeString('name', { description: 'Display name, e.g. "Nvidia a100".' }),
  }),
});

/** The models of `codes`; a code the service no longer lists still shows, named by its code. */
export async function gpuModelsOf(codes: readonly string[] | null, context: Context): Promise<GpuModelRecord[]> {
  if (!codes?.length) return [];
  const models = await allGpuModels(context);
  return codes.map((code) => models.get(code) ?? { code, name: code });
}

builder.queryField('gpuModels', (t) =>
  t.connection(
    {
      // Nullable: when its backend fails, the other root fields of the query still answer.
      nullable: true,
      type: GpuModel,
      description: 'The GPU models serverless containers can ask for.',
      authScopes: { backend: 'serverless' },
      resolve: async (_root, args, context) => {
        const request = pageRequest('gpuModels', args, context.config.maxPageSize);
        return resolveOffsetConnection<GpuModelRecord>('gpuModels', request, async ({ page, perPage }) => {
          const result = await upstream(context.backends.serverless.gpuModels(context.call('serverless'), page, perPage));
          return result;
        });
      },
    },
    { name: 'GpuModelConnection', description: 'A page of GPU models.' },
    { name: 'GpuModelEdge', description: 'A GPU model in a page, with its cursor.' },
  ),
);
