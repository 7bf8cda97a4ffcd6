import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { openBlobRange, planDownload } from '../blob-download.js';
import { blobDir } from '../db.js';
import { createServiceApp, installRequestId, pathOf, queryOf, rootOf, serve } from '../http.js';
import { OPENAPI_PATH, serveOpenApi } from '../openapi.js';
import { principalForToken, type Principal } from '../principals.js';
import type { RunningService, ServiceContext } from '../service.js';
import type { EmbeddedTokens } from '../tokens.js';
import { findVisible, notAuthorized, requireOwner } from './access.js';
import { createImage } from './create.js';
import { GlanceError, JSON_PATCH_TYPE, badRequest, forbidden, installGlanceErrors, type KnownPath } from './errors.js';
import { toGlanceImage, type ImageStatus } from './image.js';
import { parseListQuery } from './list-query.js';
import { VM_IMAGES_OPENAPI } from './openapi.js';
import { applyImagePatch } from './patch.js';
import { seedVmImages } from './seed.js';
import { VmImageStore } from './store.js';
import { receiveImageData, tooLarge } from './upload.js';

/** Options of the VM image (Glance v2) service. */
export interface VmImagesAppOptions {
  store: VmImageStore;
  tokens: EmbeddedTokens;
  /** Largest accepted upload in bytes (413 above). */
  maxImageBytes: number;
}

type IdRoute = { Params: { id: string } };

const KNOWN_PATHS: readonly KnownPath[] = [
  { pattern: /^\/v2\/images\/?$/, methods: ['GET', 'POST'] },
  { pattern: /^\/v2\/images\/[^/]+\/?$/, methods: ['GET', 'PATCH', 'DELETE'] },
  { pattern: /^\/v2\/images\/[^/]+\/file$/, methods: ['GET', 'PUT'] },
  { pattern: /^\/v2\/images\/[^/]+\/actions\/(de|re)activate$/, methods: ['POST'] },
  { pattern: /^\/versions$/, methods: ['GET'] },
  { pattern: /^\/openapi\.json$/, methods: ['GET'] },
];
const UNAUTHENTICATED_PATHS = new Set(['/', '/versions', OPENAPI_PATH]);

