import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { IMAGE_MATH_OPS, imageMath as applyImageMath } from '../../src/imaging/image-math';

export const imageMath = defineNode({
  type: 'image-math',
  version: 1,
  category: 'Preprocess',
  label: 'Image math',
  aliases: ['ImageMath', 'Image Calculator', 'Math'],
  description: [
    'Pixel-wise arithmetic: A op B, where B is the second image when it is connected, otherwise the Constant. ' +
      'Operations: add, subtract (A − B), multiply, divide (A ÷ B), min, max, absolute-difference (|A − B|).',
    'Division by zero gives 0 (also 0 ÷ 0), never Infinity or NaN; say so in your methods if it matters.',
    'B must have A\'s width and height, and either the same planes and channels or be a single 2-D image, which is ' +
      'then applied to every plane and channel of A (e.g. one illumination image for a whole stack).',
    'Computed in 64-bit float; the output is 32-bit float, or A\'s pixel type when Output is "same as A" ' +
      '(rounded half to even and clipped to the type\'s range, so 10 − 20 gives 0 in uint8).',
  ].join('\n'),
  inputs: {
    a: port.image({ label: 'A' }),
    b: port.image({ label: 'B', description: 'Second image; when unconnected the Constant is used.', optional: true }),
  },
  outputs: { image: port.image() },
  params: z.object({
    operation: z.enum(IMAGE_MATH_OPS).default('subtract').meta({ label: 'Operation', description: 'What to compute from A and B.' }),
    constant: z.number().default(0).meta({ label: 'Constant', description: 'B when no second image is connected.' }),
    output: z
      .enum(['float32', 'same as A'])
      .default('float32')
      .meta({ label: 'Output', description: '32-bit float, or A\'s pixel type (rounded and clipped).' }),
  }),
  run: ({ a, b }, { operation, constant, output }) => {
    try {
      return { image: applyImageMath(a, operation, b ?? constant, output === 'float32' ? 'float32' : a.dtype) };
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`image-math: ${err.message}`);
      throw err;
    }
  },
});
