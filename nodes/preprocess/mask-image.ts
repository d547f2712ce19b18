import { z } from 'zod';
import { requireSameSize } from '../../src/core/errors';
import { copyMeta } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';

export const maskImage = defineNode({
  type: 'mask-image',
  version: 1,
  category: 'Preprocess',
  label: 'Mask image',
  aliases: ['MaskImage'],
  description:
    'Keeps the image inside a region and sets every other pixel to 0 (CellProfiler MaskImage; numpy: ' +
    'np.where(mask, image, 0)), e.g. to look only at the tissue, or only at the nuclei, before a threshold or ' +
    'a measurement. The region is a mask, or objects (every labelled pixel is inside). With Invert, the ' +
    'region is what is removed instead. The region must have the image\'s width, height and planes; every ' +
    'channel is masked alike, and the pixel type and metadata are kept.',
  inputs: {
    image: port.image(),
    region: port.raster({ label: 'Region (mask or objects)' }),
  },
  outputs: { image: port.image() },
  params: z.object({
    invert: z.boolean().default(false).meta({ label: 'Invert', description: 'Set the pixels inside the region to 0 instead of those outside.' }),
  }),
  run: ({ image, region }, { invert }) => {
    requireSameSize('mask-image', ['the image', image], ['the region', region]);
    const n = image.width * image.height;
    const data = image.data.slice();
    for (let p = 0; p < image.planes; p++) {
      for (let c = 0; c < image.channels; c++) {
        const at = (p * image.channels + c) * n;
        for (let i = 0; i < n; i++) if ((region.data[p * n + i] !== 0) === invert) data[at + i] = 0;
      }
    }
    return { image: { ...image, data, meta: copyMeta(image.meta) } };
  },
});
