import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { mapMaskPlanes } from '../../src/imaging/planes';
import { removeSmallHoles as fillSmallHoles } from '../../src/imaging/remove-small-holes';

export const removeSmallHoles = defineNode({
  type: 'remove-small-holes',
  version: 1,
  category: 'Segment',
  label: 'Remove small holes',
  aliases: ['RemoveHoles', 'Fill Holes (by size)'],
  description:
    'Fills holes smaller than Area: every connected region of background with fewer than Area pixels becomes ' +
    'foreground; larger holes stay open (unlike Fill holes, which fills every enclosed hole). Background regions are ' +
    'joined through edges only (connectivity 4) or also through corners (8). As skimage.morphology.remove_small_holes ' +
    '(0.19), a small background region touching the image edge is filled too. Each plane on its own.',
  inputs: { mask: port.mask() },
  outputs: { mask: port.mask() },
  params: z.object({
    area: z.number().int().min(1).max(1e9).default(64).meta({ label: 'Area', unit: 'px', description: 'Holes with fewer pixels are filled.' }),
    connectivity: z
      .enum(['4', '8'])
      .default('4')
      .meta({ label: 'Hole connectivity', description: '4: background pixels join through edges; 8: also through corners.' }),
  }),
  run: ({ mask }, { area, connectivity }) => ({
    mask: mapMaskPlanes(mask, (plane, w, h) => fillSmallHoles(plane, w, h, area, connectivity === '4' ? 1 : 2)),
  }),
});
