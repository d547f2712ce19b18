import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { tophatImage } from '../../src/imaging/tophat';

export const whiteTophat = defineNode({
  type: 'white-tophat',
  version: 1,
  category: 'Preprocess',
  label: 'White top-hat',
  aliases: ['EnhanceOrSuppressFeatures (speckles)', 'Top Hat'],
  description:
    'Keeps the bright details smaller than the disk: image − opening(image), where the opening (erosion then dilation, min then max over the disk) removes bright structures the disk does not fit in. Removes a smooth or uneven background under small bright objects (spots, nuclei in a dim haze). The disk is every (dx, dy) with dx² + dy² ≤ radius² (skimage.morphology.disk); pick a radius ' +
    'larger than the objects to keep. Pixels beyond the border are ignored (same as skimage\'s reflect mode for a disk). ' +
    'Same result as skimage.morphology.white_tophat(image, disk(radius)); the output keeps the pixel type and is never ' +
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
  run: ({ image }, { radius }) => ({ image: tophatImage(image, 'white', radius) }),
});
