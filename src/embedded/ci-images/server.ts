import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { blobDir } from '../db.js';
import { createServiceApp, installRequestId, pathOf, queryOf, rootOf, serve } from '../http.js';
import { serveOpenApi } from '../openapi.js';
import type { RunningService, ServiceContext } from '../service.js';
import type { EmbeddedTokens } from '../tokens.js';
import { authorize, callerOf } from './access.js';
import { bunzip2 } from './bunzip2.js';
import { createImage, type Bunzip2 } from './create.js';
import { sendImageFile, wantsImageFile } from './download.js';
import { installDjinnErrors, notFound, type KnownPath } from './errors.js';
import { toDjinnImage, type CiImage } from './image.js';
import { CI_IMAGES_OPENAPI } from './openapi.js';
import { PAGE_LIMIT, linkHeader, pageOffset, pageWindow, parsePage } from './paging.js';
import { seedCiImages } from './seed.js';
import { CiImageStore } from './store.js';

/** Options of the CI image (Djinn CI) service. */
export interface CiImagesAppOptions {
  store: CiImageStore;
  tokens: EmbeddedTokens;
  /** Largest accepted image in bytes, after decompression (413 above). */
  maxImageBytes: number;
  /**
   * Decompresses bzip2 bodies, as Djinn does before storing them. @default undefined: no
   * decompressor ships with Gantry, so a bzip2 body is refused with 400 (see README.md).
   */
  bunzip2?: Bunzip2;
}

type IdRoute = { Params: { id: string } };

const KNOWN_PATHS: readonly KnownPath[] = [
  { pattern: /^\/images$/, methods: ['GET', 'HEAD', 'POST'] },
  { pattern: /^\/images\/\d+$/, methods: ['GET', 'HEAD', 'DELETE'] },
  { pattern: /^\/openapi\.json$/, methods: ['GET', 'HEAD'] },
];

/** The image `:id` names, if the caller may see it; 404 otherwise (Djinn's route only matches digits). */
function findVisible(store: CiImageStore, request: FastifyRequest<IdRoute>): CiImage {
  const { id } = request.params;
  const image = /^\d+$/.test(id) ? store.getVisible(callerOf(request).userId, Number(id)) : undefined;
  if (image === undefined) throw notFound();
  return image;
}

/** Builds the Djinn CI image API: `/images`, `/images/{id}`, `/health` and `/openapi.json`. Does not listen. */
export function buildCiImagesApp(options: CiImagesAppOptions): FastifyInstance {
  const { store, tokens, maxImageBytes } = options;
  const app = createServiceApp();
  installRequestId(app, 'x-request-id', randomUUID);
  installDjinnErrors(app, KNOWN_PATHS);
  app.removeAllContentTypeParsers();
  // The body of POST /images is the image file, streamed by its handler: no parser reads it.
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  const read = authorize(tokens, 'image:read');
  const write = authorize(tokens, 'image:write');
  const remove = authorize(tokens, 'image:delete');

  // Readiness probe without credentials: a documented extension, not part of Djinn's API.
  app.get('/health', async () => ({ status: 'ok' }));
  // This API's OpenAPI document, without credentials: an extension too (openapi.ts).
  serveOpenApi(app, CI_IMAGES_OPENAPI);

  app.get('/images', { onRequest: read }, async (request, reply) => {
    const query = queryOf(request);
    const search = query.get('search') ?? '';
    const page = parsePage(query.get('page'));
    const { total, images } = store.list(callerOf(request).userId, search === '' ? undefined : search, pageOffset(page), PAGE_LIMIT);
    const root = rootOf(request);
    reply.header('link', linkHeader(`${root}${pathOf(request)}`, query, pageWindow(page, total)));
    return images.map((image) => toDjinnImage(image, root));
  });

  app.post('/images', { onRequest: write }, async (request, reply) => {
    const image = await createImage(request, callerOf(request), { store, maxImageBytes, bunzip2: options.bunzip2 });
    return reply.code(201).send(toDjinnImage(image, rootOf(request)));
  });

  app.get<IdRoute>('/images/:id', { onRequest: read }, async (request, reply) => {
    const image = findVisible(store, request);
    if (wantsImageFile(request.headers.accept)) return sendImageFile(request, reply, store, image);
    return toDjinnImage(image, rootOf(request));
  });

  app.delete<IdRoute>('/images/:id', { onRequest: remove }, async (request, reply) => {
    const image = findVisible(store, request);
    store.delete(image.id);
    await rm(store.blobPath(image.hash), { force: true });
    return reply.code(204).send();
  });

  return app;
}

/** Opens the store (tables, crash recovery, seed data once), then serves the Djinn CI image API on its own port. */
export async function startCiImagesServer(context: ServiceContext): Promise<RunningService> {
  const store = new CiImageStore(context.db, blobDir(context.dataDir, 'ciImages'));
  store.recover();
  seedCiImages(store);
  // Uploads in flight may finish on close, within serve()'s grace period.
  // Djinn decompresses bzip2 uploads (`BZh…`) before checking them; so does this service.
  return serve(buildCiImagesApp({ store, tokens: context.tokens, maxImageBytes: context.maxImageBytes, bunzip2 }), context);
}
