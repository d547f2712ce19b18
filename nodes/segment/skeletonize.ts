import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { mapMaskPlanes } from '../../src/imaging/planes';
import { skeletonize as thin } from '../../src/imaging/skeletonize';

export const skeletonize = defineNode({
  type: 'skeletonize',
  version: 1,
  category: 'Segment',
  label: 'Skeletonize',
  aliases: ['MorphologicalSkeleton', 'Skeletonize'],
  description:
    'Thins every object of the mask to a one-pixel-wide, 8-connected centre line that keeps its topology (branches, ' +
    'loops around holes), by Zhang–Suen thinning as skimage.morphology.skeletonize on 2-D images (0.19). Pixels ' +
    'beyond the edge count as background. For neurites, filaments and vessel networks (count pixels of the ' +
    'skeleton for a length in pixels). Each plane on its own.',
  inputs: { mask: port.mask() },
  outputs: { mask: port.mask() },
  params: z.object({}),
  run: ({ mask }) => ({ mask: mapMaskPlanes(mask, (plane, w, h) => thin(plane, w, h)) }),
});
