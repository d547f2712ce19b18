// Mean threshold, as skimage.filters.threshold_mean: np.mean of the image (float32 images are summed
// pairwise in float32, as NumPy does, so the value matches to the last bit).
import type { PixelArray } from '../../core/image';
import { finiteRange } from '../histogram';
import { numpyMean } from '../numpy-float';

export function thresholdMean(values: PixelArray): number {
  finiteRange(values);
  return numpyMean(values);
}
