import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { unsharpMaskImage } from '../../src/imaging/unsharp-mask';

export const unsharpMask = defineNode({
  type: 'unsharp-mask',
  version: 1,
  category: 'Preprocess',
  label: 'Unsharp mask',
  aliases: ['Unsharp Mask'],
  description:
    'Sharpens edges: output = image + amount × (image − Gaussian blur of the image), the blur of standard ' +
    'deviation Radius (pixels) with the border mirrored (scipy mode \'reflect\', kernel to 4 σ). Values are kept ' +
    'in the input\'s units and not clipped, so the result can go below 0 or above the input\'s maximum. Same ' +
    'result as skimage.filters.unsharp_mask(image, radius, amount, preserve_range=True). Output 32-bit float; ' +
    'each 2-D plane and channel on its own.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    radius: z
      .number()
      .positive()
      .max(100)
      .default(1)
      .meta({ label: 'Radius', unit: 'px', description: 'Standard deviation (sigma) of the Gaussian blur that is subtracted.' }),
    amount: z
      .number()
      .min(0)
      .max(100)
      .default(1)
      .meta({ label: 'Amount', description: 'How much of the detail (image − blur) is added back.' }),
  }),
  run: ({ image }, { radius, amount }) => ({ image: unsharpMaskImage(image, radius, amount) }),
});
