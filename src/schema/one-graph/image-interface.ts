import { builder } from '../builder.js';

/** Where an image lives: which service `images` took it from. */
export const ImageSourceEnum = builder.enumType('ImageSource', {
  description: 'The service an image comes from.',
  values: {
    VM_IMAGES: { value: 'vmImages', description: 'The VM image service (Glance v2).' },
    CI_IMAGES: { value: 'ciImages', description: 'The CI image service (Djinn CI).' },
  },
});

export type ImageSource = 'vmImages' | 'ciImages';

/** What every image has, whichever service holds it. */
export interface ImageShape {
  id: string | number;
  name: string | null;
  createdAt: string | null;
}

export const ImageInterface = builder.interfaceRef<ImageShape>('Image').implement({
  description: 'A disk image, from the VM image service or the CI image service.',
  interfaces: [builder.nodeInterfaceRef()],
  // VM image ids are UUID strings, CI image ids integers.
  resolveType: (image) => (typeof image.id === 'number' ? 'CiImage' : 'VmImage'),
  fields: (t) => ({
    name: t.string({ nullable: true, description: 'Image name.', resolve: (i) => i.name }),
    createdAt: t.field({ type: 'DateTime', nullable: true, description: 'When the image was created.', resolve: (i) => i.createdAt }),
  }),
});
