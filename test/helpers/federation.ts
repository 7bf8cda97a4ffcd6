import { createServer } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { gqlAt } from './harness.js';
import { listenTracked, track } from './leftovers.js';

/**
 * Real federation parts for the tests: a small second subgraph ("teams", owning
 * `Team { containers, images }` by reference to Gantry's entities), composition with
 * @theguild/federation-composition, and Hive Gateway serving the supergraph on 127.0.0.1.
 */
export interface Team {
  id: string;
  name: string;
  /** Upstream ids of Gantry containers (`Container @key(fields: "upstreamId")`). */
  containers: string[];
  /** Global ids of Gantry VM images (`VmImage @key(fields: "id")`). */
  images: string[];
}

const TEAMS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type Team @key(fields: "id") {
    id: ID!
    name: String!
    containers: [Container]!
    images: [VmImage]!
  }

  type Container @key(fields: "upstreamId", resolvable: false) {
    upstreamId: String!
  }

  type VmImage @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Query {
    teams: [Team!]!
  }
`;

/** The "teams" subgraph: a Yoga server over @apollo/subgraph's schema, holding `teams`. */
export async function startTeamsSubgraph(teams: () => Team[]): Promise<{ url: string; sdl: string }> {
  const schema = buildSubgraphSchema({
    typeDefs: parse(TEAMS_SDL),
    resolvers: {
      Query: { teams: () => teams() },
      Team: {
        containers: (team: Team) => team.containers.map((upstreamId) => ({ __typename: 'Container', upstreamId })),
        images: (team: Team) => team.images.map((id) => ({ __typename: 'VmImage', id })),
      },
    },
  });
  const yoga = createYoga({ schema, logging: false });
  const url = await listenTracked(createServer(yoga));
  return { url: `${url}/graphql`, sdl: TEAMS_SDL };
}

/** Gantry's subgraph SDL as a router reads it (`_service { sdl }`, with the router secret). */
export async function gantrySdl(gantryUrl: string, secret: string): Promise<string> {
  const { data } = await gqlAt(gantryUrl, '{ _service { sdl } }', {}, { headers: { 'x-gantry-router-secret': secret } });
  return data._service.sdl as string;
}

export function compose(services: Array<{ name: string; sdl: string; url: string }>) {
  return composeServices(services.map(({ name, sdl, url }) => ({ name, typeDefs: parse(sdl), url })));
}

/**
 * Hive Gateway serving `supergraph`, forwarding what docs/federation.md tells a router to
 * forward to Gantry: the caller's Authorization and X-Gantry-Backend-Tokens and the router
 * secret, as the gantry transport entry's own headers (interpolated per request, and sent to
 * that subgraph only), and over graphql-ws (subscriptions) the same in connectionParams.
 */
export async function startHiveGateway(supergraph: string, secret: string): Promise<string> {
  const gateway = createGatewayRuntime({
    supergraph,
    logging: false,
    transportEntries: {
      gantry: {
        headers: [
          ['authorization', '{context.headers.authorization}'],
          ['x-gantry-backend-tokens', "{context.headers['x-gantry-backend-tokens']}"],
          ['x-gantry-router-secret', secret],
        ],
        options: {
          subscriptions: {
            kind: 'ws',
            location: '/graphql',
            options: { connectionParams: { authorization: '{context.headers.authorization}', routerSecret: secret } },
          },
        },
      },
    },
  });
  track(() => gateway.dispose());
  return `${await listenTracked(createServer(gateway))}/graphql`;
}
