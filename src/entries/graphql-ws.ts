import type { Server } from 'node:http';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Admission } from '../admission/admission.js';
import { clientAddress, knockFromConnectionParams } from '../admission/knock.js';
import { GRAPHQL_PATH, type GatewayYoga, type InitialContext } from './yoga.js';

export interface GraphqlWsEntry {
  /** Closes every socket with 1001 and stops accepting new ones. */
  close(): Promise<void>;
}

/**
 * GraphQL over WebSocket (graphql-ws) on the HTTP server's GraphQL path. The upgrade passes the
 * admission step's door (per-address budget, refused-credentials brake); connection_init's
 * credentials must read; every operation is admitted like an HTTP one, then runs in Yoga's
 * envelope (`yoga.getEnveloped`), so plugins, context and masking are the same as over HTTP.
 */
export function attachGraphqlWs(server: Server, options: { yoga: GatewayYoga; admission: Admission; logger: Logger; maxMessageBytes: number }): GraphqlWsEntry {
  const { yoga, admission, logger } = options;
  // A message over the limit closes the socket with 1009 (Message Too Big), as RFC 6455 says.
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });

  server.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '').split('?')[0] !== GRAPHQL_PATH) {
      socket.destroy();
      return;
    }
    void (async () => {
      const refusal = await admission.door(req, { upgrade: true });
      if (refusal) {
        const wait = refusal.extensions.retryAfter;
        socket.end(`HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${wait}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
    })().catch(() => socket.destroy());
  });

  /** An operation refused as UNAUTHENTICATED further in counts against its address too. */
  const noteRefused = (address: string, errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => {
    if (errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) admission.refusedCredential(address);
  };

  const disposable = useServer<Record<string, unknown>>(
    {
      // Credentials are read once per socket; a malformed one is refused at connection_init.
      onConnect: (ctx) => admission.handshake(knockFromConnectionParams(clientAddress(ctx.extra.request), ctx.connectionParams)),
      onNext: (ctx, _id, _payload, _args, result) => noteRefused(clientAddress(ctx.extra.request), (result as { errors?: [] }).errors),
      onError: (ctx, _id, _payload, errors) => noteRefused(clientAddress(ctx.extra.request), errors),
      execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      onSubscribe: async (ctx, _id, payload) => {
        // Any failure here is this operation's error message; graphql-ws would close the whole
        // socket (4500) on a throw, taking the caller's other operations with it.
        try {
          const address = clientAddress(ctx.extra.request);
          const admitted = await admission.admit(knockFromConnectionParams(address, ctx.connectionParams, payload));
          const initial: InitialContext & Record<string, unknown> = {
            req: ctx.extra.request,
            socket: ctx.extra.socket,
            connectionParams: ctx.connectionParams ?? {},
            params: payload,
            admitted,
          };
          const enveloped = yoga.getEnveloped(initial);
          const document = enveloped.parse(admitted.query as string);
          const errors = enveloped.validate(enveloped.schema, document);
          if (errors.length > 0) return errors;
          return {
            schema: enveloped.schema,
            operationName: payload.operationName,
            document,
            variableValues: payload.variables,
            contextValue: await enveloped.contextFactory(),
            rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
          } as never;
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          logger.error({ err: error }, 'graphql-ws operation failed before it ran');
          return [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL' } })];
        }
      },
    },
    wsServer,
  );

  return {
    async close() {
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      await disposable.dispose();
      wsServer.close();
    },
  };
}
