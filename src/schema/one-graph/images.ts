import { z } from 'zod';
import { CI_PAGE_SIZE } from '../../backends/ci-images/client.js';
import type { CiImageRecord } from '../../backends/ci-images/types.js';
import type { VmImageRecord } from '../../backends/vm-images/types.js';
import type { Context } from '../../context.js';
import { builder } from '../builder.js';
import { CiImage } from '../ci-images/ci-image.js';
import { upstream } from '../upstream.js';
import { VmImage } from '../vm-images/vm-image.js';
import { ImageInterface, ImageSourceEnum, type ImageSource } from './image-interface.js';
import { offsetSource, type MergeSource } from './merge-pages.js';
import { resolveMergedConnection } from './merged-connection.js';

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
  return offsetSource<Tagged>('ciImages', CI_PAGE_SIZE, async (page) => {
    const result = await upstream(context.backends.ciImages.list(context.call('ciImages'), { page, ...(name ? { search: name } : {}) }));
    for (const image of result.images) CiImage.getDataloader(context).prime(String(image.id), image);
    return { items: result.images.map((image) => ({ ...image, source: 'ciImages' as const })), hasNext: result.hasNext };
  });
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
        "VM images and CI images in one list, newest first. The cursor keeps each service's own position, so paging reads every image once. When one service fails, the other's images still come, with an error naming the failed source.",
      args: { filter: t.arg({ type: ImageFilter, description: 'Name and source filters.' }) },
      resolve: async (_root, args, context, info) => {
        const wanted = new Set<ImageSource>((args.filter?.sources as ImageSource[] | null | undefined) ?? ['vmImages', 'ciImages']);
        const name = args.filter?.name ?? undefined;
        const sources = [
          ...(wanted.has('vmImages') && context.credentials.present.has('vmImages') ? [vmSource(context, name)] : []),
          ...(wanted.has('ciImages') && context.credentials.present.has('ciImages') ? [ciSource(context, name)] : []),
        ];
        return resolveMergedConnection('images', args, context, info, sources, (a, b) => time(a) > time(b));
      },
    },
    { name: 'ImageConnection', description: 'A page of images from both image services.' },
    { name: 'ImageEdge', description: 'An image in a page, with its cursor.' },
  ),
);
