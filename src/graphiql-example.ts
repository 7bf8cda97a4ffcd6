import type { GraphiQLOptions } from 'graphql-yoga';
import { encodeGlobalId } from './schema/global-id.js';

/**
 * The examples GraphiQL opens with: one tab per service, each a single operation that runs as
 * is (variables included) against the embedded demo data with the admin dev token. This file is
 * their only source: the server renders them and test/gateway/graphiql-examples.test.ts runs
 * every one of them, the subscription over SSE (what GraphiQL uses) and graphql-ws.
 */
export interface GraphiqlExample {
  /** The service the tab shows; the tab itself is titled with the operation's name. */
  service: string;
  /** One named operation. */
  query: string;
  /** The tab's variables, when the operation has any. */
  variables?: Record<string, unknown>;
}

/**
 * Container 1 of the embedded demo data (`acme-api-…`, online, logging a line every 2 s). Global
 * IDs are stable, so a subscription example can name it; against real services pick an ID from
 * the Containers tab.
 */
const DEMO_CONTAINER_ID = encodeGlobalId('Container', 1);

/** The first tab, and what GraphiQL showed before it had tabs. */
export const EXAMPLE_QUERY = /* GraphQL */ `# Welcome to Gantry. Press the run button (or Ctrl-Enter).
# In embedded mode the Headers tab already holds the admin dev token.
# Each tab on top holds an example for one service.
query NewestVmImages {
  vmImages(first: 5, filter: { status: ACTIVE }) {
    edges {
      cursor
      node {
        id
        name
        status
        diskFormat
        size
        tags
        createdAt
        properties { name value }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

export const GRAPHIQL_EXAMPLES: readonly GraphiqlExample[] = [
  { service: 'VM images', query: EXAMPLE_QUERY },
  {
    service: 'CI images',
    query: /* GraphQL */ `# CI images, newest first; \`search\` matches names (try "ubuntu").
query CiImages($first: Int, $search: String) {
  ciImages(first: $first, search: $search) {
    nodes {
      id
      name
      driver
      createdAt
      downloadUrl
      author { username }
      namespace { path }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
    variables: { first: 5 },
  },
  {
    service: 'Container images',
    query: /* GraphQL */ `# The container image catalogue, with the images each one needs beside it
# and the caller's serverless containers that run it.
query ContainerImageCatalogue {
  containerImages(first: 5, scope: ALL) {
    nodes {
      id
      label
      imageReference
      roleClass
      minCpu
      minMemory
      ingressParams { port proto externalAccess }
      requiredContainers { label imageReference }
      requiredBy { label }
      serverlessContainers { name status }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    service: 'Containers',
    query: /* GraphQL */ `# Containers with their state, load, the image they run and their last log lines.
# Follow one live in the ContainerLogs tab; restart one with the powerContainer mutation.
query Containers {
  containers(first: 5) {
    nodes {
      id
      name
      state
      requestedState
      cpuPercent
      memoryPercent
      publicIp
      image { label imageReference }
      logs(limit: 3) { timestamp message }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    service: 'Container logs (subscription)',
    query: /* GraphQL */ `# Each new log line of a container, live (over SSE here; graphql-ws works too).
# A line comes every 2 s; press stop to end it. To resume without missing a line,
# put the last event's cursor in the "after" variable and run again.
subscription ContainerLogs($id: ID!, $after: String) {
  containerLogs(id: $id, after: $after) {
    cursor
    gap
    readAt
    line { timestamp containerName message }
  }
}
`,
    variables: { id: DEMO_CONTAINER_ID },
  },
  {
    service: 'Serverless containers',
    query: /* GraphQL */ `# Your serverless containers: each change deploys a new revision.
# createServerlessContainer, updateServerlessContainer and deleteServerlessContainer change them.
query ServerlessContainers {
  serverlessContainers(first: 5) {
    nodes {
      id
      name
      image
      status
      cpu
      ram { text bytes }
      urls
      env { name value }
      activeRevision { number status createdAt }
      containerImage { label }
    }
    pageInfo { hasNextPage endCursor }
  }
  gpuModels(first: 5) {
    nodes { code name }
  }
}
`,
  },
  {
    service: 'Across services',
    query: /* GraphQL */ `# One graph over every service: VM and CI images as one list, containers and
# serverless containers as one list, and a ranked name search across all of them.
query AcrossServices($text: String!) {
  images(first: 5) {
    nodes {
      __typename
      id
      name
      createdAt
    }
  }
  workloads(first: 5, kinds: [CONTAINER, SERVERLESS]) {
    nodes {
      __typename
      id
      name
    }
  }
  search(text: $text, first: 5) {
    score
    node {
      __typename
      ... on Image { imageName: name }
      ... on ContainerImage { label }
      ... on Workload { name }
    }
  }
}
`,
    variables: { text: 'acme' },
  },
];

/**
 * Yoga's GraphiQL options for the examples: one tab per service, each with the token (if any) in
 * its headers; new tabs get the headers too; the Variables pane open. Subscriptions go over SSE on the GraphQL endpoint
 * (graphql-sse's distinct-connections mode, which Yoga serves), GraphiQL's default made explicit.
 */
export function graphiqlExamples(
  token?: string,
): Pick<GraphiQLOptions, 'defaultQuery' | 'defaultTabs' | 'headers' | 'subscriptionsProtocol' | 'defaultEditorToolsVisibility'> {
  const headers = JSON.stringify(token ? { Authorization: `Bearer ${token}` } : {});
  return {
    defaultQuery: '# Write an operation here; the other tabs hold an example for each service.\n',
    defaultTabs: GRAPHIQL_EXAMPLES.map((example) => ({
      query: example.query,
      variables: example.variables ? JSON.stringify(example.variables, null, 2) : null,
      headers,
    })),
    headers,
    // GraphiQL opens the pane its first tab would want (Headers, as it has no variables) for
    // every tab; the examples with variables need theirs in view to run as they are.
    defaultEditorToolsVisibility: 'variables',
    subscriptionsProtocol: 'GRAPHQL_SSE',
  };
}
