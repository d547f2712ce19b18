import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { illuminationImage } from '../../src/imaging/illumination';

export const illuminationEstimate = defineNode({
  type: 'illumination-estimate',
  version: 1,
  category: 'Preprocess',
  label: 'Estimate illumination',
  aliases: ['CorrectIlluminationCalculate', 'Flat field'],
  description: [
    'Estimates the uneven illumination (flat field) of one image by smoothing it so strongly that only the slow ' +
      'change of brightness across the field remains, as CellProfiler\'s CorrectIlluminationCalculate for "Each" image. ' +
      'Feed the result to "Apply illumination correction".',
    '- gaussian: Gaussian blur with sigma = Size (scipy.ndimage.gaussian_filter, border pixels repeated, kernel to 4 σ).',
    '- median: median over a disk of radius Size (scipy.ndimage.median_filter with a disk footprint, border pixels ' +
      'repeated); ignores objects better than the Gaussian but is slower.',
    'Size should be several times the object diameter. Normalize divides the estimate by its own mean or median, ' +
      'so that dividing an image by it keeps the image\'s intensity scale (values around 1); "none" keeps the ' +
      'estimate in intensity units (for subtraction). Output 32-bit float; each 2-D plane and channel is estimated ' +
      'and normalised on its own. For CellProfiler\'s "All" images, estimate from the mean output of "Batch mean and std" (pipelines/illumination-correction.json).',
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { illumination: port.image({ label: 'Illumination' }) },
  params: z.object({
    method: z.enum(['gaussian', 'median']).default('gaussian').meta({ label: 'Method', description: 'Gaussian blur or disk median.' }),
    size: z
      .number()
      .positive()
      .max(500)
      .default(50)
      .meta({ label: 'Size', unit: 'px', description: 'Gaussian sigma, or median disk radius (rounded to a whole pixel).' }),
    normalize: z
      .enum(['mean', 'median', 'none'])
      .default('mean')
      .meta({ label: 'Normalize', description: 'Divide the estimate by its mean or median (for division), or keep it as is.' }),
  }),
  run: ({ image }, { method, size, normalize }) => ({
    illumination: illuminationImage(image, method, method === 'median' ? Math.max(1, Math.round(size)) : size, normalize),
  }),
});
