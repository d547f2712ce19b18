import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { fillHoles as fillMaskHoles } from '../../src/imaging/fill-holes';

export const fillHoles = defineNode({
  type: 'fill-holes',
  version: 1,
  category: 'Segment',
  label: 'Fill holes',
  aliases: ['Fill Holes', 'RemoveHoles'],
  description:
    'Fills the holes inside objects: background pixels that cannot reach the image border through ' +
    'background (moving up, down, left or right, i.e. 4-connected) become foreground. Background touching ' +
    'the border is never filled, so a hole in an object cut by the border stays open. Same result as ' +
    'scipy.ndimage.binary_fill_holes; each 2-D plane is filled on its own.',
  inputs: { mask: port.mask() },
  outputs: { mask: port.mask() },
  params: z.object({}),
  run: ({ mask }) => ({ mask: fillMaskHoles(mask) }),
});
