// Automatic thresholds (scikit-image 0.19.3 `skimage.filters.threshold_*`, default parameters,
// nbins = 256) and the mask they give. Each method takes the pixel values of one channel (all planes
// together: one threshold for the whole stack) and returns a number in the image's units.
import type { PixelArray } from '../core/image';
import { thresholdIsodata } from './threshold/isodata';
import { thresholdLi } from './threshold/li';
import { thresholdMean } from './threshold/mean';
import { thresholdOtsu } from './threshold/otsu';
import { thresholdTriangle } from './threshold/triangle';
import { thresholdYen } from './threshold/yen';

export { thresholdIsodata, thresholdLi, thresholdMean, thresholdOtsu, thresholdTriangle, thresholdYen };

export const AUTO_THRESHOLD_METHODS = ['otsu', 'li', 'triangle', 'yen', 'isodata', 'mean'] as const;
export type AutoThresholdMethod = (typeof AUTO_THRESHOLD_METHODS)[number];

const METHODS: Record<AutoThresholdMethod, (values: PixelArray) => number> = {
  otsu: thresholdOtsu,
  li: thresholdLi,
  triangle: thresholdTriangle,
  yen: thresholdYen,
  isodata: thresholdIsodata,
  mean: thresholdMean,
};

export function autoThreshold(method: AutoThresholdMethod, values: PixelArray): number {
  return METHODS[method](values);
}

/** Which side of the threshold is foreground: 'bright' is value > t, 'dark' is value <= t. */
export type ObjectPolarity = 'bright' | 'dark';

/** The 0/1 mask of `values` against threshold `t`, written into `out` (allocated when omitted). */
export function applyThreshold(
  values: PixelArray,
  t: number,
  objects: ObjectPolarity,
  out = new Uint8Array(values.length),
): Uint8Array {
  if (objects === 'bright') for (let i = 0; i < values.length; i++) out[i] = values[i] > t ? 1 : 0;
  else for (let i = 0; i < values.length; i++) out[i] = values[i] <= t ? 1 : 0;
  return out;
}
