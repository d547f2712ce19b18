import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { medianImage } from '../../src/imaging/median';

export const median = defineNode({
  type: 'median',
  version: 1,
  category: 'Preprocess',
  label: 'Median filter',
  aliases: ['Smooth (median filter)', 'Median'],
  description:
    'Replaces each pixel by the median of its neighbourhood, a disk of the given radius: every pixel (dx, dy) ' +
    'with dx² + dy² ≤ radius² (skimage.morphology.disk; radius 1 is the 5-pixel cross). Removes salt-and-pepper ' +
    'noise and small specks while keeping edges sharp. Beyond the image border the edge pixel is repeated. ' +
    "Same result as skimage.filters.median(image, disk(radius), mode='nearest'); with an even number of pixels " +
    'none is averaged (the disk always has an odd count). The output keeps the pixel type. Each 2-D plane and ' +
    'channel is filtered on its own.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    radius: z
      .number()
      .int()
      .min(1)
      .max(50)
      .default(2)
      .meta({ label: 'Radius', unit: 'px', description: 'Radius of the disk neighbourhood.' }),
  }),
  run: ({ image }, { radius }) => ({ image: medianImage(image, radius) }),
});
