import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { imageMath } from '../../src/imaging/image-math';

export const illuminationApply = defineNode({
  type: 'illumination-apply',
  version: 1,
  category: 'Preprocess',
  label: 'Apply illumination correction',
  aliases: ['CorrectIlluminationApply', 'Flat-field correction'],
  description:
    'Corrects uneven illumination with an estimate (from "Estimate illumination"), as CellProfiler\'s ' +
    'CorrectIlluminationApply: divide (image ÷ illumination, for a normalised estimate; where the estimate is 0 the ' +
    'result is 0) or subtract (image − illumination, for an estimate in intensity units; negative results are ' +
    'kept unless "Clip at 0" is on). The illumination must have the image\'s width and height and either its planes ' +
    'and channels or be one 2-D image used for all of them. Output 32-bit float.',
  inputs: { image: port.image(), illumination: port.image({ label: 'Illumination' }) },
  outputs: { image: port.image() },
  params: z.object({
    operation: z.enum(['divide', 'subtract']).default('divide').meta({ label: 'Operation', description: 'How the estimate is removed.' }),
    clipAtZero: z.boolean().default(true).meta({ label: 'Clip at 0', description: 'Set negative results to 0 (subtract).' }),
  }),
  run: ({ image, illumination }, { operation, clipAtZero }) => {
    let out;
    try {
      out = imageMath(image, operation, illumination);
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`illumination-apply: image and illumination: ${err.message}`);
      throw err;
    }
    if (clipAtZero) for (let i = 0; i < out.data.length; i++) if (out.data[i] < 0) out.data[i] = 0;
    return { image: out };
  },
});
