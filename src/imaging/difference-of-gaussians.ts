// skimage.filters.difference_of_gaussians on values already converted by img_as_float:
// gaussian(σ_low) − gaussian(σ_high), mode 'nearest', truncate 4.
import type { Image } from '../core/image';
import { imgAsFloat64 } from './dtype-range';
import { mapSlices } from './per-slice';
import { gaussianFilter64 } from './gaussian-derivative';

/** skimage's default high σ when none is given: 1.6 × low σ. */
export const DOG_DEFAULT_RATIO = 1.6;

export function differenceOfGaussians(
  input: ArrayLike<number>,
  width: number,
  height: number,
  lowSigma: number,
  highSigma: number,
): Float64Array {
  const low = gaussianFilter64(input, width, height, lowSigma, 'nearest');
  const high = gaussianFilter64(input, width, height, highSigma, 'nearest');
  for (let i = 0; i < low.length; i++) low[i] -= high[i];
  return low;
}

/** DoG of every 2-D slice after img_as_float (integers scaled to 0..1 as skimage does), float32 output. */
export function differenceOfGaussiansImage(image: Image, lowSigma: number, highSigma: number): Image {
  return mapSlices(image, 'float32', (input, width, height, output) => {
    output.set(differenceOfGaussians(imgAsFloat64(input, image.dtype), width, height, lowSigma, highSigma));
  });
}
