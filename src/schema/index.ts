import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import { syncGlobalIdResolvers } from '../overrides/sync-global-ids.js';
import './scalars.js';
import './errors.js';
import './vm-images/vm-image.js';
import './vm-images/create-vm-image.js';
import './vm-images/update-vm-image.js';
import './vm-images/vm-image-lifecycle.js';
import './ci-images/ci-image.js';
import './container-images/container-image.js';
import './container-images/create-container-image.js';
import './container-images/update-container-image.js';
import './container-images/delete-container-image.js';
import './containers/container.js';
import './containers/power-container.js';
import './containers/container-streams.js';
import './serverless/gpu-model.js';
import './serverless/serverless-container.js';
import './serverless/container-revision.js';
import './serverless/create-serverless-container.js';
import './serverless/update-serverless-container.js';
import './serverless/delete-serverless-container.js';
import './one-graph/images.js';
import './one-graph/image-links.js';
import './one-graph/workloads.js';
import './one-graph/search.js';

builder.queryType({ description: 'Read the image and container platform: every list is a Relay connection.' });
builder.mutationType({ description: 'Change the platform; expected failures come back as data in each payload.' });
builder.subscriptionType({ description: 'Live streams over graphql-ws and SSE, fed by pollers shared between subscribers.' });

/** The gateway's schema, built once per process. */
export const schema: GraphQLSchema = builder.toSchema({ sortSchema: false });
syncGlobalIdResolvers(schema);

/** schema.graphql's content: the printed schema, sorted so diffs stay small. */
export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
