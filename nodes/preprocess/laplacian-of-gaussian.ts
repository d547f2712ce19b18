import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { laplacianOfGaussianImage } from '../../src/imaging/laplacian-of-gaussian';

export const laplacianOfGaussian = defineNode({
  type: 'laplacian-of-gaussian',
  version: 1,
  category: 'Preprocess',
  label: 'Laplacian of Gaussian',
  aliases: ['EnhanceOrSuppressFeatures', 'LoG', 'Laplacian'],
  description:
    'Enhances blobs and spots about sigma·√2 pixels in radius: the Laplacian (∂²/∂x² + ∂²/∂y²) of the image ' +
    "blurred by a Gaussian of standard deviation sigma, as scipy.ndimage.gaussian_laplace(image, sigma, mode='nearest') " +
    '(border pixels repeated, kernel to 4 σ). Bright spots give strongly negative values; "Bright spots positive" ' +
    'multiplies the result by −σ² (the scale-normalised LoG used for blob detection), so bright spots become ' +
    'positive peaks comparable across sigmas. Output 32-bit float, in intensity units per pixel² (or intensity ' +
    'units when normalised); each 2-D plane and channel on its own.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    sigma: z
      .number()
      .positive()
      .max(100)
      .default(2)
      .meta({ label: 'Sigma', unit: 'px', description: 'Standard deviation of the Gaussian.' }),
    brightPositive: z
      .boolean()
      .default(false)
      .meta({ label: 'Bright spots positive', description: 'Multiply by −σ² (scale-normalised LoG).' }),
  }),
  run: ({ image }, { sigma, brightPositive }) => {
    const out = laplacianOfGaussianImage(image, sigma);
    if (brightPositive) {
      const k = -sigma * sigma;
      for (let i = 0; i < out.data.length; i++) out.data[i] *= k;
    }
    return { image: out };
  },
});
