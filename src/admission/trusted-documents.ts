import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { ConfigError } from '../config.js';

/**
 * Trusted documents: with a manifest (`{"<hash>": "<document>"}`, what GraphQL Code
 * Generator's client preset writes as persisted-documents.json) the gateway runs those
 * documents and nothing else, on every way in. Clients send the hash as `documentId` or as
 * `extensions.persistedQuery.sha256Hash`; a document text is refused, alone or beside a hash
 * (graphql-ws clients send `query: ""` beside the hash: the protocol wants a string there).
 */
export interface TrustedDocuments {
  /** The text of the operation's trusted document, or the error refusing it. */
  resolve(operation: { query?: unknown; documentId?: unknown; extensions?: unknown }): string | GraphQLError;
}

const refusal = () =>
  new GraphQLError("Only trusted documents run here: send the document's hash as documentId (or extensions.persistedQuery.sha256Hash).", {
    extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
  });

const hashOf = (operation: { documentId?: unknown; extensions?: unknown }): unknown => {
  const persisted = (operation.extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery;
  return operation.documentId ?? persisted?.sha256Hash;
};

export function loadTrustedDocuments(path: string): TrustedDocuments {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError([`GANTRY_TRUSTED_DOCUMENTS: cannot read ${path} as a JSON manifest (${(error as Error).message.split('\n')[0]})`]);
  }
  const documents = new Map(Object.entries(manifest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return {
    resolve(operation) {
      if (typeof operation.query === 'string' && operation.query !== '') return refusal();
      const hash = hashOf(operation);
      const document = typeof hash === 'string' ? documents.get(hash) : undefined;
      return document ?? refusal();
    },
  };
}
