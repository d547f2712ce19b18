// A focus score per plane: the mean over the plane of the local focus measure F (the Gaussian-window
// standard deviation of src/imaging/focus-measure.ts, of the channel mean for a multi-channel image),
// summed as np.mean sums float64 (pairwise).
import type { Image } from '../core/image';
import { channelMean, focusMeasure } from './focus-measure';
import { numpySum, toFloat64 } from './numpy-float';

/** The mean focus measure F of each plane: higher is sharper. */
export function focusScores(image: Image, sigma: number): Float64Array {
  const { width, height, planes } = image;
  const n = width * height;
  const f = focusMeasure(channelMean(image), sigma);
  return Float64Array.from({ length: planes }, (_, p) => meanOf(f.subarray(p * n, (p + 1) * n)));
}

const meanOf = (values: Float64Array) => numpySum(values, toFloat64) / values.length;

/** The plane with the highest score (the first one on ties). */
export function bestPlane(scores: Float64Array): number {
  let best = 0;
  for (let p = 1; p < scores.length; p++) if (scores[p] > scores[best]) best = p;
  return best;
}