function mediaType(request: FastifyRequest): string | undefined {
  return request.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A route hook: 415 unless the body has `type` (Glance checks the type before looking at the image). */
function requireContentType(type: string, headers: Record<string, string> = {}, optionalWhenEmpty = false) {
  return async (request: FastifyRequest): Promise<void> => {
    const actual = mediaType(request);
    if (actual === undefined && optionalWhenEmpty && !hasBody(request)) return;
    if (actual !== type) throw new GlanceError(415, `Unsupported Content-Type: ${actual ?? 'none'}`, headers);
  };
}

function versions(request: FastifyRequest): unknown {
  return { versions: [{ id: 'v2.16', status: 'CURRENT', links: [{ rel: 'self', href: `${rootOf(request)}/v2/` }] }] };
}

/** Builds the Glance v2 app: hooks for request id and auth, then the routes. Does not listen. */
export function buildVmImagesApp(options: VmImagesAppOptions): FastifyInstance {
  const { store, tokens, maxImageBytes } = options;
  const app = createServiceApp();
  const principals = new WeakMap<FastifyRequest, Principal>();
  const principalOf = (request: FastifyRequest): Principal => principals.get(request)!;

  installGlanceErrors(app, KNOWN_PATHS);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', JSON_PATCH_TYPE], { parseAs: 'string' }, (_request, text, done) => {
    if (text === '') return done(badRequest('Body expected in request.'), undefined);
    try {
      done(null, JSON.parse(text as string));
    } catch {
      done(badRequest('Malformed JSON in request body.'), undefined);
    }
  });
  // Image data is streamed by the upload handler itself; the parser leaves the request unread.
  app.addContentTypeParser('application/octet-stream', (_request, _payload, done) => done(null, undefined));

  installRequestId(app, 'x-openstack-request-id', () => `req-${randomUUID()}`);
  app.addHook('onRequest', async (request) => {
    if (UNAUTHENTICATED_PATHS.has(pathOf(request))) return;
    const token = request.headers['x-auth-token'];
    const principal = principalForToken(tokens, typeof token === 'string' ? token : undefined);
    if (principal === undefined) throw new GlanceError(401, 'The request you have made requires authentication.');
    principals.set(request, principal);
  });

  app.get('/versions', async (request) => versions(request));
  app.get('/', async (request, reply) => reply.code(300).send(versions(request)));
  // This API's OpenAPI document, without credentials: an extension (openapi.ts).
  serveOpenApi(app, VM_IMAGES_OPENAPI);

  app.get('/v2/images', async (request) => {
    const params = queryOf(request);
    const query = parseListQuery(params);
    const rows = store.list(principalOf(request), query);
    const page = rows.slice(0, query.limit);
    params.delete('marker');
    const rest = params.toString();
    const body: Record<string, unknown> = { images: page.map(toGlanceImage), first: rest === '' ? '/v2/images' : `/v2/images?${rest}` };
    const last = page[page.length - 1];
    if (rows.length > query.limit && last !== undefined) {
      params.append('marker', last.id);
      body.next = `/v2/images?${params.toString()}`;
    }
    body.schema = '/v2/schemas/images';
    return body;
  });

  app.post('/v2/images', { onRequest: requireContentType('application/json', {}, true) }, async (request, reply) => {
    const image = createImage(store, principalOf(request), request.body);
    return reply
      .code(201)
      .header('location', `${rootOf(request)}/v2/images/${image.id}`)
      .send(toGlanceImage(image));
  });

  app.get<IdRoute>('/v2/images/:id', async (request) => toGlanceImage(findVisible(store, principalOf(request), request.params.id)));

  app.patch<IdRoute>('/v2/images/:id', { onRequest: requireContentType(JSON_PATCH_TYPE, { 'accept-patch': JSON_PATCH_TYPE }) }, async (request) => {
    const principal = principalOf(request);
    const current = findVisible(store, principal, request.params.id);
    requireOwner(principal, current, 'modify_image');
    const next = applyImagePatch(principal, current, request.body);
    next.updated_at = store.now();
    store.saveMetadata(next);
    return toGlanceImage(store.get(next.id) ?? next);
  });

  app.delete<IdRoute>('/v2/images/:id', async (request, reply) => {
    const principal = principalOf(request);
    const image = findVisible(store, principal, request.params.id);
    requireOwner(principal, image, 'delete_image');
    if (image.protected) throw forbidden(`Image ${image.id} is protected and cannot be deleted.`);
    store.delete(image.id);
    await rm(store.blobPath(image.id), { force: true });
    return reply.code(204).send();
  });

  app.put<IdRoute>(
    '/v2/images/:id/file',
    { onRequest: requireContentType('application/octet-stream'), bodyLimit: Number.MAX_SAFE_INTEGER },
    async (request, reply) => {
      const principal = principalOf(request);
      const image = findVisible(store, principal, request.params.id);
      requireOwner(principal, image, 'upload_image');
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxImageBytes) throw tooLarge();
      await receiveImageData(store, image, request.raw, maxImageBytes);
      return reply.code(204).send();
    },
  );

  app.get<IdRoute>('/v2/images/:id/file', async (request, reply) => {
    const principal = principalOf(request);
    const image = findVisible(store, principal, request.params.id);
    if (image.status === 'deactivated' && !principal.isAdmin) {
      throw forbidden('The requested image has been deactivated. Image data download is forbidden.');
    }
    if (!store.hasData(image) || image.size === null) return reply.code(204).send();
    const plan = planDownload(request.headers.range, image.size);
    if (plan.status === 416) throw new GlanceError(416, 'Requested range not satisfiable', { 'content-range': plan.contentRange });
    reply.code(plan.status).header('content-type', 'application/octet-stream').header('content-length', String(plan.length));
    if (plan.status === 200) reply.header('content-md5', image.checksum ?? '');
    else reply.header('content-range', plan.contentRange);
    return reply.send(await openBlobRange(store.blobPath(image.id), plan, request.method === 'HEAD'));
  });

  const action = (name: 'deactivate' | 'reactivate', from: ImageStatus, to: ImageStatus) =>
    app.post<IdRoute>(`/v2/images/:id/actions/${name}`, async (request, reply) => {
      const principal = principalOf(request);
      const image = findVisible(store, principal, request.params.id);
      if (!principal.isAdmin && (!principal.canWrite || image.owner !== principal.projectId)) throw notAuthorized(name);
      if (image.status !== from && image.status !== to) throw forbidden(`Not allowed to ${name} image in status '${image.status}'`);
      // Already in the target state is a no-op 204, as in Glance.
      if (image.status === from) store.transition(image.id, [from], to);
      return reply.code(204).send();
    });
  action('deactivate', 'active', 'deactivated');
  action('reactivate', 'deactivated', 'active');

  return app;
}

/** Opens the store (tables, crash recovery, seed data once), then serves Glance v2 on its own port. */
export async function startVmImagesServer(context: ServiceContext): Promise<RunningService> {
  const store = new VmImageStore(context.db, blobDir(context.dataDir, 'vmImages'));
  store.recover();
  seedVmImages(store);
  const app = buildVmImagesApp({ store, tokens: context.tokens, maxImageBytes: context.maxImageBytes });
  // Uploads in flight may finish on close, within serve()'s grace period.
  return serve(app, context);
}
