import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createComputeStacksApp } from '../compute-stacks/app.js';
import { authorize, viewerOf } from '../compute-stacks/access.js';
import { pagingHeaders } from '../compute-stacks/paging.js';
import { pathOf, queryOf, rootOf, serve } from '../http.js';
import { serveOpenApi } from '../openapi.js';
import type { RunningService, ServiceContext } from '../service.js';
import type { EmbeddedTokens } from '../tokens.js';
import { findVisible } from './access.js';
import { createImage } from './create.js';
import { deleteImage } from './delete.js';
import { CONTAINER_IMAGES_OPENAPI } from './openapi.js';
import { seedContainerImages } from './seed.js';
import { toCsImage } from './serialize.js';
import { readListQuery } from './paging.js';
import { ContainerImageStore } from './store.js';
import { updateImage } from './update.js';

/** Options of the container image (ComputeStacks) service. */
export interface ContainerImagesAppOptions {
  store: ContainerImageStore;
  tokens: EmbeddedTokens;
}

type IdRoute = { Params: { id: string } };

/** Builds the ComputeStacks container image API: `/api/container_images`, `/api/health` and `/openapi.json`. Does not listen. */
export function buildContainerImagesApp(options: ContainerImagesAppOptions): FastifyInstance {
  const { store, tokens } = options;
  const app = createComputeStacksApp();
  const read = authorize(tokens, ['public', 'images_read']);
  const write = authorize(tokens, ['images_write']);

  // Readiness probe without credentials: a documented extension, not part of ComputeStacks' API.
  app.get('/api/health', async () => ({ status: 'ok' }));
  // This API's OpenAPI document, without credentials: an extension too (openapi.ts).
  serveOpenApi(app, CONTAINER_IMAGES_OPENAPI);

  app.get('/api/container_images', { onRequest: read }, async (request, reply) => {
    const query = queryOf(request);
    const { filter, paging } = readListQuery(query);
    const { total, images } = store.list(viewerOf(request), filter, paging);
    reply.headers(pagingHeaders(`${rootOf(request)}${pathOf(request)}`, query, paging, total));
    return { container_images: images.map(toCsImage) };
  });

  app.post('/api/container_images', { onRequest: write }, async (request, reply) => {
    const image = createImage(store, viewerOf(request), request.body);
    return reply.code(201).send({ container_image: toCsImage(image) });
  });

  app.get<IdRoute>('/api/container_images/:id', { onRequest: read }, async (request) => {
    const visible = findVisible(store, viewerOf(request), request.params.id);
    return { container_image: toCsImage(store.get(visible.id)!) };
  });

  const update = async (request: FastifyRequest<IdRoute>, reply: FastifyReply) => {
    const image = updateImage(store, viewerOf(request), request.params.id, request.body);
    return reply.code(202).send({ container_image: toCsImage(image) });
  };
  app.patch<IdRoute>('/api/container_images/:id', { onRequest: write }, update);
  app.put<IdRoute>('/api/container_images/:id', { onRequest: write }, update);

  app.delete<IdRoute>('/api/container_images/:id', { onRequest: write }, async (request, reply) => {
    deleteImage(store, viewerOf(request), request.params.id);
    return reply.code(202).send({});
  });

  return app;
}

/** Opens the store (tables, seed data once), then serves the container image API on its own port. */
export async function startContainerImagesServer(context: ServiceContext): Promise<RunningService> {
  const store = new ContainerImageStore(context.db);
  seedContainerImages(store);
  return serve(buildContainerImagesApp({ store, tokens: context.tokens }), context);
}
