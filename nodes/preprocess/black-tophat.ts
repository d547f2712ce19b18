import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { tophatImage } from '../../src/imaging/tophat';

export const blackTophat = defineNode({
  type: 'black-tophat',
  version: 1,
  category: 'Preprocess',
  label: 'Black top-hat',
  aliases: ['EnhanceOrSuppressFeatures (dark holes)', 'Top Hat'],
  description:
    'Keeps the dark details smaller than the disk: closing(image) − image, where the closing (dilation then erosion, max then min over the disk) fills dark structures the disk does not fit in. Finds small dark objects on a brighter, uneven background. The disk is every (dx, dy) with dx² + dy² ≤ radius² (skimage.morphology.disk); pick a radius ' +
    'larger than the objects to keep. Pixels beyond the border are ignored (same as skimage\'s reflect mode for a disk). ' +
    'Same result as skimage.morphology.black_tophat(image, disk(radius)); the output keeps the pixel type and is never ' +
    'negative. Each 2-D plane and channel on its own.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    radius: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(10)
      .meta({ label: 'Radius', unit: 'px', description: 'Radius of the disk; larger than the objects to keep.' }),
  }),
  run: ({ image }, { radius }) => ({ image: tophatImage(image, 'black', radius) }),
});
