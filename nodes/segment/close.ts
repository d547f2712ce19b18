import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { morphology2d } from '../../src/imaging/morphology';
import { mapMaskPlanes } from '../../src/imaging/planes';

export const closeMask = defineNode({
  type: 'close',
  version: 1,
  category: 'Segment',
  label: 'Close mask',
  description:
    'Dilation then erosion with the same footprint: fills small holes and gaps and smooths concave outlines narrower than the footprint, while objects keep their size. Footprint: "disk" = every (dx, dy) with dx² + dy² ≤ radius² (skimage.morphology.disk; radius 1 = the ' +
    '5-pixel cross), "square" = the (2·radius + 1)² square (skimage.morphology.square). Beyond the border: background for the dilation, foreground for the erosion, as skimage (so a gap at the border can close too). Same result as ' +
    'skimage.morphology.binary_closing(mask, footprint). Each plane of a stack on its own. For grey images use Grey morphology.',
  inputs: { mask: port.mask() },
  outputs: { mask: port.mask() },
  params: z.object({
    shape: z.enum(['disk', 'square']).default('disk').meta({ label: 'Footprint', description: 'Disk or square neighbourhood.' }),
    radius: z.number().int().min(1).max(100).default(1).meta({ label: 'Radius', unit: 'px', description: 'Radius of the disk, or half the square\'s side.' }),
  }),
  run: ({ mask }, { shape, radius }) => ({
    mask: mapMaskPlanes(mask, (plane, width, height) => morphology2d('close', plane, width, height, shape, radius) as Uint8Array),
  }),
});
