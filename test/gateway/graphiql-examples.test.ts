import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLES } from '../../src/graphiql-example.js';
import type { Gateway } from '../../src/server.js';
import { startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { sendOver, type Answer } from '../helpers/transports.js';

interface Tab {
  query: string;
  variables: string | null;
  headers: string;
}

let gateway: Gateway;
let options: PageOptions;
let tabs: Tab[];

type PageOptions = { defaultTabs?: Tab[]; headers?: string; subscriptionsProtocol?: string };

/** The options GraphiQL is started with, read back from the page the gateway serves. */
function graphiqlOptions(html: string): PageOptions {
  const marker = "window.document.querySelector('#root'),";
  const at = html.lastIndexOf(marker);
  expect(at, 'the page starts GraphiQL').toBeGreaterThan(0);
  const rest = html.slice(at + marker.length).trimStart();
  return JSON.parse(rest.slice(0, rest.indexOf('\n')).replace(/,\s*$/, '')) as PageOptions;
}

function operationsOf(tab: Tab): OperationDefinitionNode[] {
  return parse(tab.query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/** Every root field answered, and every list (or connection) among them has something in it. */
function expectNonEmpty(answer: Answer, where: string): void {
  expect(answer.errors, where).toBeUndefined();
  const data = answer.data as Record<string, unknown> | null | undefined;
  expect(data, where).toBeTruthy();
  expect(Object.keys(data!).length, where).toBeGreaterThan(0);
  for (const [field, value] of Object.entries(data!)) {
    expect(value, `${where}: ${field}`).not.toBeNull();
    const list = Array.isArray(value) ? value : ((value as { nodes?: unknown[]; edges?: unknown[] }).nodes ?? (value as { edges?: unknown[] }).edges);
    if (list !== undefined) expect(list.length, `${where}: ${field} is empty`).toBeGreaterThan(0);
  }
}

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  // Poll often so the subscription's first line arrives soon (the demo container logs every 2 s).
  gateway = await startTestGateway(embedded.urls, { GANTRY_POLL_INTERVAL_MS: '200' }, { graphiqlToken: TOKENS.admin });
  const page = await request(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
  expect(page.statusCode).toBe(200);
  options = graphiqlOptions(await page.body.text());
  tabs = options.defaultTabs ?? [];
});

describe('GraphiQL examples', () => {
  it('opens one tab per service, each holding the admin token, subscriptions over SSE', async () => {
    expect(tabs).toHaveLength(GRAPHIQL_EXAMPLES.length);
    for (const tab of tabs) {
      expect(JSON.parse(tab.headers)).toEqual({ Authorization: `Bearer ${TOKENS.admin}` });
      expect(operationsOf(tab), 'one operation a tab: the run button runs it without asking which').toHaveLength(1);
    }
    expect(JSON.parse(options.headers!), 'a tab the user adds gets the token too').toEqual({ Authorization: `Bearer ${TOKENS.admin}` });
    const rootFields = new Set(
      tabs.flatMap((tab) => operationsOf(tab).flatMap((op) => op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])))),
    );
    for (const field of ['vmImages', 'ciImages', 'containerImages', 'containers', 'containerLogs', 'serverlessContainers', 'images', 'workloads', 'search']) {
      expect(rootFields, field).toContain(field);
    }
    expect(options.subscriptionsProtocol).toBe('GRAPHQL_SSE');
  });

  it("runs every query of every tab as is, with the tab's variables and headers", async () => {
    let ran = 0;
    for (const tab of tabs) {
      for (const operation of operationsOf(tab)) {
        if (operation.operation === 'subscription') continue;
        expect(operation.name, 'GraphiQL titles a tab with its operation name').toBeDefined();
        const answer = await sendOver(
          'POST',
          gateway.url,
          { query: tab.query, variables: tab.variables ? JSON.parse(tab.variables) : undefined, operationName: operation.name!.value },
          JSON.parse(tab.headers),
        );
        expect(answer.status, operation.name!.value).toBe(200);
        expectNonEmpty(answer, operation.name!.value);
        ran++;
      }
    }
    expect(ran).toBe(GRAPHIQL_EXAMPLES.length - 1);
  });

  it.each(['SSE', 'WS'] as const)('gets the first event of every subscription tab over %s', async (transport) => {
    const subscriptions = tabs.filter((tab) => operationsOf(tab).some((op) => op.operation === 'subscription'));
    expect(subscriptions).toHaveLength(1);
    for (const tab of subscriptions) {
      const answer = await sendOver(
        transport,
        gateway.url,
        { query: tab.query, variables: tab.variables ? JSON.parse(tab.variables) : undefined },
        JSON.parse(tab.headers),
      );
      expectNonEmpty(answer, `${transport} ${operationsOf(tab)[0]!.name?.value}`);
      const event = (answer.data as { containerLogs: { cursor: string; line: { message: string } } }).containerLogs;
      expect(event.cursor).toBeTruthy();
      expect(event.line.message).toBeTruthy();
    }
  });
});
