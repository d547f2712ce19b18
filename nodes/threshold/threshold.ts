import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, createMask } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { applyThreshold, autoThreshold } from '../../src/imaging/threshold';

/** CellProfiler's order: multiply by the correction factor, then clip to the bounds. */
export function correctThreshold(t: number, correction: number, lower?: number, upper?: number): number {
  let out = t * correction;
  if (lower !== undefined && out < lower) out = lower;
  if (upper !== undefined && out > upper) out = upper;
  return out;
}

export const threshold = defineNode({
  type: 'threshold',
  version: 1,
  category: 'Threshold',
  label: 'Threshold',
  description: [
    'Turns a grey image into a mask of objects. With objects "bright", foreground is every pixel with ' +
      'value > threshold; with "dark", every pixel with value <= threshold. The threshold is also output ' +
      'as a number, in the image\'s intensity units.',
    'Methods (scikit-image 0.19 skimage.filters.threshold_*, default parameters, same values):',
    '- otsu: maximises the between-class variance of the histogram (Otsu 1979).',
    '- li: minimum cross-entropy, iterated from the image mean (Li & Tam 1998).',
    '- triangle: the point farthest from the line from the histogram peak to the end of its longer tail (Zack 1977).',
    '- yen: maximum entropic correlation (Yen 1995).',
    '- isodata: the lowest t midway between the means below and above it (Ridler & Calvard 1978).',
    '- mean: the mean intensity.',
    '- manual: the number given in Value.',
    'Histograms: an integer image has one bin per intensity from its minimum to its maximum; a float ' +
      'image has 256 equal bins between its minimum and maximum, and the threshold is a bin centre. ' +
      'A stack (z or time) gets one threshold computed from all its planes together, applied to every plane. ' +
      'The image must have one channel. A constant image gets its own value as threshold (so "bright" finds nothing).',
    'As in CellProfiler, an automatic threshold is then multiplied by the Correction factor (above 1 is stricter ' +
      'for bright objects, below 1 more lenient) and clipped to Lower bound..Upper bound when they are set; the ' +
      'output number is the corrected threshold. Neither applies to manual.',
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { mask: port.mask(), threshold: port.number({ label: 'Threshold' }) },
  params: z.object({
    method: z
      .enum(['manual', 'otsu', 'li', 'triangle', 'yen', 'isodata', 'mean'])
      .default('otsu')
      .meta({ label: 'Method', description: 'How the threshold is chosen; manual uses Value.' }),
    objects: z
      .enum(['bright', 'dark'])
      .default('bright')
      .meta({ label: 'Objects', description: 'bright: foreground is value > threshold; dark: value <= threshold.' }),
    value: z
      .number()
      .default(0)
      .meta({ label: 'Value', description: 'The threshold when Method is manual, in the image\'s intensity units.' }),
    correction: z
      .number()
      .positive()
      .max(100)
      .default(1)
      .meta({ label: 'Correction factor', description: 'Multiplies an automatic threshold (CellProfiler\'s threshold correction factor).' }),
    lowerBound: z
      .number()
      .optional()
      .meta({ label: 'Lower bound', description: 'An automatic threshold below this is raised to it; empty = no bound.' }),
    upperBound: z
      .number()
      .optional()
      .meta({ label: 'Upper bound', description: 'An automatic threshold above this is lowered to it; empty = no bound.' }),
  }),
  run: ({ image }, { method, objects, value, correction, lowerBound, upperBound }) => {
    if (image.channels !== 1) {
      throw new UserError(
        `threshold needs a single-channel image, got ${image.channels} channels: convert to gray or pick one channel first`,
      );
    }
    if (lowerBound !== undefined && upperBound !== undefined && lowerBound > upperBound) {
      throw new UserError(`threshold: Lower bound (${lowerBound}) is above Upper bound (${upperBound})`);
    }
    const t = method === 'manual' ? value : correctThreshold(autoThreshold(method, image.data), correction, lowerBound, upperBound);
    const { width, height, planes } = image;
    const mask = createMask({ width, height, planes }, applyThreshold(image.data, t, objects), copyMeta(image.meta));
    return { mask, threshold: t };
  },
});
