/**
 * GraphQL Mesh composes the peer's supergraph from the OpenAPI documents the embedded
 * services serve at /openapi.json (BENCH_URL_<backendKey> gives each root). Hive Gateway then
 * serves it. The caller's credential is forwarded the way each API wants it, like Gantry does:
 * Glance takes X-Auth-Token, the others a bearer token.
 */
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

const url = (key: string) => {
  const value = process.env[`BENCH_URL_${key}`];
  if (!value) throw new Error(`BENCH_URL_${key} is not set`);
  return value;
};

const bearer = { authorization: '{context.headers.authorization}' };

export const composeConfig = defineConfig({
  // The N+1 case the way a Mesh user links two REST APIs: each container's catalogue image by
  // its id. ComputeStacks has no multi-get, so Mesh calls getContainerImage once per container.
  additionalTypeDefs: /* GraphQL */ `
    extend type Container {
      image: getContainerImage_response
        @resolveTo(
          sourceName: "ContainerImages"
          sourceTypeName: "Query"
          sourceFieldName: "getContainerImage"
          requiredSelectionSet: "{ container_image_id }"
          sourceArgs: { id: "{root.container_image_id}" }
        )
    }
  `,
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('VmImages', {
        source: `${url('vmImages')}/openapi.json`,
        endpoint: url('vmImages'),
        operationHeaders: { 'x-auth-token': '{context.headers.x-auth-token}' },
      }),
    },
    {
      sourceHandler: loadOpenAPISubgraph('ContainerImages', {
        source: `${url('containerImages')}/openapi.json`,
        endpoint: url('containerImages'),
        operationHeaders: bearer,
      }),
    },
    {
      sourceHandler: loadOpenAPISubgraph('Containers', { source: `${url('containers')}/openapi.json`, endpoint: url('containers'), operationHeaders: bearer }),
    },
    {
      sourceHandler: loadOpenAPISubgraph('Serverless', { source: `${url('serverless')}/openapi.json`, endpoint: url('serverless'), operationHeaders: bearer }),
    },
  ],
});
