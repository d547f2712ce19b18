import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { uniformFilterImage } from '../../src/imaging/uniform-filter';

export const mean = defineNode({
  type: 'mean',
  version: 1,
  category: 'Preprocess',
  label: 'Mean filter',
  aliases: ['Smooth (average)', 'Mean'],
  description:
    'Replaces each pixel by the mean of the size × size box around it (a box blur). An odd size is centred on ' +
    'the pixel; an even size reaches size/2 pixels up and left and size/2 − 1 down and right. Beyond the image ' +
    "border the edge pixel is repeated. Same result as scipy.ndimage.uniform_filter(image, size, mode='nearest') " +
    'in float64, stored as 32-bit float in the input\'s intensity units. Each 2-D plane and channel is filtered on its own.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    size: z
      .number()
      .int()
      .min(1)
      .max(201)
      .default(3)
      .meta({ label: 'Size', unit: 'px', description: 'Width (and height) of the square box.' }),
  }),
  run: ({ image }, { size }) => ({ image: uniformFilterImage(image, size) }),
});
