import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { JsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { type GraphQLSchema, printSchema, printType } from 'graphql';
import type { Config } from '../config/schema.js';
import { type OperationTool, operationTools } from './catalog.js';
import type { JsonSchema } from './json-schema.js';
import { errorResult } from './tool-results.js';

/**
 * The tool set, built once per gateway: one tool per typed-client operation (catalog.ts) and,
 * outside the production profile and without trusted documents, `introspect` and `execute`,
 * as Apollo's and Cosmo's MCP servers have. Each tool's arguments are checked against its
 * input schema before anything runs.
 */
export interface ToolCall {
  /** What to run: the operation's text (or its trusted document's id), variables and name. */
  operation: { query?: string; documentId?: string; variables: Record<string, unknown>; operationName?: string };
  /** Root fields whose value may be a UserError (mutation payloads). */
  payloadFields: readonly string[];
}

export const isToolCall = (plan: ToolCall | CallToolResult): plan is ToolCall => 'operation' in plan && 'payloadFields' in plan;

export interface Tools {
  list: Tool[];
  /** What running a typed-client operation takes (a tool's, or a subscription's), by its name, variables unchecked (the caller built them). */
  operation(name: string, variables: Record<string, unknown>): ToolCall | undefined;
  /** What a call runs, or the result to answer at once (bad arguments, `introspect`); undefined for an unknown tool. */
  plan(name: string, args: Record<string, unknown>): ToolCall | CallToolResult | undefined;
}

const INTROSPECT: Tool = {
  name: 'introspect',
  description: 'The GraphQL schema: one type with its fields and their descriptions (`type`), or the whole SDL when `type` is omitted.',
  inputSchema: { type: 'object', properties: { type: { type: 'string', description: 'A type name, such as VmImage or Query.' } }, additionalProperties: false },
  annotations: { title: 'Introspect', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
};

const EXECUTE: Tool = {
  name: 'execute',
  description: 'Runs any GraphQL query or mutation (not a subscription) against the gateway, with the caller’s credentials. Use `introspect` to find fields.',
  inputSchema: {
    type: 'object',
    properties: {
      query: { type: 'string', description: 'A GraphQL document.' },
      variables: { type: 'object', description: 'Its variables.' },
      operationName: { type: 'string', description: 'Which operation of the document to run, when it has several.' },
    },
    required: ['query'],
    additionalProperties: false,
  },
  annotations: { title: 'Execute', readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
};

const text = (value: string): CallToolResult => ({ content: [{ type: 'text', text: value }] });
const badArguments = (message: string) => errorResult([{ message: `Invalid arguments: ${message}`, extensions: { code: 'BAD_USER_INPUT' } }]);

export function createTools(schema: GraphQLSchema, config: Config): Tools {
  const trusted = config.trustedDocuments !== undefined;
  const open = config.profile !== 'production' && !trusted;
  const validator = new AjvJsonSchemaValidator();
  const all = operationTools(schema);
  const operations = new Map(all.filter((tool) => tool.type !== 'subscription').map((tool) => [tool.name, tool]));
  const streams = new Map(all.filter((tool) => tool.type === 'subscription').map((tool) => [tool.name, tool]));
  const checks = new Map<string, JsonSchemaValidator<unknown>>();
  const list: Tool[] = [...operations.values()].map((tool) => {
    checks.set(tool.name, validator.getValidator(tool.inputSchema as never));
    return {
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputSchema as Tool['inputSchema'],
      outputSchema: tool.outputSchema as Tool['outputSchema'],
      annotations: tool.annotations,
    };
  });
  if (open) {
    list.push(INTROSPECT, EXECUTE);
    checks.set(INTROSPECT.name, validator.getValidator(INTROSPECT.inputSchema as JsonSchema as never));
    checks.set(EXECUTE.name, validator.getValidator(EXECUTE.inputSchema as JsonSchema as never));
  }

  const callOf = (operation: OperationTool, variables: Record<string, unknown>): ToolCall => ({
    operation: { ...(trusted ? { documentId: operation.documentId } : { query: operation.query }), variables, operationName: operation.name },
    payloadFields: operation.payloadFields,
  });

  return {
    list,
    operation(name, variables) {
      const operation = operations.get(name) ?? streams.get(name);
      return operation ? callOf(operation, variables) : undefined;
    },
    plan(name, args) {
      const check = checks.get(name);
      if (!check) return undefined;
      const checked = check(args);
      if (!checked.valid) return badArguments(checked.errorMessage);
      const operation = operations.get(name);
      if (operation) return callOf(operation, args);
      if (name === INTROSPECT.name) {
        if (args.type === undefined) return text(printSchema(schema));
        const type = schema.getType(String(args.type));
        return type ? text(printType(type)) : badArguments(`no type named "${String(args.type)}"`);
      }
      const { query, variables, operationName } = args as { query: string; variables?: Record<string, unknown>; operationName?: string };
      return { operation: { query, variables: variables ?? {}, ...(operationName ? { operationName } : {}) }, payloadFields: [] };
    },
  };
}
