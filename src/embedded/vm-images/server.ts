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
import { registerDiscoveryRoutes } from './discovery.js';
import {
  badRequest,
  forbidden,
  GlanceError,
  installGlanceErrors,
  JSON_PATCH_TYPE,
  JSON_PATCH_TYPES,
  ACCEPT_PATCH,
  type KnownPath,
  unauthorized,
  unsupportedMediaType,
} from './errors.js';
import { toGlanceImage, type ImageStatus } from './image.js';
import { parseListQuery } from './list-query.js';
import { VM_IMAGES_OPENAPI } from './openapi.js';
import { registerMemberRoutes } from './members.js';
import { applyImagePatch } from './patch.js';
import { seedVmImages } from './seed.js';
import { VmImageStore } from './store.js';
import { registerTagRoutes } from './tags.js';
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
  { pattern: /^\/v2\/images\/[^/]+\/tags\/[^/]+$/, methods: ['PUT', 'DELETE'] },
  { pattern: /^\/v2\/images\/[^/]+\/members\/?$/, methods: ['GET', 'POST'] },
  { pattern: /^\/v2\/images\/[^/]+\/members\/[^/]+$/, methods: ['GET', 'PUT', 'DELETE'] },
  { pattern: /^\/v2\/schemas\/(image|images|member|members)$/, methods: ['GET'] },
  { pattern: /^\/v2\/info\/import$/, methods: ['GET'] },
  { pattern: /^\/v2\/info\/stores$/, methods: [], missing: 'Multi backend is not supported at this site.' },
  { pattern: /^\/versions$/, methods: ['GET'] },
  { pattern: /^\/openapi\.json$/, methods: ['GET'] },
];
const UNAUTHENTICATED_PATHS = new Set(['/', '/versions', OPENAPI_PATH]);

function mediaType(request: FastifyRequest): string | undefined {
  return request.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
}

/** A route hook: 415 unless the body has one of `types` (Glance checks the type before looking at the image). */
function requireContentType(types: readonly string[], headers: Record<string, string> = {}) {
  return async (request: FastifyRequest): Promise<void> => {
    const actual = mediaType(request);
    if (actual === undefined || !types.includes(actual)) throw unsupportedMediaType(actual, headers);
  };
}

/** A create's body: Glance reads it as JSON whatever its media type says. */
function createBody(request: FastifyRequest): unknown {
  if (typeof request.body !== 'string') return request.body;
  if (request.body === '') return undefined;
  try {
    return JSON.parse(request.body);
  } catch {
    throw badRequest('Malformed JSON in request body.');
  }
}

/** Builds the Glance v2 app: hooks for request id and auth, then the routes. Does not listen. */
export function buildVmImagesApp(options: VmImagesAppOptions): FastifyInstance {
  const { store, tokens, maxImageBytes } = options;
  const app = createServiceApp();
  const principals = new WeakMap<FastifyRequest, Principal>();
  const principalOf = (request: FastifyRequest): Principal => principals.get(request)!;

  installGlanceErrors(app, KNOWN_PATHS);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', ...JSON_PATCH_TYPES], { parseAs: 'string' }, (_request, text, done) => {
    if (text === '') return done(badRequest('Body expected in request.'), undefined);
    try {
      done(null, JSON.parse(text as string));
    } catch {
      done(badRequest('Malformed JSON in request body.'), undefined);
    }
  });
  // Image data is streamed by the upload handler itself; the parser leaves the request unread.
  app.addContentTypeParser('application/octet-stream', (_request, _payload, done) => done(null, undefined));
  // Any other type reaches its route as text: a create reads it as JSON (as Glance does), the rest refuse it by type.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, text, done) => done(null, text));

  installRequestId(app, 'x-openstack-request-id', () => `req-${randomUUID()}`);
  // Glance (webob) names JSON without a charset; Fastify would add one.
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/json;')) reply.header('content-type', 'application/json');
    return payload;
  });
  app.addHook('onRequest', async (request) => {
    if (UNAUTHENTICATED_PATHS.has(pathOf(request))) return;
    const token = request.headers['x-auth-token'];
    const principal = principalForToken(tokens, typeof token === 'string' ? token : undefined);
    if (principal === undefined) throw unauthorized();
    principals.set(request, principal);
  });

  registerDiscoveryRoutes(app);
  registerTagRoutes(app, store, principalOf);
  registerMemberRoutes(app, store, principalOf);
  // This API's OpenAPI document, without credentials: an extension (openapi.ts).
  serveOpenApi(app, VM_IMAGES_OPENAPI);

  app.get('/v2/images', async (request) => {
    const params = queryOf(request);
    const query = parseListQuery(params);
    const page = store.list(principalOf(request), query).slice(0, query.limit);
    // Links repeat the whole query (Glance keeps only the last of a repeated key: README.md).
    const link = new URLSearchParams(params);
    link.delete('marker');
    const rest = link.toString();
    const body: Record<string, unknown> = { images: page.map(toGlanceImage), first: rest === '' ? '/v2/images' : `/v2/images?${rest}` };
    // A full page has a next link, as on Glance, even when nothing follows it.
    const last = page[page.length - 1];
    if (page.length === query.limit && last !== undefined) {
      link.append('marker', last.id);
      body.next = `/v2/images?${link.toString()}`;
    }
    body.schema = '/v2/schemas/images';
    return body;
  });

  app.post('/v2/images', async (request, reply) => {
    const image = createImage(store, principalOf(request), createBody(request));
    return reply
      .code(201)
      .header('location', `${rootOf(request)}/v2/images/${image.id}`)
      .send(toGlanceImage(image));
  });

  app.get<IdRoute>('/v2/images/:id', async (request) => toGlanceImage(findVisible(store, principalOf(request), request.params.id)));

  app.patch<IdRoute>('/v2/images/:id', { onRequest: requireContentType(JSON_PATCH_TYPES, { 'accept-patch': ACCEPT_PATCH }) }, async (request) => {
    const principal = principalOf(request);
    const current = findVisible(store, principal, request.params.id);
    requireOwner(principal, current, 'modify_image');
    const next = applyImagePatch(principal, current, request.body, mediaType(request) === JSON_PATCH_TYPE);
    next.updated_at = store.now();
    store.saveMetadata(next);
    return toGlanceImage(store.get(next.id) ?? next);
  });

  app.delete<IdRoute>('/v2/images/:id', async (request, reply) => {
    const principal = principalOf(request);
    const image = findVisible(store, principal, request.params.id, (id) => `Failed to find image ${id} to delete`);
    requireOwner(principal, image, 'delete_image');
    if (image.protected) throw forbidden(`Image ${image.id} is protected and cannot be deleted.`);
    store.delete(image.id);
    await rm(store.blobPath(image.id), { force: true });
    return reply.code(204).send();
  });

  app.put<IdRoute>(
    '/v2/images/:id/file',
    { onRequest: requireContentType(['application/octet-stream']), bodyLimit: Number.MAX_SAFE_INTEGER },
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
    if (plan.status === 416) {
      const detail = `Invalid start position in Range header. Start position MUST be in the inclusive range [0, ${image.size - 1}].`;
      throw new GlanceError(416, detail, {}, 'detail');
    }
    // Content-MD5 is the whole image's, on a part too (as Glance sends it).
    reply.code(plan.status).header('content-type', 'application/octet-stream').header('content-length', String(plan.length));
    reply.header('content-md5', image.checksum ?? '');
    if (plan.status === 206) reply.header('content-range', plan.contentRange);
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
