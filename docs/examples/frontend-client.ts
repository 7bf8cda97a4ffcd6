/**
 * A frontend's data layer over Gantry with the typed client (client/index.ts): fetch for queries
 * and mutations, graphql-ws for subscriptions. docs/frontend.md quotes the regions of this file
 * (`npx tsx scripts/docs-include.ts` refreshes the quotes) and test/docs-examples.test.ts runs
 * every exported function against a real gateway, so the page cannot drift from working code.
 */
// #region imports
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import {
  ContainerLogsDocument,
  ContainersDocument,
  CreateServerlessContainerDocument,
  DeleteServerlessContainerDocument,
  PowerContainerDocument,
  SearchDocument,
  UpdateServerlessContainerDocument,
  documentId,
  type ContainerLogsSubscription,
  type ContainersQuery,
  type CreateServerlessContainerInput,
  type UpdateServerlessContainerInput,
} from '../../client/index.js';
// #endregion imports

// #region fetch
export interface GantryOptions {
  /** The GraphQL endpoint: `https://gantry.example.com/graphql`. */
  url: string;
  /** The caller's token: `Authorization: Bearer …` over HTTP, `connectionParams` over WebSocket. */
  token: string;
  /** The gateway runs only trusted documents (GANTRY_TRUSTED_DOCUMENTS): send hashes, not text. */
  trustedDocuments?: boolean;
}

/** The errors of a response that had no usable data, with their `extensions.code`. */
export class GantryError extends Error {
  constructor(readonly errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>) {
    super(errors.map((e) => e.message).join('; '));
  }

  get code(): unknown {
    return this.errors[0]?.extensions?.code;
  }
}

/** Operations without required variables may leave them out; the others must pass them. */
type VariablesArgument<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export type Request = <R, V>(document: TypedDocumentNode<R, V>, ...variables: VariablesArgument<V>) => Promise<R>;

