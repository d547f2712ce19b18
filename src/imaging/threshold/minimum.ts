// The minimum method, as skimage.filters.threshold_minimum (0.19.3; Prewitt & Mendelsohn 1966): the
// histogram (skimage's: one bin per integer value, or 256 bins for floats) is smoothed with a 3-bin
// running mean (scipy.ndimage.uniform_filter1d, mode 'reflect', its running-sum arithmetic) until it has
// at most two maxima (plateaus count once); the threshold is the centre of the lowest bin between the
// two. ImageJ's "Minimum" differs in details (zero padding at the ends, first valley taken).
import { UserError } from '../../core/errors';
import type { PixelArray } from '../../core/image';
import { histogram } from '../histogram';
import { constantValue } from './constant';

/** scipy's uniform_filter1d(y, 3, mode='reflect'): a running mean updated by (new − old) / 3. */
function uniformFilter3(y: Float64Array): Float64Array {
  const n = y.length;
  const at = (i: number) => y[i < 0 ? -i - 1 : i >= n ? 2 * n - i - 1 : i];
  const out = new Float64Array(n);
  let tmp = at(-1) + at(0) + at(1);
  tmp /= 3;
  out[0] = tmp;
  for (let i = 1; i < n; i++) {
    tmp += (at(i + 1) - at(i - 2)) / 3;
    out[i] = tmp;
  }
  return out;
}

/** Indices where the histogram turns from rising (or flat after a rise) to falling. */
function localMaxima(y: Float64Array): number[] {
  const maxima: number[] = [];
  let rising = true;
  for (let i = 0; i < y.length - 1; i++) {
    if (rising) {
      if (y[i + 1] < y[i]) {
        rising = false;
        maxima.push(i);
      }
    } else if (y[i + 1] > y[i]) rising = true;
  }
  return maxima;
}

export function thresholdMinimum(values: PixelArray, maxIterations = 10000): number {
  const constant = constantValue(values);
  if (constant !== undefined) return constant;
  const { counts, centers } = histogram(values);
  let smooth: Float64Array = Float64Array.from(counts);
  let maxima: number[] = [];
  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    smooth = uniformFilter3(smooth);
    maxima = localMaxima(smooth);
    if (maxima.length < 3) break;
  }
  if (maxima.length !== 2) throw new UserError('the minimum method found no two peaks in the histogram: try another method');
  if (iteration === maxIterations - 1) throw new UserError('the minimum method did not converge: try another method');
  let best = maxima[0];
  for (let i = maxima[0] + 1; i <= maxima[1]; i++) if (smooth[i] < smooth[best]) best = i;
  return centers[best];
}
