import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { documentId } from '../../client/index.js';

/**
 * How the console talks to the gateway, as docs/frontend.md tells any frontend to: the typed
 * client's documents, the token in `Authorization` over fetch and in `connectionParams` over
 * graphql-ws. With trusted documents on (the gateway says so in /console/session.json) only
 * each document's hash is sent, so the console runs in the production profile too.
 */
export interface FieldErrorShape {
  path: ReadonlyArray<string>;
  message: string;
}

export interface GraphQLErrorShape {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; backend?: string; fields?: FieldErrorShape[] } & Record<string, unknown>;
}

export interface Result<R> {
  data?: R | null;
  errors?: GraphQLErrorShape[];
}

export interface Session {
  trustedDocuments: boolean;
  principals: Array<{ name: string; token: string }>;
}

export async function loadSession(): Promise<Session> {
  const response = await fetch('/console/session.json');
  return (await response.json()) as Session;
}

/** The operation as sent: its hash alone with trusted documents, else its text. */
function operation(document: TypedDocumentNode<unknown, never>, trusted: boolean): { query: string; documentId?: string } {
  return trusted ? { query: '', documentId: documentId(document) } : { query: print(document) };
}

export class Gantry {
  #ws: Client | undefined;

  constructor(
    readonly token: string,
    readonly trusted: boolean,
  ) {}

  async request<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<Result<R>> {
    const { query, ...rest } = operation(document as TypedDocumentNode<unknown, never>, this.trusted);
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ ...(this.trusted ? rest : { query }), variables }),
    });
    return (await response.json()) as Result<R>;
  }

  /** Streams a subscription's events to `onEvent`; returns the function that stops it. */
  subscribe<R, V>(document: TypedDocumentNode<R, V>, variables: V, onEvent: (result: Result<R>) => void): () => void {
    this.#ws ??= createClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      connectionParams: { authorization: `Bearer ${this.token}` },
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
    });
    return this.#ws.subscribe(
      { ...operation(document as TypedDocumentNode<unknown, never>, this.trusted), variables: variables as Record<string, unknown> },
      {
        next: (result) => onEvent(result as Result<R>),
        error: (error) => onEvent({ errors: [{ message: error instanceof Error ? error.message : 'The stream failed.' }] }),
        complete: () => {},
      },
    );
  }

  close(): void {
    void this.#ws?.dispose();
  }
}
