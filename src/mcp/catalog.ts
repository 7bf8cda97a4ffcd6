import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DocumentNode, type FragmentDefinitionNode, getNamedType, Kind, type OperationDefinitionNode, parse, type GraphQLSchema } from 'graphql';
import { dataSchema, type JsonSchema, variablesSchema } from './json-schema.js';

/**
 * The MCP tools that stand for the typed client's operations: one per query and mutation in
 * `client/operations/*.graphql`, named after the operation, described by the comment above it,
 * run as the trusted document codegen wrote for it (`client/generated/persisted-documents.json`).
 * Adding an operation and running codegen adds its tool; nothing here names one.
 * Subscriptions are listed too, for the resource feeds, but are not tools (an agent watches a
 * container through resources instead).
 */
export interface OperationTool {
  name: string;
  description: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The manifest's hash, sent as `documentId` when trusted documents are on. */
  documentId: string;
  /** The manifest's text of the operation, with its fragments. */
  query: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  annotations: { title: string; readOnlyHint: boolean; destructiveHint: boolean; idempotentHint: boolean; openWorldHint: boolean };
  /** Root fields whose answer may be a UserError (a mutation payload union): an error result then. */
  payloadFields: string[];
}

const CLIENT = new URL('../../client/', import.meta.url);

/** Each operation's comment: the `#` lines right above it in its file. */
function comments(): Map<string, string> {
  const found = new Map<string, string>();
  const dir = fileURLToPath(new URL('operations/', CLIENT));
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.graphql'))) {
    const text = readFileSync(`${dir}${file}`, 'utf8');
    for (const definition of parse(text).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name || !definition.loc) continue;
      const above = text.slice(0, definition.loc.start).split('\n').slice(0, -1);
      const lines: string[] = [];
      for (let i = above.length - 1; i >= 0 && above[i]!.trimStart().startsWith('#'); i--) lines.unshift(above[i]!.trim().replace(/^#\s?/, ''));
      found.set(definition.name.value, lines.join(' '));
    }
  }
  return found;
}

function readManifest(): Record<string, string> {
  return JSON.parse(readFileSync(new URL('generated/persisted-documents.json', CLIENT), 'utf8')) as Record<string, string>;
}

export function operationTools(schema: GraphQLSchema): OperationTool[] {
  const described = comments();
  const tools: OperationTool[] = [];
  for (const [documentId, query] of Object.entries(readManifest())) {
    const document: DocumentNode = parse(query);
    const fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
      if (!operation.name) continue;
      const name = operation.name.value;
      const type = operation.operation;
      const root = schema.getRootType(type)!;
      const payloadFields = operation.selectionSet.selections.flatMap((selection) => {
        if (selection.kind !== Kind.FIELD) return [];
        const field = root.getFields()[selection.name.value];
        const named = field && getNamedType(field.type);
        const mayFail = named && 'getTypes' in named && named.getTypes().some((member) => member.getInterfaces().some((i) => i.name === 'UserError'));
        return mayFail ? [selection.alias?.value ?? selection.name.value] : [];
      });
      tools.push({
        name,
        description: described.get(name) || `The ${name} ${type}.`,
        type,
        documentId,
        query,
        inputSchema: variablesSchema(schema, operation),
        outputSchema: dataSchema(schema, operation, fragments),
        annotations: {
          title: name.replace(/([a-z])([A-Z])/g, '$1 $2'),
          readOnlyHint: type !== 'mutation',
          destructiveHint: type === 'mutation' && name.startsWith('Delete'),
          idempotentHint: type !== 'mutation',
          // Each tool reaches the platform's services, beyond this gateway.
          openWorldHint: true,
        },
        payloadFields,
      });
    }
  }
  return tools.sort((a, b) => a.name.localeCompare(b.name));
}
