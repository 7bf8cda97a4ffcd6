import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ConfigError } from '../config.js';

/**
 * Trusted documents: with a manifest (`{"<hash>": "<document>"}`, what GraphQL Code
 * Generator's client preset writes as persisted-documents.json) the gateway runs those
 * documents and nothing else, on every transport. Clients send the hash as `documentId` or as
 * `extensions.persistedQuery.sha256Hash`; a `query` text alone is refused.
 */
export interface TrustedDocuments {
  /** The Yoga plugin for HTTP and SSE. */
  plugin: Plugin;
  /** For graphql-ws: the document text of a subscribe payload, or the error refusing it. */
  resolve(payload: { query?: unknown; documentId?: unknown; extensions?: Record<string, unknown> | null }): string | GraphQLError;
}

const refusal = () =>
  new GraphQLError("Only trusted documents run here: send the document's hash as documentId (or extensions.persistedQuery.sha256Hash).", {
    extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
  });

export function loadTrustedDocuments(path: string): TrustedDocuments {
  let manifest: Record<string, string>;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new ConfigError([`GANTRY_TRUSTED_DOCUMENTS: cannot read ${path} as a JSON manifest (${(error as Error).message.split('\n')[0]})`]);
  }
  const documents = new Map(Object.entries(manifest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const idOf = (payload: { documentId?: unknown; extensions?: Record<string, unknown> | null }): unknown =>
    payload.documentId ?? (payload.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
  return {
    plugin: usePersistedOperations({
      getPersistedOperation: (key) => documents.get(key) ?? null,
      extractPersistedOperationId: (params, request) => {
        // Yoga's GET parser keeps only query, variables, operationName and extensions.
        const id = idOf(params as never) ?? (request.method === 'GET' ? new URL(request.url).searchParams.get('documentId') : null);
        return typeof id === 'string' ? id : null;
      },
      allowArbitraryOperations: false,
      // The same code on every transport (graphql-ws resolves documents through resolve() below).
      customErrors: {
        persistedQueryOnly: { message: refusal().message, extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } } },
        notFound: { message: refusal().message, extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } } },
      },
    }),
    resolve(payload) {
      const id = idOf(payload);
      const document = typeof id === 'string' ? documents.get(id) : undefined;
      if (document === undefined) return refusal();
      return document;
    },
  };
}
