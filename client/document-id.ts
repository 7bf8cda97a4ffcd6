import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/**
 * The document's hash in ./generated/persisted-documents.json (`sha256:…`). Send it as
 * `documentId` instead of the query text to a gateway that runs only trusted documents
 * (GANTRY_TRUSTED_DOCUMENTS); over graphql-ws send it beside `query: ""`.
 */
export function documentId(document: TypedDocumentNode<unknown, never>): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string')
    throw new TypeError('Not an operation of the Gantry client (no __meta__.hash): only ./operations/*.graphql are trusted documents.');
  return hash;
}
