// Fiji's automatic threshold methods that scikit-image lacks (Auto Threshold / ImageJ's
// AutoThresholder), on ImageJ's 256-bin histogram (see imagej-histogram.ts), returning a threshold in
// the image's units with objects = value > threshold. ("minimum" follows skimage, see minimum.ts.)
import { UserError } from '../../core/errors';
import type { PixelArray } from '../../core/image';
import { finiteRange } from '../histogram';
import { huang, maxEntropy, renyiEntropy, shanbhag } from './imagej-entropy';
import { imagejHistogram } from './imagej-histogram';
import { imagejDefault, intermodes, minError, moments, percentile } from './imagej-modes';

export const IMAGEJ_METHODS = [
  'imagej-default', 'huang', 'intermodes', 'max-entropy', 'min-error', 'moments', 'percentile', 'renyi-entropy', 'shanbhag',
] as const;
export type ImageJMethod = (typeof IMAGEJ_METHODS)[number];

const LEVEL: Record<ImageJMethod, (counts: Float64Array) => number> = {
  'imagej-default': imagejDefault,
  huang,
  intermodes,
  'max-entropy': maxEntropy,
  'min-error': minError,
  moments,
  percentile: (counts) => percentile(counts, 0.5),
  'renyi-entropy': renyiEntropy,
  shanbhag,
};

/** The level (0..255) of `method` on a 256-bin histogram; −1 when the method finds none. */
export function imagejLevel(method: ImageJMethod, counts: Float64Array): number {
  return LEVEL[method](counts);
}

export function thresholdImageJ(method: ImageJMethod, values: PixelArray): number {
  const { min, max } = finiteRange(values);
  if (min === max) return min;
  const hist = imagejHistogram(values);
  const level = imagejLevel(method, hist.counts);
  if (level < 0 || level > 255) {
    throw new UserError(`the ${method} method found no threshold for this histogram (ImageJ would use 0): try another method`);
  }
  return hist.valueOf(level);
}
