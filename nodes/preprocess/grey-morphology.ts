import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { morphology2d } from '../../src/imaging/morphology';
import { mapSlices } from '../../src/imaging/per-slice';

export const greyMorphology = defineNode({
  type: 'grey-morphology',
  version: 1,
  category: 'Preprocess',
  label: 'Grey morphology',
  aliases: ['Morph', 'Gray Morphology'],
  description: [
    'Grey-level erosion, dilation, opening or closing with a flat footprint, as skimage.morphology.erosion / ' +
      'dilation / opening / closing (0.19):',
    '- erode: each pixel becomes the minimum over the footprint (bright objects shrink, dark gaps widen);',
    '- dilate: the maximum (bright objects grow);',
    '- open: erode then dilate — removes bright details smaller than the footprint;',
    '- close: dilate then erode — removes dark details smaller than the footprint.',
    'Footprint: "disk" = every (dx, dy) with dx² + dy² ≤ radius² (skimage.morphology.disk), "square" = the ' +
      '(2·radius + 1)² square. Pixels beyond the border are ignored (equal to skimage\'s reflect mode for these ' +
      'footprints). The pixel type is kept; each 2-D plane and channel on its own. For masks use Erode/Dilate/Open/Close mask.',
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    operation: z.enum(['erode', 'dilate', 'open', 'close']).default('open').meta({ label: 'Operation', description: 'Minimum, maximum, opening or closing.' }),
    shape: z.enum(['disk', 'square']).default('disk').meta({ label: 'Footprint', description: 'Disk or square neighbourhood.' }),
    radius: z.number().int().min(1).max(100).default(2).meta({ label: 'Radius', unit: 'px', description: 'Radius of the disk, or half the square\'s side.' }),
  }),
  run: ({ image }, { operation, shape, radius }) => ({
    image: mapSlices(image, image.dtype, (input, width, height, output) => {
      output.set(morphology2d(operation, input, width, height, shape, radius));
    }),
  }),
});
