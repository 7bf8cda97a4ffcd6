import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { CI_PAGE_SIZE } from '../../backends/ci-images/client.js';
import type { CiImageRecord } from '../../backends/ci-images/types.js';
import type { VmImageRecord } from '../../backends/vm-images/types.js';
import type { Context } from '../../context.js';
import { InvalidInputError } from '../../errors.js';
import { builder } from '../builder.js';
import { CiImage } from '../ci-images/ci-image.js';
import { fromBackendError, upstream } from '../upstream.js';
import { VmImage } from '../vm-images/vm-image.js';
import { ImageInterface, ImageSourceEnum, type ImageSource } from './image-interface.js';
import { decodeMergeCursor, mergePage, type MergeSource } from './merge-pages.js';

/**
 * `images`: VM images and CI images as one list, newest first. Both services list newest first,
 * so the merge only has to interleave them (merge-pages.ts); the cursor carries a VM image
 * marker and a CI image offset.
 */

type Tagged = (VmImageRecord & { source: 'vmImages' }) | (CiImageRecord & { source: 'ciImages' });

/** Pages read from one source for one page of `images`, at most (a name filter may skip many). */
const MAX_SCAN_PAGES = 20;
const VM_SCAN_PAGE = 100;

const time = (i: Tagged) => (i.createdAt ? Date.parse(i.createdAt) : 0);

function vmSource(context: Context, name: string | undefined): MergeSource<Tagged, unknown> {
  const needle = name?.toLowerCase();
  return {
    key: 'vmImages',
    async read(position, count) {
      const items: Array<{ item: Tagged; position: unknown }> = [];
      let marker = typeof position === 'string' ? position : undefined;
      for (let page = 0; page < MAX_SCAN_PAGES; page++) {
        // Glance filters names only exactly: a substring filter reads whole pages and keeps matches.
        const limit = needle ? VM_SCAN_PAGE : count;
        const result = await upstream(context.backends.vmImages.list(context.call('vmImages'), { limit, ...(marker ? { marker } : {}) }));
        for (const image of result.images) {
          marker = image.id;
          if (needle && !(image.name ?? '').toLowerCase().includes(needle)) continue;
          if (items.length === count) return { items, more: true };
          VmImage.getDataloader(context).prime(image.id, image);
          items.push({ item: { ...image, source: 'vmImages' }, position: image.id });
        }
        if (!result.hasNext || items.length === count) return { items, more: result.hasNext };
      }
      return { items, more: true };
    },
  };
}

function ciSource(context: Context, name: string | undefined): MergeSource<Tagged, unknown> {
  return {
    key: 'ciImages',
    async read(position, count) {
      const offset = typeof position === 'number' && Number.isInteger(position) && position >= 0 ? position : 0;
      const items: Array<{ item: Tagged; position: unknown }> = [];
      let page = Math.floor(offset / CI_PAGE_SIZE) + 1;
      let skip = offset % CI_PAGE_SIZE;
      for (let read = 0; read < MAX_SCAN_PAGES; read++, page++, skip = 0) {
        const result = await upstream(context.backends.ciImages.list(context.call('ciImages'), { page, ...(name ? { search: name } : {}) }));
        for (const [i, image] of result.images.entries()) {
          if (i < skip) continue;
          if (items.length === count) return { items, more: true };
          CiImage.getDataloader(context).prime(String(image.id), image);
          items.push({ item: { ...image, source: 'ciImages' }, position: (page - 1) * CI_PAGE_SIZE + i + 1 });
        }
        if (!result.hasNext || items.length === count) return { items, more: result.hasNext };
      }
      return { items, more: true };
    },
  };
}

const ImageFilter = builder.inputType('ImageFilter', {
  description: 'Which images `images` lists.',
  fields: (t) => ({
    name: t.string({ description: 'Only images whose name contains this text (case-insensitive).', validate: z.string().min(1).max(255) }),
    sources: t.field({ type: [ImageSourceEnum], description: 'Only images from these services (default: both).' }),
  }),
});

builder.queryField('images', (t) =>
  t.connection(
    {
      type: ImageInterface,
      nullable: true,
      description:
        'VM images and CI images in one list, newest first. The cursor keeps each service\'s own position, so paging reads every image once. When one service fails, the other\'s images still come, with an error naming the failed source.',
      args: { filter: t.arg({ type: ImageFilter, description: 'Name and source filters.' }) },
      resolve: async (_root, args, context, info) => {
        if (args.last != null || args.before != null) throw new InvalidInputError('images pages forward only: use first and after.');
        const first = args.first ?? 25;
        if (first < 0 || first > context.config.maxPageSize) {
          throw new InvalidInputError(`first: must be between 0 and ${context.config.maxPageSize}.`, { fields: [{ path: ['first'], message: `must be between 0 and ${context.config.maxPageSize}` }] });
        }
        const after = args.after ? decodeMergeCursor(args.after) : {};
        if (!after) throw new InvalidInputError('after: not a cursor of images.', { fields: [{ path: ['after'], message: 'not a cursor of this list' }] });
        const wanted = new Set<ImageSource>((args.filter?.sources as ImageSource[] | null | undefined) ?? ['vmImages', 'ciImages']);
        const name = args.filter?.name ?? undefined;
        const sources = [
          ...(wanted.has('vmImages') && context.credentials.present.has('vmImages') ? [vmSource(context, name)] : []),
          ...(wanted.has('ciImages') && context.credentials.present.has('ciImages') ? [ciSource(context, name)] : []),
        ];
        const page = await mergePage(sources, after, first, (a, b) => time(a) > time(b));
        for (const { source, error } of page.failed) {
          const mapped = fromBackendError(error) as GraphQLError;
          context.extraErrors.push(
            new GraphQLError(`images: the ${source} source failed; its images are missing from this page. ${mapped.message}`, {
              path: info.path.key !== undefined ? [String(info.path.key)] : ['images'],
              extensions: { ...mapped.extensions, source },
            }),
          );
        }
        if (page.failed.length === sources.length && sources.length > 0) throw page.failed[0]!.error instanceof Error ? fromBackendError(page.failed[0]!.error) : new Error('images failed');
        return {
          edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node })),
          pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: args.after != null, startCursor: page.edges[0]?.cursor ?? null, endCursor: page.edges.at(-1)?.cursor ?? null },
        };
      },
    },
    { name: 'ImageConnection', description: 'A page of images from both image services.' },
    { name: 'ImageEdge', description: 'An image in a page, with its cursor.' },
  ),
);
