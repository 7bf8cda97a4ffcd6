/**
 * The bench's second subgraph, in its own process: "teams", whose one team holds references to
 * the Gantry VM images given as JSON in argv[2] (`VmImage @key(fields: "id")`). Prints its URL.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

// From the gateway's own node_modules, all three: the bench's dependencies hold other copies of
// graphql and graphql-yoga, and a schema from one copy cannot run in another.
const fromRoot = createRequire(new URL('../../package.json', import.meta.url));
const { buildSubgraphSchema } = fromRoot('@apollo/subgraph') as typeof import('@apollo/subgraph');
const { parse } = fromRoot('graphql') as typeof import('graphql');
const { createYoga } = fromRoot('graphql-yoga') as typeof import('graphql-yoga');

const images = JSON.parse(process.argv[2] ?? '[]') as string[];

const TEAMS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Team @key(fields: "id") {
    id: ID!
    images: [VmImage]!
  }
  type VmImage @key(fields: "id", resolvable: false) {
    id: ID!
  }
  type Query {
    teams: [Team!]!
  }
`;

const schema = buildSubgraphSchema({
  typeDefs: parse(TEAMS_SDL),
  resolvers: { Query: { teams: () => [{ id: 'platform', images: images.map((id) => ({ __typename: 'VmImage', id })) }] } },
});
const server = createServer(createYoga({ schema, logging: false }));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}/graphql` }));
});