/** Queries and mutations over HTTP POST with fetch: typed in, typed out. */
export function createRequest(options: GantryOptions): Request {
  return async (document, ...[variables]) => {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${options.token}`,
      },
      body: JSON.stringify({
        ...(options.trustedDocuments ? { documentId: documentId(document) } : { query: print(document) }),
        variables: variables ?? {},
      }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: GantryError['errors'] };
    // A failed backend costs only its own fields (null plus an error naming it); this example
    // treats any error as a failure. Keep `body.data` instead to show partial pages.
    if (body.errors?.length || body.data == null) throw new GantryError(body.errors ?? [{ message: `HTTP ${response.status}` }]);
    return body.data as never;
  };
}
// #endregion fetch

// #region queries
type Container = NonNullable<ContainersQuery['containers']>['nodes'][number];

/** Every container the caller can see, page by page (at most 100 a page by default: GANTRY_MAX_PAGE_SIZE). */
export async function listAllContainers(request: Request, pageSize = 100): Promise<Container[]> {
  const all: Container[] = [];
  let after: string | null | undefined;
  do {
    const { containers } = await request(ContainersDocument, { first: pageSize, after });
    if (!containers) break;
    all.push(...containers.nodes);
    after = containers.pageInfo.hasNextPage ? containers.pageInfo.endCursor : null;
  } while (after);
  return all;
}

/** Names across every service, best first: a search box's suggestions. */
export async function suggest(request: Request, text: string): Promise<string[]> {
  const { search } = await request(SearchDocument, { text, first: 5 });
  return search.map(({ node }) => {
    switch (node.__typename) {
      case 'VmImage':
      case 'CiImage':
        return node.imageName ?? node.id; // a VM image's name is optional
      case 'ContainerImage':
        return node.label;
      default:
        return node.name;
    }
  });
}
// #endregion queries

// #region mutations
/** What a mutation returns when it did not succeed: data for a form, not an exception. */
interface UserErrorResult {
  __typename: string;
  code: string;
  message: string;
  fields?: Array<{ path: string[]; message: string }>;
}

/** Thrown by the functions below with the payload's error (`fields` names each bad input). */
export class MutationError extends Error {
  constructor(readonly error: UserErrorResult) {
    super(`${error.code}: ${error.message}`);
  }
}

export async function restartContainer(request: Request, id: string) {
  const { powerContainer } = await request(PowerContainerDocument, { input: { id, action: 'RESTART' } });
  if (powerContainer.__typename !== 'PowerContainerSuccess') throw new MutationError(powerContainer);
  return powerContainer.container; // STOPPING now; subscribe to containerState to see it come back
}

export async function deployServerlessContainer(request: Request, input: CreateServerlessContainerInput) {
  const { createServerlessContainer: result } = await request(CreateServerlessContainerDocument, { input });
  if (result.__typename !== 'CreateServerlessContainerSuccess') throw new MutationError(result);
  return result.serverlessContainer; // DEPLOYING, then DEPLOYED or FAILED
}

export async function updateServerlessContainer(request: Request, input: UpdateServerlessContainerInput) {
  const { updateServerlessContainer: result } = await request(UpdateServerlessContainerDocument, { input });
  if (result.__typename !== 'UpdateServerlessContainerSuccess') throw new MutationError(result);
  return result.serverlessContainer;
}

export async function deleteServerlessContainer(request: Request, id: string): Promise<string> {
  const { deleteServerlessContainer: result } = await request(DeleteServerlessContainerDocument, { input: { id } });
  if (result.__typename !== 'DeleteServerlessContainerSuccess') throw new MutationError(result);
  return result.deletedId;
}
// #endregion mutations

// #region websocket
/**
 * One WebSocket for every subscription, opened on the first and closed after the last. The token
 * goes in connectionParams (browsers cannot set headers on a WebSocket). Browsers have
 * `WebSocket`; Node 20 passes `webSocketImpl` (the `ws` package).
 */
export function createSubscriptions(options: GantryOptions & { webSocketImpl?: unknown }): Client {
  return createClient({
    url: options.url.replace(/^http/, 'ws'),
    connectionParams: { authorization: `Bearer ${options.token}` },
    webSocketImpl: options.webSocketImpl,
    lazy: true,
    // followContainerLogs resubscribes itself, from its last cursor: graphql-ws's own retry
    // would send the first `after` again and repeat lines.
    retryAttempts: 0,
  });
}

function subscribePayload<V extends Record<string, unknown>>(document: TypedDocumentNode<unknown, V>, variables: V, trustedDocuments?: boolean) {
  return trustedDocuments
    ? { query: '', variables, extensions: { persistedQuery: { version: 1, sha256Hash: documentId(document) } } }
    : { query: print(document), variables };
}
// #endregion websocket

// #region logs
export type LogEvent = ContainerLogsSubscription['containerLogs'];

export interface LogFollower {
  /** Cursor of the last line received: keep it (localStorage, URL) to resume later with `after`. */
  readonly cursor: string | undefined;
  /** Settles when the follower stops; rejects with the GraphQL errors that ended it (NOT_FOUND, FORBIDDEN…). */
  readonly done: Promise<void>;
  /** Stops following; resolves with the last cursor. */
  stop(): Promise<string | undefined>;
}

/**
 * Follows a container's log, each line once and in order: when the connection drops, it
 * subscribes again with `after` set to the last line's cursor, so nothing the service still holds
 * is missed or repeated (`event.gap` marks lines the gateway itself had to drop).
 */
export function followContainerLogs(
  client: Client,
  id: string,
  onEvent: (event: LogEvent) => void,
  options: { after?: string; trustedDocuments?: boolean; retryDelayMs?: number } = {},
): LogFollower {
  let cursor = options.after;
  let stopped = false;
  let current: AsyncIterableIterator<unknown> | undefined;
  const done = (async () => {
    while (!stopped) {
      const results = client.iterate<ContainerLogsSubscription>(subscribePayload(ContainerLogsDocument, { id, after: cursor }, options.trustedDocuments));
      current = results;
      try {
        for await (const result of results) {
          if (result.errors?.length) throw new GantryError(result.errors);
          cursor = result.data!.containerLogs.cursor;
          onEvent(result.data!.containerLogs);
        }
      } catch (error) {
        // The server refused the subscription (an array of GraphQL errors): retrying cannot help.
        if (error instanceof GantryError) throw error;
        if (Array.isArray(error)) throw new GantryError(error);
      }
      // The socket closed or the stream ended (a gateway shutting down): resume after the last line.
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 1000));
    }
  })();
  return {
    get cursor() {
      return cursor;
    },
    done,
    async stop() {
      stopped = true;
      await current?.return?.();
      await done.catch(() => undefined);
      return cursor;
    },
  };
}
// #endregion logs

// #region usage
/**
 * What a container dashboard does on load: list the containers over HTTP, then follow the first
 * online one's log over WebSocket, resuming after `resumeAfter` (a cursor kept from last time).
 */
export async function openDashboard(options: GantryOptions & { webSocketImpl?: unknown }, onLine: (text: string) => void, resumeAfter?: string) {
  const request = createRequest(options);
  const containers = await listAllContainers(request);
  const shown = containers.find((container) => container.state === 'ONLINE');
  if (!shown) throw new Error('No container is online');
  const subscriptions = createSubscriptions(options);
  const logs = followContainerLogs(subscriptions, shown.id, (event) => onLine(`${event.line.timestamp} ${event.line.message}`), {
    after: resumeAfter,
    trustedDocuments: options.trustedDocuments,
  });
  return {
    containers,
    shown,
    logs,
    /** Stops following and closes the socket; resolves with the cursor to resume from next time. */
    async close(): Promise<string | undefined> {
      const cursor = await logs.stop();
      await subscriptions.dispose();
      return cursor;
    },
  };
}
// #endregion usage
