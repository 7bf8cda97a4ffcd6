import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isExecutableDefinitionNode, Kind, parse, print, validate, type DefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as clientExports from '../client/index.js';
import { ContainerDocument, ServerlessContainerDocument, documentId } from '../client/index.js';
import {
  createRequest,
  createSubscriptions,
  deleteServerlessContainer,
  deployServerlessContainer,
  followContainerLogs,
  GantryError,
  listAllContainers,
  MutationError,
  openDashboard,
  restartContainer,
  suggest,
  updateServerlessContainer,
  type GantryOptions,
  type LogEvent,
} from '../docs/examples/frontend-client.js';
import { expandIncludes, includes, markdownFiles, ROOT } from '../scripts/docs-include.js';
import type { Gateway } from '../src/server.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from './helpers/harness.js';
import { tempDataDir, track } from './helpers/leftovers.js';
import { waitFor } from './helpers/wait-for.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const MANIFEST = join(ROOT, 'client/generated/persisted-documents.json');

let gateway: Gateway;
let trusted: Gateway;

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  // Frequent polls: the demo containers log a line every 2 s, and tests wait for a few.
  gateway = await startTestGateway(embedded.urls, { GANTRY_POLL_INTERVAL_MS: '200' });
  trusted = await startTestGateway(embedded.urls, { GANTRY_POLL_INTERVAL_MS: '200', GANTRY_TRUSTED_DOCUMENTS: MANIFEST });
});

function options(at: Gateway, extra: Partial<GantryOptions> = {}): GantryOptions & { webSocketImpl: unknown } {
  return { url: `${at.url}/graphql`, token: TOKENS.admin, webSocketImpl: WebSocket, ...extra };
}

/** Log events as the example hands them over, with a waiter for the next few. */
function collector() {
  const events: LogEvent[] = [];
  return { events, push: (event: LogEvent) => void events.push(event), atLeast: (n: number) => waitFor(() => events.length >= n, 15_000) };
}

/** The ids of two online containers of the admin: one to read logs from, one to restart. */
async function onlineContainers(): Promise<[string, string]> {
  const { data } = await gqlAt(gateway.url, /* GraphQL */ '{ containers(first: 100) { nodes { id state } } }');
  const online = (data.containers.nodes as Array<{ id: string; state: string }>).filter((c) => c.state === 'ONLINE').map((c) => c.id);
  expect(online.length).toBeGreaterThan(2);
  return [online[0]!, online[online.length - 1]!];
}

/** Waits until the container has logged a line after `after` (epoch ms); returns it as the examples print it. */
async function nextLineAfter(id: string, after: number): Promise<string> {
  let next: { timestamp: string; message: string } | undefined;
  await waitFor(
    async () => {
      const { container } = await createRequest(options(gateway))(ContainerDocument, { id, logLimit: 10 });
      next = container!.logs.filter((l) => Date.parse(l.timestamp) > after).at(-1);
      return next !== undefined;
    },
    10_000,
    200,
  );
  return `${next!.timestamp} ${next!.message}`;
}

