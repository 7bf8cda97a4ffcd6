import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
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

type PageOptions = { defaultTabs?: Tab[]; headers?: string; subscriptionsProtocol?: string; defaultEditorToolsVisibility?: unknown };

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

describe('the GraphiQL page', () => {
  const page = (headers: Record<string, string> = {}) => request(`${gateway.url}/graphql`, { headers: { accept: 'text/html', ...headers } });

  it('opens its tabs on the Variables pane, which the examples with variables need', () => {
    expect(tabs.some((tab) => tab.variables !== null)).toBe(true);
    expect(options.defaultEditorToolsVisibility).toBe('variables');
  });

  it('is sent compressed (brotli, else gzip) at a fraction of its size, and revalidated with a 304', async () => {
    const plain = await page();
    const html = await plain.body.text();
    expect(html.length).toBeGreaterThan(5_000_000); // GraphiQL's bundle, inlined
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(plain.headers['cache-control']).toBe('private, no-cache'); // it may hold a dev token
    const br = await page({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    const brBytes = Buffer.from(await br.body.arrayBuffer());
    expect(brBytes.length).toBeLessThan(html.length / 3);
    expect(brotliDecompressSync(brBytes).toString()).toBe(html);
    const gz = await page({ 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.body.arrayBuffer())).toString()).toBe(html);
    const again = await page({ 'if-none-match': etag, 'accept-encoding': 'br' });
    expect(again.statusCode).toBe(304);
    expect(await again.body.text()).toBe('');
  });
});
