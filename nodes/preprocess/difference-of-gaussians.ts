import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { DOG_DEFAULT_RATIO, differenceOfGaussiansImage } from '../../src/imaging/difference-of-gaussians';

export const differenceOfGaussians = defineNode({
  type: 'difference-of-gaussians',
  version: 1,
  category: 'Preprocess',
  label: 'Difference of Gaussians',
  aliases: ['EnhanceOrSuppressFeatures', 'DoG', 'Difference of Gaussians'],
  description:
    'A band-pass filter: the image blurred with a small Gaussian (low sigma) minus the image blurred with a ' +
    'larger one (high sigma), keeping structures between the two sizes (spots, nuclei) and removing both noise and ' +
    "slow background. Same result as skimage.filters.difference_of_gaussians(image, low, high, mode='nearest'): " +
    'integer images are first scaled to 0–1 as skimage does (uint8 ÷ 255, uint16 ÷ 65535), float images are used ' +
    'as they are; border pixels are repeated; kernels reach 4 σ. High sigma left empty means 1.6 × low sigma. ' +
    'Output 32-bit float; each 2-D plane and channel on its own.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    lowSigma: z
      .number()
      .positive()
      .max(100)
      .default(1)
      .meta({ label: 'Low sigma', unit: 'px', description: 'Standard deviation of the smaller Gaussian.' }),
    highSigma: z
      .number()
      .positive()
      .max(200)
      .optional()
      .meta({ label: 'High sigma', unit: 'px', description: 'Standard deviation of the larger Gaussian; empty = 1.6 × low sigma.' }),
  }),
  run: ({ image }, { lowSigma, highSigma }) => {
    const high = highSigma ?? lowSigma * DOG_DEFAULT_RATIO;
    if (high <= lowSigma) {
      throw new UserError(`difference-of-gaussians: high sigma (${high}) must be larger than low sigma (${lowSigma})`);
    }
    return { image: differenceOfGaussiansImage(image, lowSigma, high) };
  },
});
