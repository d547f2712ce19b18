import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { invertImage } from '../../src/imaging/invert';

export const invert = defineNode({
  type: 'invert',
  version: 1,
  category: 'Preprocess',
  label: 'Invert',
  aliases: ['ImageMath (invert)', 'Invert'],
  description:
    'Turns dark into bright and bright into dark, keeping the pixel type. Unsigned integers: max − value ' +
    '(uint8 255 − v, uint16 65535 − v); signed integers: −1 − value (as skimage.util.invert). Float images, by ' +
    'Float mode: "one-minus" = 1 − value (skimage.util.invert, for images in 0–1), "range" = min + max − value ' +
    '(the image\'s own minimum and maximum over all planes and channels swap, for floats in any units), "negate" = −value.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    floatMode: z
      .enum(['one-minus', 'range', 'negate'])
      .default('range')
      .meta({ label: 'Float mode', description: 'How a float image is inverted; integer images always use their type\'s range.' }),
  }),
  run: ({ image }, { floatMode }) => ({ image: invertImage(image, floatMode) }),
});
