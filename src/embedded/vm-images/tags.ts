import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../principals.js';
import { requireOwner } from './access.js';
import { badRequest, GlanceError } from './errors.js';
import type { VmImageStore } from './store.js';

/** One tag at a time (`PUT`/`DELETE /v2/images/{id}/tags/{tag}`), as openstacksdk adds them. */
type TagRoute = { Params: { id: string; tag: string } };

export function registerTagRoutes(app: FastifyInstance, store: VmImageStore, principalOf: (request: FastifyRequest) => Principal): void {
  /** The image the caller may tag; Glance words a missing image its own way here. */
  const taggable = (request: FastifyRequest<TagRoute>) => {
    const principal = principalOf(request);
    const image = store.get(request.params.id);
    if (!image || !store.canSee(principal, image)) throw new GlanceError(404, `Image ${request.params.id} not found.`);
    requireOwner(principal, image, 'modify_image');
    return image;
  };

  app.put<TagRoute>('/v2/images/:id/tags/:tag', async (request, reply) => {
    const image = taggable(request);
    if (request.params.tag.length > 255) throw badRequest(`Provided object does not match schema 'image': '${request.params.tag}' is too long`);
    store.setTag(image.id, request.params.tag, true);
    return reply.code(204).send();
  });

  app.delete<TagRoute>('/v2/images/:id/tags/:tag', async (request, reply) => {
    const image = taggable(request);
    if (!image.tags.includes(request.params.tag)) throw new GlanceError(404, 'The resource could not be found.');
    store.setTag(image.id, request.params.tag, false);
    return reply.code(204).send();
  });
}
