import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { gaussian } from '../../src/imaging/gaussian';

export const gaussianBlur = defineNode({
  type: 'gaussian-blur',
  version: 1,
  category: 'Preprocess',
  label: 'Gaussian blur',
  aliases: ['Smooth', 'Gaussian Blur'],
  description:
    'Smooths the image with a Gaussian of standard deviation sigma (in pixels), to reduce noise before ' +
    'thresholding. Same result as scipy.ndimage.gaussian_filter(image.astype(float32), sigma, ' +
    "mode='nearest', truncate=4.0): the kernel reaches int(4·sigma + 0.5) pixels on each side, and beyond the " +
    'image border the edge pixel is repeated (so borders are not darkened). Each 2-D plane and channel is ' +
    'blurred on its own (no smoothing across z, time or channels). The output is 32-bit float, in the ' +
    "input's intensity units.",
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    sigma: z
      .number()
      .positive()
      .max(100)
      .default(2)
      .meta({ label: 'Sigma', unit: 'px', description: 'Standard deviation of the Gaussian, in pixels.' }),
  }),
  run: ({ image }, { sigma }) => ({ image: gaussian(image, sigma) }),
});
