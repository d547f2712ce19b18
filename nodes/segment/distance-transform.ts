import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { distanceTransformEdt } from '../../src/imaging/distance-transform';
import { mapMaskPlanesToImage } from '../../src/imaging/planes';

export const distanceTransform = defineNode({
  type: 'distance-transform',
  version: 1,
  category: 'Segment',
  label: 'Distance transform',
  aliases: ['Distance Map', 'EDM'],
  description:
    'For every foreground pixel of the mask, the exact Euclidean distance to the nearest background pixel ' +
    '(background pixels get 0); the image edge is not background, so objects cut by the edge are measured only ' +
    'from their inner outline. Same values as scipy.ndimage.distance_transform_edt (Maurer\'s linear-time ' +
    'algorithm). Units: pixels, or µm (the image\'s pixel size, x and y may differ) with "calibrated". Peaks of the ' +
    'distance mark object centres (used to split touching nuclei). Output 32-bit float; each plane on its own.',
  inputs: { mask: port.mask() },
  outputs: { image: port.image({ label: 'Distance' }) },
  params: z.object({
    units: z
      .enum(['pixels', 'calibrated'])
      .default('pixels')
      .meta({ label: 'Units', description: 'Pixels, or the pixel size\'s unit (needs an image with a pixel size).' }),
  }),
  run: ({ mask }, { units }) => {
    const size = mask.meta.pixelSize;
    if (units === 'calibrated' && !size) {
      throw new UserError('distance-transform: units "calibrated" needs a pixel size, and this mask\'s image has none: use "pixels"');
    }
    const sampling = units === 'calibrated' && size ? { y: size.y, x: size.x } : undefined;
    const image = mapMaskPlanesToImage(mask, 'float32', (plane, w, h) => distanceTransformEdt(plane, w, h, sampling));
    if (sampling) image.meta.extra.units = size!.unit;
    return { image };
  },
});