describe('docs/examples/frontend-client.ts over fetch', () => {
  it('lists every container page by page and suggests names across services', async () => {
    const request = createRequest(options(gateway));
    const { data } = await gqlAt(gateway.url, /* GraphQL */ '{ containers(first: 100) { nodes { id } } }');
    const expected = (data.containers.nodes as Array<{ id: string }>).map((c) => c.id);
    const paged = await listAllContainers(request, 7);
    expect(paged.map((c) => c.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(7);
    expect(await suggest(request, 'acme api')).toContain('Acme API');
  });

  it('deploys, updates and deletes a serverless container; a bad form comes back as a MutationError with its fields', async () => {
    const request = createRequest(options(gateway));
    const created = await deployServerlessContainer(request, { name: 'docs-example', image: 'nginxdemos/hello:0.4', port: 80, ram: '256Mi' });
    expect(created).toMatchObject({ name: 'docs-example', status: 'DEPLOYING', ram: { text: '256Mi', bytes: 256 * 1024 * 1024 } });
    const updated = await updateServerlessContainer(request, { id: created.id, ram: '512Mi', env: [{ name: 'GREETING', value: 'hello' }] });
    expect(updated).toMatchObject({ id: created.id, ram: { text: '512Mi' }, env: [{ name: 'GREETING', value: 'hello' }] });

    const refused = await deployServerlessContainer(request, { name: 'docs-example-2', image: 'nginx' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MutationError);
    expect((refused as MutationError).error).toMatchObject({ __typename: 'InvalidInputError', code: 'BAD_USER_INPUT' });
    expect((refused as MutationError).error.fields).toContainEqual({ path: ['input', 'image'], message: expect.stringMatching(/tag/) });

    expect(await deleteServerlessContainer(request, created.id)).toBe(created.id);
    const gone = await request(ServerlessContainerDocument, { id: created.id }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(GantryError);
    expect((gone as GantryError).code).toBe('NOT_FOUND');
  });

  it('restarts a container, and a second restart while it stops is a ConflictError', async () => {
    const request = createRequest(options(gateway));
    const [, id] = await onlineContainers();
    const restarted = await restartContainer(request, id);
    expect(restarted).toMatchObject({ id, requestedState: 'RUNNING' });
    expect(restarted.state).not.toBe('ONLINE');
    const again = await restartContainer(request, id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(MutationError);
    expect((again as MutationError).error).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
  });

  it('throws a GantryError with the code when the token is refused', async () => {
    const request = createRequest(options(gateway, { token: 'not-a-token' }));
    const refused = await listAllContainers(request).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GantryError);
    expect((refused as GantryError).code).toBe('UNAUTHENTICATED');
  });
});

describe('docs/examples/frontend-client.ts over graphql-ws', () => {
  it('follows a log across a dropped connection, missing and repeating no line, then resumes after the cursor', async () => {
    const [id] = await onlineContainers();
    const client = createSubscriptions(options(gateway));
    track(() => client.dispose());
    let connections = 0;
    client.on('connected', () => void connections++);
    const log = collector();
    // Down for longer than the 2 s between two lines, so the outage has lines to make up for.
    const follower = followContainerLogs(client, id, log.push, { retryDelayMs: 2_500 });
    await log.atLeast(1);
    client.terminate(); // the socket drops; the follower subscribes again after its last cursor
    await log.atLeast(3);
    expect(connections).toBe(2);
    const cursor = await follower.stop();
    expect(cursor).toBe(log.events.at(-1)!.cursor);

    // Every line the container logged from the first event to the last arrived once, in order.
    const first = Date.parse(log.events[0]!.line.timestamp);
    const last = Date.parse(log.events.at(-1)!.line.timestamp);
    const { container } = await createRequest(options(gateway))(ContainerDocument, { id, logLimit: 500 });
    const logged = container!.logs
      .filter((l) => Date.parse(l.timestamp) >= first && Date.parse(l.timestamp) <= last)
      .reverse()
      .map((l) => `${l.timestamp} ${l.message}`);
    expect(log.events.map((e) => `${e.line.timestamp} ${e.line.message}`)).toEqual(logged);
    expect(log.events.every((e) => !e.gap)).toBe(true);

    // Lines logged while nobody followed come first when following again after the cursor.
    const missed = await nextLineAfter(id, last);
    const resumed = collector();
    const again = followContainerLogs(client, id, resumed.push, { after: cursor });
    await resumed.atLeast(1);
    await again.stop();
    expect(`${resumed.events[0]!.line.timestamp} ${resumed.events[0]!.line.message}`).toBe(missed);
  }, 40_000);

  it("ends the follower with the GraphQL error when the container is not the caller's", async () => {
    const [id] = await onlineContainers();
    const client = createSubscriptions(options(gateway, { token: TOKENS.other }));
    track(() => client.dispose());
    const follower = followContainerLogs(client, id, () => undefined);
    const error = await follower.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GantryError);
    expect((error as GantryError).code).toBe('NOT_FOUND');
  });

  it('opens the dashboard, closes it with a cursor and reopens it after that line', async () => {
    const lines: string[] = [];
    const dashboard = await openDashboard(options(gateway), (line) => lines.push(line));
    expect(dashboard.containers.length).toBeGreaterThan(0);
    await waitFor(() => lines.length >= 1, 15_000);
    const cursor = await dashboard.close();
    expect(cursor).toBeTruthy();
    const seen = lines.length;
    const missed = await nextLineAfter(dashboard.shown.id, Date.parse(lines.at(-1)!.slice(0, 24)));

    const reopened = await openDashboard(options(gateway), (line) => lines.push(line), cursor);
    await waitFor(() => lines.length > seen, 15_000);
    await reopened.close();
    expect(reopened.shown.id).toBe(dashboard.shown.id);
    expect(lines[seen]).toBe(missed);
  }, 40_000);
});

describe('the client against a gateway running only its trusted documents', () => {
  it('has every operation of the client in client/generated/persisted-documents.json', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const operations = Object.entries(clientExports).filter(
      ([name, value]) => name.endsWith('Document') && !name.endsWith('FragmentDoc') && typeof value === 'object',
    );
    expect(operations.length).toBeGreaterThanOrEqual(20);
    for (const [name, document] of operations) expect(manifest[documentId(document as TypedDocumentNode<unknown, never>)], name).toBeDefined();
  });

  it('runs the example by hash over fetch and graphql-ws, and refuses query text', async () => {
    const request = createRequest(options(trusted, { trustedDocuments: true }));
    expect((await listAllContainers(request, 10)).length).toBeGreaterThan(10);
    expect(await suggest(request, 'acme')).not.toHaveLength(0);

    const text = await listAllContainers(createRequest(options(trusted))).catch((e: unknown) => e);
    expect(text).toBeInstanceOf(GantryError);
    // Yoga's plugin names it CANNOT_SEND_PQ_ID_AND_BODY over HTTP, the gateway PERSISTED_QUERY_ONLY over graphql-ws.
    expect((text as GantryError).code).toMatch(/^(CANNOT_SEND_PQ_ID_AND_BODY|PERSISTED_QUERY_ONLY)$/);

    const lines: string[] = [];
    const dashboard = await openDashboard(options(trusted, { trustedDocuments: true }), (line) => lines.push(line));
    await waitFor(() => lines.length >= 1, 15_000);
    expect(await dashboard.close()).toBeTruthy();
  }, 30_000);
});

describe('code in the docs', () => {
  it('quotes docs/examples/frontend-client.ts as it is (run `npx tsx scripts/docs-include.ts`)', () => {
    for (const file of markdownFiles()) expect(expandIncludes(read(file)), file).toBe(read(file));
    const frontend = read('docs/frontend.md');
    const quoted = includes(frontend);
    expect(quoted.map((q) => q.region)).toEqual(['imports', 'fetch', 'queries', 'mutations', 'websocket', 'logs', 'usage']);
    for (const q of quoted) expect(q.content.trim().length, q.region).toBeGreaterThan(0);
    // Every TypeScript block on the page is a quote of the tested file.
    expect(frontend.match(/```ts\n/g)?.length).toBe(quoted.length);
  });

  const schema = buildSchema(read('schema.graphql'));
  const clientOperations = new Map<string, string>();
  for (const file of ['across-services', 'ci-images', 'container-images', 'containers', 'fragments', 'serverless', 'vm-images']) {
    for (const definition of parse(read(`client/operations/${file}.graphql`)).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) clientOperations.set(definition.name.value, print(definition));
    }
  }

  function blocks(markdown: string, lang: string): string[] {
    return [...markdown.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);
  }

  it("has only ```graphql blocks that parse and validate against schema.graphql, and that match the client's operations they name", () => {
    let count = 0;
    for (const file of markdownFiles()) {
      for (const block of blocks(read(file), 'graphql')) {
        count++;
        const document = parse(block);
        // Type definitions (another subgraph's schema, in docs/federation.md) only have to parse:
        // there is no schema to validate them against.
        if (document.definitions.every((definition) => !isExecutableDefinitionNode(definition))) continue;
        expect(
          validate(schema, document).map((e) => e.message),
          `${file}:\n${block}`,
        ).toEqual([]);
        for (const definition of document.definitions as DefinitionNode[]) {
          const name = (definition as OperationDefinitionNode).name?.value;
          if (definition.kind === Kind.OPERATION_DEFINITION && name && clientOperations.has(name)) {
            expect(print(definition), `${file}: ${name} differs from client/operations`).toBe(clientOperations.get(name));
          }
        }
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  it('has README curl examples whose /graphql body holds a query that validates', () => {
    const commands = blocks(read('README.md'), 'sh')
      .flatMap((block) => block.replace(/\\\n\s*/g, ' ').split('\n'))
      .filter((line) => /^\s*curl\b/.test(line) && /\/graphql\b/.test(line));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const body = /(?:-d|--data(?:-raw|-binary)?)\s+'([^']*)'/.exec(command)?.[1];
      const query =
        body !== undefined
          ? (JSON.parse(body) as { query?: unknown }).query
          : new URL(/'?(https?:\/\/\S+?)'?(?:\s|$)/.exec(command)![1]!).searchParams.get('query');
      expect(typeof query, command).toBe('string');
      expect(
        validate(schema, parse(query as string)).map((e) => e.message),
        command,
      ).toEqual([]);
    }
  });
});
