import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rootOf } from '../http.js';
import { IMAGE_SCHEMA, IMAGES_SCHEMA, MEMBER_SCHEMA, MEMBERS_SCHEMA } from './glance-schemas.js';

/**
 * What a client reads before it does anything: the API versions (without credentials), the
 * schema documents python-glanceclient builds its models from, and the `info` documents.
 */

/** The versions Glance 25.1 lists, newest first. */
const VERSIONS: ReadonlyArray<[string, string]> = [
  ['v2.15', 'CURRENT'],
  ...['v2.9', 'v2.7', 'v2.6', 'v2.5', 'v2.4', 'v2.3', 'v2.2', 'v2.1', 'v2.0'].map((id): [string, string] => [id, 'SUPPORTED']),
];

function versions(request: FastifyRequest): unknown {
  const href = `${rootOf(request)}/v2/`;
  return { versions: VERSIONS.map(([id, status]) => ({ id, status, links: [{ rel: 'self', href }] })) };
}

const SCHEMAS: Record<string, unknown> = { image: IMAGE_SCHEMA, images: IMAGES_SCHEMA, member: MEMBER_SCHEMA, members: MEMBERS_SCHEMA };

/** The import methods a single-store Glance offers by default. */
const IMPORT_METHODS = {
  'import-methods': { description: 'Import methods available.', type: 'array', value: ['glance-direct', 'web-download', 'copy-image'] },
};

export function registerDiscoveryRoutes(app: FastifyInstance): void {
  app.get('/versions', async (request) => versions(request));
  app.get('/', async (request, reply) => reply.code(300).send(versions(request)));
  for (const [name, schema] of Object.entries(SCHEMAS)) app.get(`/v2/schemas/${name}`, async () => schema);
  app.get('/v2/info/import', async () => IMPORT_METHODS);
  // `/v2/info/stores` is not served: one store, as a Glance without `enabled_backends` has
  // (server.ts's known paths answer its 404 in Glance's words).
}
