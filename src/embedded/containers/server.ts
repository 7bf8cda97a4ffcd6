import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createComputeStacksApp } from '../compute-stacks/app.js';
import { authorize, viewerOf } from '../compute-stacks/access.js';
import { pagingHeaders, parsePaging } from '../compute-stacks/paging.js';
import { pathOf, queryOf, rootOf, serve } from '../http.js';
import { serveOpenApi } from '../openapi.js';
import type { RunningService, ServiceContext } from '../service.js';
import type { Clock } from '../simulation.js';
import type { EmbeddedTokens } from '../tokens.js';
import { findContainer, findParentContainer } from './access.js';
import { ContainerActivity } from './activity.js';
import type { ContainerRow } from './container.js';
import { parseLogsQuery } from './paging.js';
import { CONTAINERS_OPENAPI } from './openapi.js';
import { seedContainers } from './seed.js';
import { toCsContainer } from './serialize.js';
import { ContainerStore } from './store.js';
import { checkPowerAction } from './validation.js';

/** Options of the container (ComputeStacks) service. */
export interface ContainersAppOptions {
  store: ContainerStore;
  tokens: EmbeddedTokens;
  clock: Clock;
}

type IdRoute = { Params: { id: string } };
type PowerRoute = { Params: { id: string; action: string } };

/** Builds the ComputeStacks container API: `/api/containers…`, `/api/health` and `/openapi.json`. Does not listen. */
export function buildContainersApp(options: ContainersAppOptions): FastifyInstance {
  const { store, tokens, clock } = options;
  const app = createComputeStacksApp();
  const read = authorize(tokens, ['projects_read']);
  const write = authorize(tokens, ['projects_write']);

  /** Each container's activity as of one instant, so a list reads consistently. */
  const activities = (containers: readonly ContainerRow[], now = clock()): ContainerActivity[] => {
    const events = store.events(containers.map((container) => container.id));
    return containers.map((container) => new ContainerActivity(container, events.get(container.id) ?? [], now));
  };
  const render = (containers: readonly ContainerRow[]): Array<Record<string, unknown>> => {
    const rules = store.ingressRules([...new Set(containers.map((container) => container.container_service_id))]);
    return activities(containers).map((activity) => toCsContainer(activity, rules.get(activity.container.container_service_id) ?? []));
  };
  const activityOf = (request: FastifyRequest<IdRoute>): ContainerActivity =>
    activities([findParentContainer(store, viewerOf(request), request.params.id)])[0]!;

  // Readiness probe without credentials: a documented extension, not part of ComputeStacks' API.
  app.get('/api/health', async () => ({ status: 'ok' }));
  // This API's OpenAPI document, without credentials: an extension too (openapi.ts).
  serveOpenApi(app, CONTAINERS_OPENAPI);

  // Extension: ComputeStacks lists containers only under projects and services; this lists the caller's (admin: all).
  app.get('/api/containers', { onRequest: read }, async (request, reply) => {
    const query = queryOf(request);
    const paging = parsePaging(query);
    const { total, containers } = store.list(viewerOf(request), paging);
    reply.headers(pagingHeaders(`${rootOf(request)}${pathOf(request)}`, query, paging, total));
    return { containers: render(containers) };
  });

  app.get<IdRoute>('/api/containers/:id', { onRequest: read }, async (request) => {
    const container = findContainer(store, viewerOf(request), request.params.id);
    return { container: render([container])[0] };
  });

  app.put<PowerRoute>('/api/containers/:id/power/:action', { onRequest: write }, async (request, reply) => {
    const container = findParentContainer(store, viewerOf(request), request.params.id);
    store.addEvent(container.id, checkPowerAction(request.params.action), clock());
    return reply.code(202).send({});
  });

  // Logs and processes are bare arrays, as ComputeStacks renders them.
  app.get<IdRoute>('/api/containers/:id/logs', { onRequest: read }, async (request) => {
    const activity = activityOf(request);
    const { from, to, limit } = parseLogsQuery(queryOf(request), activity.now);
    return activity.logs(from, to, limit);
  });

  app.get<IdRoute>('/api/containers/:id/container_processes', { onRequest: read }, async (request) => activityOf(request).processes());

  app.get<IdRoute>('/api/containers/:id/metrics/cpu', { onRequest: read }, async (request) => ({ stats: activityOf(request).cpuSeries() }));
  app.get<IdRoute>('/api/containers/:id/metrics/memory', { onRequest: read }, async (request) => ({ stats: activityOf(request).memorySeries() }));

  return app;
}

/** Opens the store (tables, seed data once), then serves the container API on its own port. */
export async function startContainersServer(context: ServiceContext): Promise<RunningService> {
  const store = new ContainerStore(context.db);
  seedContainers(store, context.clock());
  return serve(buildContainersApp({ store, tokens: context.tokens, clock: context.clock }), context);
}
