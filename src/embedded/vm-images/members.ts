import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../principals.js';
import { formatRfc3339Seconds } from '../time.js';
import { findVisible, notAuthorized } from './access.js';
import { badRequest, conflict, forbidden, GlanceError } from './errors.js';
import { MEMBER_STATUSES } from './image.js';
import type { MemberRecord, VmImageStore } from './store.js';

/**
 * An image's members (`/v2/images/{id}/members`): the owner shares a `shared` image with
 * another project, which then accepts or rejects it. Glance's default rules: the owner (or an
 * admin) adds, lists and removes members; only the member itself sets its status; a member sees
 * its own membership.
 */
type MemberRoute = { Params: { id: string; member: string } };

const toGlanceMember = (member: MemberRecord) => ({
  status: member.status,
  created_at: formatRfc3339Seconds(member.created_at),
  updated_at: formatRfc3339Seconds(member.updated_at),
  image_id: member.image_id,
  member_id: member.member_project,
  schema: '/v2/schemas/member',
});

const memberNotFound = (image: string, member: string) => new GlanceError(404, `${member} not found in the member list of the image ${image}.`);

function bodyField(body: unknown, field: string): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest(`Request body must be a JSON object with "${field}".`);
  const value = (body as Record<string, unknown>)[field];
  if (value === undefined) throw badRequest(`"${field}" is a required property`);
  return value;
}

export function registerMemberRoutes(app: FastifyInstance, store: VmImageStore, principalOf: (request: FastifyRequest) => Principal): void {
  const ownerOrAdmin = (principal: Principal, owner: string | null) => principal.isAdmin || (principal.canWrite && owner === principal.projectId);

  app.post<MemberRoute>('/v2/images/:id/members', async (request) => {
    const principal = principalOf(request);
    const image = findVisible(store, principal, request.params.id);
    if (!ownerOrAdmin(principal, image.owner)) throw notAuthorized('add_member');
    if (image.visibility !== 'shared') throw forbidden('Only shared images have members.');
    const member = bodyField(request.body, 'member');
    if (typeof member !== 'string' || member.length === 0 || member.length > 255) throw badRequest(`Invalid member: ${JSON.stringify(member)}`);
    if (store.member(image.id, member)) throw conflict(`Member ${member} is duplicated for image ${image.id}`);
    store.addMember(image.id, member, 'pending');
    return toGlanceMember(store.member(image.id, member)!);
  });

  app.get<MemberRoute>('/v2/images/:id/members', async (request) => {
    const principal = principalOf(request);
    const image = findVisible(store, principal, request.params.id);
    const all = store.members(image.id);
    const members = ownerOrAdmin(principal, image.owner) ? all : all.filter((member) => member.member_project === principal.projectId);
    return { members: members.map(toGlanceMember), schema: '/v2/schemas/members' };
  });

  app.get<MemberRoute>('/v2/images/:id/members/:member', async (request) => {
    const principal = principalOf(request);
    const image = findVisible(store, principal, request.params.id);
    const member = store.member(image.id, request.params.member);
    const mayRead = ownerOrAdmin(principal, image.owner) || request.params.member === principal.projectId;
    if (!member || !mayRead) throw memberNotFound(image.id, request.params.member);
    return toGlanceMember(member);
  });

  app.put<MemberRoute>('/v2/images/:id/members/:member', async (request) => {
    const principal = principalOf(request);
    const image = findVisible(store, principal, request.params.id);
    const member = store.member(image.id, request.params.member);
    if (!member) throw memberNotFound(image.id, request.params.member);
    if (request.params.member !== principal.projectId || !principal.canWrite) throw notAuthorized('modify_member');
    const status = bodyField(request.body, 'status');
    if (typeof status !== 'string' || !MEMBER_STATUSES.includes(status as never) || status === 'all') {
      throw badRequest('Incorrect request: Status must be "pending", "accepted" or "rejected".');
    }
    store.setMemberStatus(image.id, member.member_project, status as MemberRecord['status']);
    return toGlanceMember(store.member(image.id, member.member_project)!);
  });

  app.delete<MemberRoute>('/v2/images/:id/members/:member', async (request, reply) => {
    const principal = principalOf(request);
    const image = findVisible(store, principal, request.params.id);
    if (!ownerOrAdmin(principal, image.owner)) throw notAuthorized('delete_member');
    if (!store.member(image.id, request.params.member)) throw memberNotFound(image.id, request.params.member);
    store.removeMember(image.id, request.params.member);
    return reply.code(204).send();
  });
}
