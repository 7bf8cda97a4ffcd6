import type { BackendKey } from '../backend-keys.js';
import type { Context } from '../context.js';
import { InvalidInputError, UnauthenticatedError } from '../errors.js';
import { builder } from '../schema/builder.js';
import { CiImage } from '../schema/ci-images/ci-image.js';
import { ContainerImage } from '../schema/container-images/container-image.js';
import { Container } from '../schema/containers/container.js';
import { decodeGlobalId } from '../schema/global-id.js';
import { ContainerRevision } from '../schema/serverless/container-revision.js';
import { GpuModel } from '../schema/serverless/gpu-model.js';
import { ServerlessContainer } from '../schema/serverless/serverless-container.js';
import { VmImage } from '../schema/vm-images/vm-image.js';

/**
 * Every Node type as a federation entity, keyed by its global `id`, and also by the key other
 * subgraphs already hold where there is one: the upstream id (`upstreamId`), or a GPU model's
 * `code`. A router's `_entities` call resolves each representation through the type's own
 * per-operation loader, the one `node`, `nodes` and every list use, so N references of a type
 * cost the upstream calls that loader makes for N ids (one `id=in:` call for VM images, one GET
 * each under the backend's fan-out bound where the API has no multi-get), never more.
 *
 * Imported only to build the subgraph schema (src/subgraph/schema.ts): the standalone schema
 * never sees these keys.
 */

interface Representation {
  __typename?: string;
  id?: unknown;
  upstreamId?: unknown;
  code?: unknown;
}

/** The loader key a representation names: its upstream id, from whichever key the router sent. */
function loaderKey(typename: string, representation: Representation, natural: 'upstreamId' | 'code' | undefined): string {
  const naturalValue = natural ? representation[natural] : undefined;
  if (typeof naturalValue === 'string' || typeof naturalValue === 'number') return String(naturalValue);
  if (typeof representation.id === 'string') {
    const decoded = decodeGlobalId(representation.id);
    if (decoded.typename !== typename) throw new InvalidInputError(`"${representation.id}" is not a ${typename} ID.`);
    return decoded.id;
  }
  const keys = natural ? `"id" or "${natural}"` : '"id"';
  throw new InvalidInputError(`A ${typename} representation needs ${keys}.`);
}

interface Loadable {
  getDataloader: (context: Context) => unknown;
}

function asEntity(ref: Loadable, typename: string, backend: BackendKey, natural?: 'upstreamId' | 'code') {
  const keys = [builder.selection<{ id: string }>('id')];
  if (natural === 'upstreamId') keys.push(builder.selection<{ upstreamId: string }>('upstreamId') as never);
  if (natural === 'code') keys.push(builder.selection<{ code: string }>('code') as never);
  builder.asEntity(ref as never, {
    key: keys,
    resolveReference: (representation: Representation, context: Context) => {
      // The same check the root fields make with scope auth: no credential, no call upstream.
      if (context.credentials.tokenFor(backend) === undefined) {
        throw new UnauthenticatedError('Send "Authorization: Bearer <token>" (the router forwards it) to resolve these entities.');
      }
      const loader = ref.getDataloader(context) as { load: (key: string) => Promise<unknown> };
      return loader.load(loaderKey(typename, representation, natural)) as never;
    },
  });
}

asEntity(VmImage, 'VmImage', 'vmImages', 'upstreamId');
asEntity(CiImage, 'CiImage', 'ciImages', 'upstreamId');
asEntity(ContainerImage, 'ContainerImage', 'containerImages', 'upstreamId');
asEntity(Container, 'Container', 'containers', 'upstreamId');
asEntity(ServerlessContainer, 'ServerlessContainer', 'serverless', 'upstreamId');
asEntity(ContainerRevision, 'ContainerRevision', 'serverless');
asEntity(GpuModel, 'GpuModel', 'serverless', 'code');
