import type { Server } from 'node:http';
import { setMaxListeners } from 'node:events';
import { type ExecutionArgs, getOperationAST, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Admission } from '../admission/admission.js';
import { clientAddress, knockFromConnectionParams } from '../admission/knock.js';
import { GRAPHQL_PATH, type GatewayYoga, type InitialContext } from './yoga.js';

/** What this entry needs of a ws socket. */
interface WebSocketLike {
  once(event: 'close', listener: () => void): unknown;
}

export interface GraphqlWsEntry {
  /** Closes every socket with 1001 and stops accepting new ones. */
  close(): Promise<void>;
}

/**
 * GraphQL over WebSocket (graphql-ws) on the HTTP server's GraphQL path. The upgrade passes the
 * admission step's door (per-address budget, refused-credentials brake); connection_init's
 * credentials must read; every operation is admitted like an HTTP one, then runs in Yoga's
 * envelope (`yoga.getEnveloped`), so plugins, context and masking are the same as over HTTP.
 *
 * Every operation ends with its socket, whatever frames came before: its context's
 * `callerGone` is the socket's, and use-operation-end.ts returns its stream when it aborts.
 * An id is refused while an operation of that id is still being set up: graphql-ws lets a
 * client subscribe, complete and subscribe again with one id before the first subscribe has
 * settled, and would then keep only the second stream, leaving the first one (and its poller)
 * running with nobody to end it.
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

  /** Per socket: aborted when it closes, and the ids whose operations are being set up. */
  const sockets = new WeakMap<object, { closed: AbortController; settingUp: Set<string> }>();
  const socketState = (socket: WebSocketLike) => {
    let state = sockets.get(socket);
    if (!state) {
      const created = { closed: new AbortController(), settingUp: new Set<string>() };
      // Each open operation listens here until it ends (context.ts removes it), so a dashboard
      // with a dozen live cells passes Node's leak warning at 10 without leaking anything; the
      // operations are bounded by GANTRY_MAX_SUBSCRIPTIONS_PER_SOCKET and the socket's lifetime.
      setMaxListeners(0, created.closed.signal);
      socket.once('close', () => created.closed.abort());
      sockets.set(socket, created);
      state = created;
    }
    return state;
  };

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
      onSubscribe: async (ctx, id, payload) => {
        const { closed, settingUp } = socketState(ctx.extra.socket);
        if (settingUp.has(id)) {
          return [
            new GraphQLError(`Operation ${id} is still being set up: wait for it to end, or use another id.`, { extensions: { code: 'BAD_USER_INPUT' } }),
          ];
        }
        settingUp.add(id);
        const setUp = () => settingUp.delete(id);
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
            callerGone: closed.signal,
          };
          const enveloped = yoga.getEnveloped(initial);
          const document = enveloped.parse(admitted.query as string);
          const errors = enveloped.validate(enveloped.schema, document);
          if (errors.length > 0) {
            setUp();
            return errors;
          }
          // Checked here, so that every operation this returns reaches execute or subscribe below.
          if (!getOperationAST(document, payload.operationName)) {
            setUp();
            return [new GraphQLError('Unable to identify the operation to run.', { extensions: { code: 'BAD_USER_INPUT' } })];
          }
          // The id is free again once the operation has started (or failed to).
          const settled =
            <T>(run: (args: ExecutionArgs) => T) =>
            (args: ExecutionArgs) =>
              Promise.resolve(run(args)).finally(setUp);
          return {
            schema: enveloped.schema,
            operationName: payload.operationName,
            document,
            variableValues: payload.variables,
            contextValue: await enveloped.contextFactory(),
            rootValue: { execute: settled(enveloped.execute), subscribe: settled(enveloped.subscribe) },
          } as never;
        } catch (error) {
          setUp();
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
