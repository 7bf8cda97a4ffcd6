import { emptyResponse, jsonBody, jsonResponse, type OpenApiObject, parameterRef, pathParam, responseRef } from '../openapi.js';

/**
 * The OpenAPI path items of what hangs off an image or the API besides the image itself (its
 * tags and members), and the schema and info documents clients read first; openapi.ts spreads
 * them into the service's document.
 */
const TAG = 'images';

/** One membership, as Glance answers it. */
const MEMBER = {
  type: 'object',
  required: ['status', 'created_at', 'updated_at', 'image_id', 'member_id', 'schema'],
  properties: {
    status: { type: 'string', enum: ['pending', 'accepted', 'rejected'] },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
    image_id: { type: 'string', format: 'uuid' },
    member_id: { type: 'string' },
    schema: { type: 'string' },
  },
} as const;
const MEMBER_LIST = {
  type: 'object',
  required: ['members', 'schema'],
  properties: { members: { type: 'array', items: MEMBER }, schema: { type: 'string' } },
} as const;

export const SUB_RESOURCE_PATHS: Record<string, OpenApiObject> = {
  '/v2/images/{image_id}/tags/{tag}': {
    parameters: [parameterRef('ImageId'), pathParam('tag', { type: 'string', maxLength: 255 }, 'The tag.')],
    put: {
      operationId: 'addVmImageTag',
      tags: [TAG],
      summary: 'Add a tag',
      description: 'Adds one tag (already there: no change). Owner or admin.',
      responses: {
        '204': emptyResponse('Tagged.'),
        '400': responseRef('BadRequest'),
        '401': responseRef('Unauthorized'),
        '403': responseRef('Forbidden'),
        '404': responseRef('NotFound'),
        '500': responseRef('InternalError'),
      },
    },
    delete: {
      operationId: 'deleteVmImageTag',
      tags: [TAG],
      summary: 'Remove a tag',
      description: 'Removes one tag; a tag the image does not have is 404. Owner or admin.',
      responses: {
        '204': emptyResponse('Untagged.'),
        '401': responseRef('Unauthorized'),
        '403': responseRef('Forbidden'),
        '404': responseRef('NotFound'),
        '500': responseRef('InternalError'),
      },
    },
  },
  '/v2/images/{image_id}/members': {
    parameters: [parameterRef('ImageId')],
    get: {
      operationId: 'listVmImageMembers',
      tags: [TAG],
      summary: "List an image's members",
      description: 'The owner (or an admin) sees every member; a member sees its own membership.',
      responses: {
        '200': jsonResponse('The members.', MEMBER_LIST),
        '401': responseRef('Unauthorized'),
        '404': responseRef('NotFound'),
        '500': responseRef('InternalError'),
      },
    },
    post: {
      operationId: 'addVmImageMember',
      tags: [TAG],
      summary: 'Share an image with a project',
      description: 'Adds a project as a `pending` member of a `shared` image. Owner or admin; another visibility is 403, a member already there 409.',
      requestBody: jsonBody({ type: 'object', required: ['member'], properties: { member: { type: 'string' } } }, 'The project to share with.'),
      responses: {
        '200': jsonResponse('The new member.', MEMBER),
        '400': responseRef('BadRequest'),
        '401': responseRef('Unauthorized'),
        '403': responseRef('Forbidden'),
        '404': responseRef('NotFound'),
        '409': responseRef('Conflict'),
        '500': responseRef('InternalError'),
      },
    },
  },
  '/v2/images/{image_id}/members/{member_id}': {
    parameters: [parameterRef('ImageId'), pathParam('member_id', { type: 'string' }, 'The member project.')],
    get: {
      operationId: 'getVmImageMember',
      tags: [TAG],
      summary: 'Show a membership',
      description: 'The owner, an admin or the member itself.',
      responses: {
        '200': jsonResponse('The member.', MEMBER),
        '401': responseRef('Unauthorized'),
        '404': responseRef('NotFound'),
        '500': responseRef('InternalError'),
      },
    },
    put: {
      operationId: 'updateVmImageMember',
      tags: [TAG],
      summary: 'Accept or reject a share',
      description: 'The member itself sets its status: `pending`, `accepted` or `rejected`.',
      requestBody: jsonBody(
        { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['pending', 'accepted', 'rejected'] } } },
        'The new status.',
      ),
      responses: {
        '200': jsonResponse('The member.', MEMBER),
        '400': responseRef('BadRequest'),
        '401': responseRef('Unauthorized'),
        '403': responseRef('Forbidden'),
        '404': responseRef('NotFound'),
        '500': responseRef('InternalError'),
      },
    },
    delete: {
      operationId: 'deleteVmImageMember',
      tags: [TAG],
      summary: 'Stop sharing with a project',
      description: 'Owner or admin.',
      responses: {
        '204': emptyResponse('Removed.'),
        '401': responseRef('Unauthorized'),
        '403': responseRef('Forbidden'),
        '404': responseRef('NotFound'),
        '500': responseRef('InternalError'),
      },
    },
  },
  ...Object.fromEntries(
    ['image', 'images', 'member', 'members'].map((name) => [
      `/v2/schemas/${name}`,
      {
        get: {
          operationId: `getVmImageSchema${name[0]!.toUpperCase()}${name.slice(1)}`,
          tags: [TAG],
          summary: `The ${name} schema`,
          description: `Glance 25.1's JSON Schema of ${name === 'image' || name === 'member' ? `one ${name}` : `a ${name.slice(0, -1)} list`}, which python-glanceclient reads first.`,
          responses: {
            '200': jsonResponse('The schema document.', { type: 'object', additionalProperties: true }),
            '401': responseRef('Unauthorized'),
            '500': responseRef('InternalError'),
          },
        },
      },
    ]),
  ),
  '/v2/info/import': {
    get: {
      operationId: 'getVmImageImportInfo',
      tags: [TAG],
      summary: 'Import methods',
      description: 'The import methods a single-store Glance lists.',
      responses: {
        '200': jsonResponse('The import methods.', { type: 'object', additionalProperties: true }),
        '401': responseRef('Unauthorized'),
        '500': responseRef('InternalError'),
      },
    },
  },
};
