import { REVISION_STATUSES, type RevisionRecord, type ServerlessContainerRecord } from '../../backends/serverless/types.js';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { isUuid } from '../../formats/uuid.js';
import { builder } from '../builder.js';
import { knownValue } from '../enum-values.js';
import { loadableNodeRef } from '../../overrides/loadable-node-ref.js';
import { registerNodeType } from '../global-id.js';
import { pageRequest, resolveOffsetConnection } from '../pagination.js';
import { upstream } from '../upstream.js';
import { RevisionStatusEnum } from './serverless-parts.js';
import { ServerlessContainer, specFields } from './serverless-container.js';

registerNodeType('ContainerRevision');

/** Revisions read per call when looking one up (the API has no get-one-revision route). */
const REVISION_ROWS = 100;
/** Pages read at most to find one revision or the serving one: 1,000 revisions back. */
const MAX_REVISION_PAGES = 10;

const revisionKey = (r: RevisionRecord) => `${r.containerId}/${r.number}`;

function parseRevisionKey(key: string): { containerId: string; number: number } | undefined {
  const [containerId, number, extra] = key.split('/');
  if (extra !== undefined || !containerId || !isUuid(containerId) || !/^[1-9]\d{0,8}$/.test(number ?? '')) return undefined;
  return { containerId, number: Number(number) };
}

/** Reads a container's revisions newest first, page by page, until `found` says stop. */
async function scanRevisions(context: Context, containerId: string, found: (r: RevisionRecord) => boolean): Promise<RevisionRecord | undefined> {
  for (let page = 1; page <= MAX_REVISION_PAGES; page++) {
    const result = await upstream(context.backends.serverless.revisions(context.call('serverless'), containerId, page, REVISION_ROWS));
    const hit = result.items.find(found);
    if (hit) return hit;
    if (!result.hasNext) return undefined;
  }
  return undefined;
}

export const ContainerRevision = loadableNodeRef('ContainerRevision', {
  id: { resolve: (revision: RevisionRecord) => revisionKey(revision) },
  load: (keys: string[], context: Context) =>
    Promise.all(
      keys.map(async (key) => {
        const parsed = parseRevisionKey(key);
        if (!parsed) return new NotFoundError(`No revision ${key}.`);
        try {
          return (await scanRevisions(context, parsed.containerId, (r) => r.number === parsed.number)) ?? new NotFoundError(`No revision ${key}.`);
        } catch (error) {
          return error as Error;
        }
      }),
    ),
  sort: revisionKey,
});

ContainerRevision.implement({
  description:
    'One revision of a serverless container: the spec one create or update deployed. The spec, status and serving flag come from services that send them (the embedded one does); others leave them null.',
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'Revision number: 1 for the create, one more for each update.' }),
    ...specFields(
      t,
      (r) =>
        r.spec ?? {
          image: r.image,
          cpu: null,
          ram: null,
          gpu: null,
          ephemeralStorage: null,
          command: null,
          arguments: null,
          env: [],
          port: null,
          desiredGPUs: null,
        },
    ),
    createdAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was created.', resolve: (r) => r.dateCreated }),
    status: t.field({
      type: RevisionStatusEnum,
      nullable: true,
      description: 'Where its deployment stands, when the service says.',
      resolve: (r) => (r.status === null ? null : knownValue(REVISION_STATUSES, r.status, 'revision status')),
    }),
    serving: t.exposeBoolean('serving', { nullable: true, description: 'Whether it is the revision that serves traffic, when the service says.' }),
    container: t.field({
      type: ServerlessContainer,
      description: 'The container it belongs to.',
      authScopes: { backend: 'serverless' },
      resolve: (r) => r.containerId,
    }),
  }),
});

/**
 * The revision that serves: the one marked `serving` when the service marks them; otherwise,
 * for a service that does not, the newest revision of a deployed container.
 */
async function activeRevision(container: ServerlessContainerRecord, context: Context): Promise<RevisionRecord | null> {
  let newest: RevisionRecord | undefined;
  const serving = await scanRevisions(context, container.id, (r) => {
    newest ??= r;
    return r.serving === true;
  });
  if (serving) return serving;
  if (newest && newest.serving === null && container.status === 'deployed') return newest;
  return null;
}

builder.objectFields(ServerlessContainer, (t) => ({
  revisions: t.connection(
    {
      type: ContainerRevision,
      description: 'Every revision, newest first.',
      authScopes: { backend: 'serverless' },
      resolve: async (container, args, context) => {
        const request = pageRequest('revisions', args, Math.min(context.config.maxPageSize, REVISION_ROWS));
        return resolveOffsetConnection<RevisionRecord>('revisions', request, async ({ page, perPage }) => {
          const result = await upstream(context.backends.serverless.revisions(context.call('serverless'), container.id, page, perPage));
          return result;
        });
      },
    },
    { name: 'ContainerRevisionConnection', description: 'A page of revisions.' },
    { name: 'ContainerRevisionEdge', description: 'A revision in a page, with its cursor.' },
  ),
  activeRevision: t.field({
    type: ContainerRevision,
    nullable: true,
    description: 'The revision serving traffic; null while none does (the first is still deploying, or every one failed).',
    authScopes: { backend: 'serverless' },
    resolve: (container, _args, context) => activeRevision(container, context),
  }),
}));
