import type { IncomingMessage } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Admission, Admitted } from '../admission/admission.js';
import { clientAddress, knockFromHeaders } from '../admission/knock.js';

/** What node:http hands Yoga for each request, and what admission adds to it. */
export interface YogaServerContext {
  req?: IncomingMessage;
  /** The verdict of an entry that already admitted this request and handed it to Yoga (the fast path). */
  verdict?: Admitted | GraphQLError;
  /** The admitted caller, once admission let the request through; the context is built from it. */
  admitted?: Admitted;
}

/**
 * Yoga's HTTP entry (GET, POST, SSE) calls the admission step once its parameters are read and
 * before anything else of the operation runs; a refusal is thrown, so Yoga answers it as it
 * answers every error before execution (status and Retry-After from `extensions.http`). A
 * request the fast path read and handed over carries that path's verdict: it is not charged again.
 */
export function useAdmission(admission: Admission): Plugin {
  return {
    async onParams({ params, request, setParams, context }) {
      const server = context as YogaServerContext;
      let verdict = server.verdict;
      if (verdict === undefined) {
        const sse = (request.headers.get('accept') ?? '').includes('text/event-stream');
        // Yoga's GET parser keeps only query, variables, operationName and extensions.
        const documentId =
          (params as { documentId?: unknown }).documentId ?? (request.method === 'GET' ? new URL(request.url).searchParams.get('documentId') : null);
        const knock = knockFromHeaders(sse ? 'sse' : 'http', clientAddress(server.req), (name) => request.headers.get(name), {
          query: params.query,
          documentId,
          extensions: params.extensions,
        });
        verdict = await admission.admit(knock).catch((refusal: GraphQLError) => refusal);
      }
      if (verdict instanceof Error) throw verdict;
      server.admitted = verdict;
      // A trusted document's text replaces its hash; Yoga then checks the usual four parameters.
      if (verdict.query !== params.query) {
        setParams({ query: verdict.query as string, variables: params.variables, operationName: params.operationName, extensions: params.extensions });
      }
    },
  };
}
