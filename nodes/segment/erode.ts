import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { morphology2d } from '../../src/imaging/morphology';
import { mapMaskPlanes } from '../../src/imaging/planes';

export const erodeMask = defineNode({
  type: 'erode',
  version: 1,
  category: 'Segment',
  label: 'Erode mask',
  description:
    'Shrinks the objects of a mask: a pixel stays foreground only if every pixel of the footprint around it is foreground. Removes specks smaller than the footprint and thin connections; objects shrink by about Radius pixels. Footprint: "disk" = every (dx, dy) with dx² + dy² ≤ radius² (skimage.morphology.disk; radius 1 = the ' +
    '5-pixel cross), "square" = the (2·radius + 1)² square (skimage.morphology.square). Pixels beyond the image border count as foreground (so objects touching the border are not eaten from it), as skimage. Same result as ' +
    'skimage.morphology.binary_erosion(mask, footprint). Each plane of a stack on its own. For grey images use Grey morphology.',
  inputs: { mask: port.mask() },
  outputs: { mask: port.mask() },
  params: z.object({
    shape: z.enum(['disk', 'square']).default('disk').meta({ label: 'Footprint', description: 'Disk or square neighbourhood.' }),
    radius: z.number().int().min(1).max(100).default(1).meta({ label: 'Radius', unit: 'px', description: 'Radius of the disk, or half the square\'s side.' }),
  }),
  run: ({ mask }, { shape, radius }) => ({
    mask: mapMaskPlanes(mask, (plane, width, height) => morphology2d('erode', plane, width, height, shape, radius) as Uint8Array),
  }),
});
