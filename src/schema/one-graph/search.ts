import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { MAX_PER_PAGE } from '../../backends/container-images/client.js';
import type { BackendKey } from '../../backend-keys.js';
import type { Context } from '../../context.js';
import { InvalidInputError } from '../../errors.js';
import { builder } from '../builder.js';
import { CiImage } from '../ci-images/ci-image.js';
import { ContainerImage } from '../container-images/container-image.js';
import { Container } from '../containers/container.js';
import { ServerlessContainer } from '../serverless/serverless-container.js';
import { fromBackendError, upstream } from '../upstream.js';
import { VmImage } from '../vm-images/vm-image.js';

/**
 * `search(text, first)`: every service asked at once for things whose name contains the text,
 * ranked together (exact name, then a name that starts with it, then one with it at a word's
 * start, then anywhere; shorter names first within a rank). Services that can search do
 * (CI images, the catalogue); the others' first pages are filtered here. A failed service is an
 * error beside the hits of the others.
 */

type Kind = 'VmImage' | 'CiImage' | 'ContainerImage' | 'Container' | 'ServerlessContainer';
interface Hit {
  kind: Kind;
  name: string;
  score: number;
  record: object;
}

const SCAN = 100;

function scoreName(name: string, text: string): number {
  const n = name.toLowerCase();
  const q = text.toLowerCase();
  const index = n.indexOf(q);
  if (index < 0) return 0;
  const rank = n === q ? 4 : index === 0 ? 3 : /[^a-z0-9]/.test(n[index - 1]!) ? 2 : 1;
  // Within a rank, the more of the name the text covers, the better.
  return rank + q.length / n.length / 2;
}

const kindOf = new WeakMap<object, Kind>();

const SearchResult = builder.unionType('SearchResult', {
  description: 'Anything search can find.',
  types: [VmImage, CiImage, ContainerImage, Container, ServerlessContainer],
  resolveType: (value) => kindOf.get(value as object)!,
});

const SearchHit = builder.objectRef<Hit>('SearchHit').implement({
  description: 'One search hit, with its rank.',
  fields: (t) => ({
    score: t.exposeFloat('score', {
      description: 'Higher is better: 4 and up an exact name, 3 a prefix, 2 a word start, 1 anywhere (plus how much of the name matched).',
    }),
    node: t.field({ type: SearchResult, description: 'What was found.', resolve: (hit) => hit.record as never }),
  }),
});

async function candidates(context: Context, backend: BackendKey, text: string): Promise<Hit[]> {
  const call = context.call(backend);
  const hit = (kind: Kind, name: string | null, record: object): Hit[] => {
    const score = name ? scoreName(name, text) : 0;
    if (score === 0) return [];
    kindOf.set(record, kind);
    return [{ kind, name: name!, score, record }];
  };
  switch (backend) {
    case 'vmImages':
      return (await upstream(context.backends.vmImages.list(call, { limit: SCAN }))).images.flatMap((i) => hit('VmImage', i.name, i));
    case 'ciImages':
      return (await upstream(context.backends.ciImages.list(call, { page: 1, search: text }))).images.flatMap((i) => hit('CiImage', i.name, i));
    case 'containerImages':
      return (await upstream(context.backends.containerImages.list(call, { page: 1, perPage: MAX_PER_PAGE, byname: text }))).images.flatMap((i) =>
        hit('ContainerImage', i.label, i),
      );
    case 'containers':
      return (await upstream(context.backends.containers.list(call, { page: 1, perPage: MAX_PER_PAGE }))).containers.flatMap((c) =>
        hit('Container', c.name, c),
      );
    case 'serverless':
      return (await upstream(context.backends.serverless.list(call, 1, SCAN))).items.flatMap((c) => hit('ServerlessContainer', c.name, c));
  }
}

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHit],
    description:
      'Images, container images, containers and serverless containers whose name contains `text`, best first, across every service the caller has a credential for.',
    args: {
      text: t.arg.string({
        required: true,
        description: 'What the name must contain (case-insensitive).',
        validate: z.string().trim().min(2, 'must have at least 2 characters').max(100),
      }),
      first: t.arg.int({ defaultValue: 10, description: 'Most hits to return.' }),
    },
    resolve: async (_root, args, context, info) => {
      const first = args.first ?? 10;
      if (first < 1 || first > context.config.maxPageSize)
        throw new InvalidInputError(`first: must be between 1 and ${context.config.maxPageSize}.`, {
          fields: [{ path: ['first'], message: `must be between 1 and ${context.config.maxPageSize}` }],
        });
      const backends = (['vmImages', 'ciImages', 'containerImages', 'containers', 'serverless'] as const).filter((b) => context.credentials.present.has(b));
      const results = await Promise.allSettled(backends.map((b) => candidates(context, b, args.text.trim())));
      const hits: Hit[] = [];
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') hits.push(...result.value);
        else {
          const mapped = fromBackendError(result.reason) as GraphQLError;
          context.extraErrors.push(
            new GraphQLError(`search: the ${backends[i]} source failed; its hits are missing. ${mapped.message}`, {
              path: [info.path.key],
              extensions: { ...mapped.extensions, source: backends[i] },
            }),
          );
        }
      });
      return hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, first);
    },
  }),
);
