import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { readFileSync } from 'node:fs';
import { getOperationAST, parse } from 'graphql';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';

/**
 * MCP at /mcp with the SDK's own Client and StreamableHTTPClientTransport against a real
 * gateway and the embedded services: the typed client's operations as tools, their answers the
 * GraphQL answers, errors with the same codes, the credential model, and bad input.
 */

let urls: Record<string, string>;
let gateway: Gateway;

beforeAll(async () => {
  urls = (await startTestEmbedded(await tempDataDir())).urls as Record<string, string>;
  gateway = await startTestGateway(urls);
});

async function connect(url: string, token: string | null = TOKENS.admin, extraHeaders: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'gantry-test', version: '1' });
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extraHeaders };
  await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers } }));
  track(() => client.close());
  return client;
}

/** The typed client's queries and mutations, by name, with their documents (the trusted-documents manifest). */
const MANIFEST = new Map(
  Object.values(
    JSON.parse(readFileSync(new URL('../../client/generated/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>,
  ).flatMap((text) => {
    const operation = getOperationAST(parse(text));
    return operation?.name && operation.operation !== 'subscription' ? [[operation.name.value, text] as const] : [];
  }),
);

describe('MCP tools', () => {
  it('lists one tool per query and mutation of the typed client, each with schemas that compile', async () => {
    const client = await connect(gateway.url);
    const { tools } = await client.listTools();
    const operationTools = tools.filter((tool) => tool.name !== 'introspect' && tool.name !== 'execute');
    expect(operationTools.map((tool) => tool.name).sort()).toEqual([...MANIFEST.keys()].sort());
    const ajv = new AjvJsonSchemaValidator();
    for (const tool of operationTools) {
      expect(() => ajv.getValidator(tool.inputSchema as never), tool.name).not.toThrow();
      expect(() => ajv.getValidator(tool.outputSchema as never), tool.name).not.toThrow();
      expect(tool.description, tool.name).toBeTruthy();
    }
    const vmImages = tools.find((tool) => tool.name === 'VmImages')!;
    expect(vmImages.description).toMatch(/A page of VM images/);
    expect(vmImages.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(tools.find((tool) => tool.name === 'DeleteServerlessContainer')!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(tools.find((tool) => tool.name === 'PowerContainer')!.inputSchema).toMatchObject({ required: ['input'] });
    // Enums carry their values.
    expect(JSON.stringify(tools.find((tool) => tool.name === 'PowerContainer')!.inputSchema)).toContain('"RESTART"');
    expect(tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['introspect', 'execute']));
  });

  it("a query tool's answer is the GraphQL answer for the same variables", async () => {
    const client = await connect(gateway.url);
    const variables = { first: 3, filter: { status: 'ACTIVE' } };
    const result = await client.callTool({ name: 'VmImages', arguments: variables });
    expect(result.isError).toBeFalsy();
    const tool = (await client.listTools()).tools.find((t) => t.name === 'VmImages')!;
    const { data } = await gqlAt(gateway.url, MANIFEST.get('VmImages')!, variables);
    expect(result.structuredContent).toEqual(data);
    expect(JSON.parse((result.content as Array<{ text: string }>)[0]!.text)).toEqual(data);
    expect(tool.outputSchema).toBeDefined();
  });

  it('a mutation tool changes what the GraphQL API then reads', async () => {
    const client = await connect(gateway.url);
    const result = await client.callTool({ name: 'CreateServerlessContainer', arguments: { input: { name: 'from-an-agent', image: 'nginx:1.27' } } });
    expect(result.isError).toBeFalsy();
    const created = (result.structuredContent as { createServerlessContainer: { serverlessContainer: { id: string } } }).createServerlessContainer
      .serverlessContainer;
    const { data } = await gqlAt(gateway.url, 'query($id: ID!) { serverlessContainer(id: $id) { name image } }', { id: created.id });
    expect(data.serverlessContainer).toEqual({ name: 'from-an-agent', image: 'nginx:1.27' });
  });

  it("a reader's PowerContainer is an error result with FORBIDDEN", async () => {
    const { data } = await gqlAt(gateway.url, '{ containers(first: 1) { nodes { id } } }');
    const id = data.containers.nodes[0].id as string;
    const client = await connect(gateway.url, TOKENS.reader);
    const result = await client.callTool({ name: 'PowerContainer', arguments: { input: { id, action: 'RESTART' } } });
    expect(result.isError).toBe(true);
    const { errors } = JSON.parse((result.content as Array<{ text: string }>)[0]!.text) as { errors: Array<{ extensions: { code: string } }> };
    expect(errors[0]!.extensions.code).toBe('FORBIDDEN');
  });

  it('GraphQL errors keep their codes: NOT_FOUND, and BAD_USER_INPUT with field paths', async () => {
    const client = await connect(gateway.url);
    const missing = await client.callTool({ name: 'VmImage', arguments: { id: 'Vm1JbWFnZTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA' } });
    expect(missing.isError).toBe(true);
    expect((missing.content as Array<{ text: string }>)[0]!.text).toContain('NOT_FOUND');
    const invalid = await client.callTool({ name: 'CreateServerlessContainer', arguments: { input: { name: 'Bad Name', image: 'nginx', cpu: -1 } } });
    expect(invalid.isError).toBe(true);
    const { errors } = JSON.parse((invalid.content as Array<{ text: string }>)[0]!.text) as {
      errors: Array<{ extensions: { code: string; fields: Array<{ path: string[] }> } }>;
    };
    expect(errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(errors[0]!.extensions.fields.map((f) => f.path.join('.')).sort()).toEqual(['input.cpu', 'input.image', 'input.name']);
  });

  it('introspect describes a type; execute runs any query', async () => {
    const client = await connect(gateway.url);
    const type = await client.callTool({ name: 'introspect', arguments: { type: 'GpuModel' } });
    expect((type.content as Array<{ text: string }>)[0]!.text).toMatch(/^(""".*"""\n)?type GpuModel implements Node/s);
    const executed = await client.callTool({ name: 'execute', arguments: { query: '{ gpuModels(first: 3) { nodes { code } } }' } });
    expect(executed.isError, JSON.stringify(executed.content)).toBeFalsy();
    expect((executed.structuredContent as { gpuModels: { nodes: unknown[] } }).gpuModels.nodes).toHaveLength(3);
    // A document that does not validate is an error result with GraphQL's code, and nothing of HTTP.
    const invalid = await client.callTool({ name: 'execute', arguments: { query: '{ gpuModels { code } }' } });
    expect(invalid.isError).toBe(true);
    const { errors } = JSON.parse((invalid.content as Array<{ text: string }>)[0]!.text) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(errors[0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('counts its operations in the metrics with transport mcp', async () => {
    const client = await connect(gateway.url);
    await client.callTool({ name: 'GpuModels', arguments: {} });
    const metrics = await (await request(`${gateway.url}/metrics`)).body.text();
    expect(metrics).toMatch(/gantry_operations_total\{operation="GpuModels",type="query",outcome="ok",transport="mcp"/);
  });
});

describe('MCP resources', () => {
  it('lists the container templates and reads the recent window of logs, metrics and state', async () => {
    const client = await connect(gateway.url);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      'gantry://containers/{id}/logs',
      'gantry://containers/{id}/metrics',
      'gantry://containers/{id}/state',
    ]);
    const { data } = await gqlAt(gateway.url, '{ containers(first: 50) { nodes { id state } } }');
    const online = (data.containers.nodes as Array<{ id: string; state: string }>).find((c) => c.state === 'ONLINE')!.id;
    const logs = await client.readResource({ uri: `gantry://containers/${online}/logs` });
    const read = JSON.parse((logs.contents[0] as { text: string }).text) as { id: string; logs: unknown[] };
    const graphql = await gqlAt(gateway.url, MANIFEST.get('ContainerLogTail')!, { id: online });
    expect(read).toEqual(graphql.data.container);
    expect(read.logs.length).toBeGreaterThan(0);
    const state = await client.readResource({ uri: `gantry://containers/${online}/state` });
    expect(JSON.parse((state.contents[0] as { text: string }).text)).toMatchObject({ id: online, state: 'ONLINE' });
    const metrics = await client.readResource({ uri: `gantry://containers/${online}/metrics` });
    expect(JSON.parse((metrics.contents[0] as { text: string }).text).cpuUsage.length).toBeGreaterThan(0);
  });

  it('an unknown resource, or a container that does not exist, is a JSON-RPC error', async () => {
    const client = await connect(gateway.url);
    await expect(client.readResource({ uri: 'gantry://containers/x/everything' })).rejects.toThrow(/Unknown resource/);
    await expect(client.readResource({ uri: 'gantry://containers/Q29udGFpbmVyOjk5OTk5/state' })).rejects.toThrow(/NOT_FOUND/);
  });
});

describe('MCP credentials and profile', () => {
  it('no token: 401 with WWW-Authenticate naming the protected resource metadata, which names the authorization servers', async () => {
    const secured = await startTestGateway(urls, { GANTRY_MCP_AUTHORIZATION_SERVERS: 'https://login.example.com' });
    const response = await request(`${secured.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.statusCode).toBe(401);
    const challenge = response.headers['www-authenticate'] as string;
    await response.body.dump();
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)![1]!;
    const metadata = (await (await request(metadataUrl)).body.json()) as { resource: string; authorization_servers: string[] };
    expect(metadata).toMatchObject({ resource: `${secured.url}/mcp`, authorization_servers: ['https://login.example.com'] });
    await expect(connect(secured.url, null)).rejects.toThrow();
  });

  it('X-Gantry-Backend-Tokens alone is a credential: each backend gets the token named for it, and only that one', async () => {
    const client = await connect(gateway.url, null, { 'x-gantry-backend-tokens': `vmImages=${TOKENS.admin}` });
    const images = await client.callTool({ name: 'VmImages', arguments: { first: 1 } });
    expect(images.isError).toBeFalsy();
    expect((images.structuredContent as { vmImages: { nodes: unknown[] } }).vmImages.nodes).toHaveLength(1);
    // The containers backend was given no token: it refuses, and the tool says so with the GraphQL code.
    const containers = await client.callTool({ name: 'Containers', arguments: { first: 1 } });
    expect(containers.isError).toBe(true);
    expect((containers.content as Array<{ text: string }>)[0]!.text).toContain('UNAUTHENTICATED');
  });

  it('in the production profile only the operation tools exist', async () => {
    const production = await startTestGateway(urls, { GANTRY_PROFILE: 'production' });
    const client = await connect(production.url);
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toContain('VmImages');
    expect(names).not.toContain('execute');
    expect(names).not.toContain('introspect');
    await expect(client.callTool({ name: 'execute', arguments: { query: '{ __typename }' } })).rejects.toThrow(/Unknown tool/);
  });
});

describe('MCP through the same admission as every way in', () => {
  it('with trusted documents on, only the operation tools exist, and they run by their manifest hash', async () => {
    const trusted = await startTestGateway(urls, { GANTRY_TRUSTED_DOCUMENTS: 'client/generated/persisted-documents.json' });
    const client = await connect(trusted.url);
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).not.toContain('execute');
    const answer = await client.callTool({ name: 'GpuModels', arguments: {} });
    expect(answer.isError, JSON.stringify(answer.content)).toBeFalsy();
  });

  it('a credential past its budget gets RATE_LIMITED; a document past the depth limit is refused before it runs', async () => {
    const limited = await startTestGateway(urls, { GANTRY_RATE_LIMIT_PER_CREDENTIAL: '1', GANTRY_MAX_DEPTH: '3' });
    const client = await connect(limited.url);
    const deep = await client.callTool({ name: 'execute', arguments: { query: '{ containers(first: 1) { nodes { image { requiredContainers { id } } } } }' } });
    expect(deep.isError).toBe(true);
    expect((deep.content as Array<{ text: string }>)[0]!.text).toContain('GRAPHQL_VALIDATION_FAILED');
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await client.callTool({ name: 'GpuModels', arguments: {} });
      if (result.isError)
        codes.push(
          ...(JSON.parse((result.content as Array<{ text: string }>)[0]!.text) as { errors: Array<{ extensions: { code: string } }> }).errors.map(
            (e) => e.extensions.code,
          ),
        );
    }
    expect(codes).toContain('RATE_LIMITED');
  });
});

describe('MCP bad input', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    request(`${gateway.url}/mcp`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
      body,
    });

  it('an unknown tool is a JSON-RPC error; arguments against the schema are a tool error', async () => {
    const client = await connect(gateway.url);
    await expect(client.callTool({ name: 'NoSuchTool', arguments: {} })).rejects.toThrow(/Unknown tool: NoSuchTool/);
    const bad = await client.callTool({ name: 'VmImages', arguments: { first: 'many' } });
    expect(bad.isError).toBe(true);
    expect((bad.content as Array<{ text: string }>)[0]!.text).toMatch(/Invalid arguments.*BAD_USER_INPUT/);
  });

  it('malformed JSON-RPC gets a parse error, an oversized message 413, never a 5xx', async () => {
    const malformed = await post('{"jsonrpc": "2.0", "id": 1, "method": ');
    expect(malformed.statusCode).toBe(400);
    expect(((await malformed.body.json()) as { error: { code: number } }).error.code).toBe(-32700);
    const notRpc = await post(JSON.stringify({ hello: 'world' }));
    expect(notRpc.statusCode).toBeGreaterThanOrEqual(400);
    expect(notRpc.statusCode).toBeLessThan(500);
    await notRpc.body.dump();
    const huge = await post(
      JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'VmImages', arguments: { pad: 'x'.repeat(2 * 1024 * 1024) } } }),
    );
    expect(huge.statusCode).toBe(413);
    await huge.body.dump();
  });
});
