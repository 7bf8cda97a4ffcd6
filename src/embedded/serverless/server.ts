import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createServiceApp, installRequestId, queryOf, serve } from '../http.js';
import { OPENAPI_PATH, serveOpenApi } from '../openapi.js';
import type { RunningService, ServiceContext } from '../service.js';
import type { Clock } from '../simulation.js';
import type { EmbeddedTokens } from '../tokens.js';
import { callerOf, findContainer, installAuth } from './access.js';
import { installRawBody, jsonObjectBody } from './body.js';
import type { ContainerRecord } from './container.js';
import { containerState, type ContainerState } from './deployment.js';
import { installQuasarchErrors, sendFrameworkError, type KnownPath } from './errors.js';
import { GPU_MODELS } from './gpu-models.js';
import { SERVERLESS_OPENAPI } from './openapi.js';
import { pageOf, parsePaging } from './paging.js';
import { seedServerless } from './seed.js';
import { toQuasarchContainer, toQuasarchRevision } from './serialize.js';
import { ServerlessStore } from './store.js';
import { validateCreate, validateUpdate } from './validation.js';

/** Options of the serverless container (Quasarch) service. */
export interface ServerlessAppOptions {
  store: ServerlessStore;
  tokens: EmbeddedTokens;
  /** What deployments follow (deployment.ts). */
  clock: Clock;
}

type IdRoute = { Params: { id: string } };

const KNOWN_PATHS: readonly KnownPath[] = [
  { pattern: /^\/v1\/containers$/, methods: ['GET', 'HEAD', 'POST'] },
  { pattern: /^\/v1\/containers\/[^/]+$/, methods: ['GET', 'HEAD', 'PUT', 'DELETE'] },
  { pattern: /^\/v1\/containers\/[^/]+\/revisions$/, methods: ['GET', 'HEAD'] },
  { pattern: /^\/v1\/gpu-models$/, methods: ['GET', 'HEAD'] },
  { pattern: /^\/openapi\.json$/, methods: ['GET', 'HEAD'] },
];
/** Answered without credentials: the readiness probe and the OpenAPI document (extensions). */
const OPEN_PATHS: ReadonlySet<string> = new Set(['/health', OPENAPI_PATH]);

/** Builds the Quasarch container service API under `/v1`, `/health` and `/openapi.json`. Does not listen. */
export function buildServerlessApp(options: ServerlessAppOptions): FastifyInstance {
  const { store, tokens, clock } = options;
  const app = createServiceApp({ frameworkErrors: sendFrameworkError });
  installRequestId(app, 'x-request-id', randomUUID);
  installQuasarchErrors(app, KNOWN_PATHS);
  installRawBody(app);
  installAuth(app, tokens, OPEN_PATHS);

  /** Each container's state as of one instant, so a list reads consistently. */
  const statesOf = (containers: readonly ContainerRecord[], now = clock()): ContainerState[] => {
    const revisions = store.revisions(containers.map((container) => container.id));
    return containers.map((container) => containerState(container, revisions.get(container.id) ?? [], now));
  };
  const stateOf = (container: ContainerRecord): ContainerState => statesOf([container])[0]!;
  const find = (request: FastifyRequest<IdRoute>): ContainerRecord => findContainer(store, callerOf(request), request.params.id);

  // Readiness probe without credentials: a documented extension, not part of Quasarch's API.
  app.get('/health', async () => ({ status: 'ok' }));
  // This API's OpenAPI document, without credentials: an extension too (openapi.ts).
  serveOpenApi(app, SERVERLESS_OPENAPI);

  // The caller's own containers only, even for ADMIN, oldest first.
  app.get('/v1/containers', async (request) => {
    const paging = parsePaging(queryOf(request));
    const { total, containers } = store.list(callerOf(request).userId, paging.offset, paging.rows);
    return pageOf(statesOf(containers).map(toQuasarchContainer), total, paging);
  });

  app.post('/v1/containers', async (request, reply) => {
    const caller = callerOf(request);
    const body = jsonObjectBody(request);
    const container = store.transaction(() => {
      const { name, spec } = validateCreate(body, (candidate) => store.nameTaken(caller.userId, candidate));
      const record: ContainerRecord = { id: randomUUID(), name, createdBy: caller.userId, dateCreated: clock(), dateUpdated: null };
      store.insert(record, spec);
      return record;
    });
    return reply.code(201).send(toQuasarchContainer(stateOf(container)));
  });

  app.get<IdRoute>('/v1/containers/:id', async (request) => toQuasarchContainer(stateOf(find(request))));

  app.put<IdRoute>('/v1/containers/:id', async (request) => {
    const container = find(request);
    const body = jsonObjectBody(request);
    store.transaction(() => {
      const spec = validateUpdate(body, { name: container.name, spec: stateOf(container).latest.spec });
      store.addRevision(container.id, spec, clock());
    });
    return toQuasarchContainer(stateOf(store.get(container.id)!));
  });

  app.delete<IdRoute>('/v1/containers/:id', async (request, reply) => {
    store.delete(find(request).id);
    return reply.code(204).send();
  });

  // Newest (highest number) first.
  app.get<IdRoute>('/v1/containers/:id/revisions', async (request) => {
    const container = find(request);
    const paging = parsePaging(queryOf(request));
    const state = stateOf(container);
    const newestFirst = [...state.revisions].reverse();
    const items = newestFirst.slice(paging.offset, paging.offset + paging.rows).map((revision) => toQuasarchRevision(revision, state));
    return pageOf(items, newestFirst.length, paging);
  });

  app.get('/v1/gpu-models', async (request) => {
    const paging = parsePaging(queryOf(request));
    const items = GPU_MODELS.slice(paging.offset, paging.offset + paging.rows).map((model) => ({ ...model }));
    return pageOf(items, GPU_MODELS.length, paging);
  });

  return app;
}

/** Opens the store (tables, seed data once), then serves the Quasarch container API on its own port. */
export async function startServerlessServer(context: ServiceContext): Promise<RunningService> {
  const store = new ServerlessStore(context.db);
  seedServerless(store, context.clock());
  return serve(buildServerlessApp({ store, tokens: context.tokens, clock: context.clock }), context);
}
