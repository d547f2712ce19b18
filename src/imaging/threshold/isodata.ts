// ISODATA / Ridler-Calvard threshold, as skimage.filters.threshold_isodata (0.19.3): the lowest bin
// centre t with t = (mean below or at t + mean above t) / 2 to within one bin width. The precision
// of each step follows skimage (counts in float32; intensity sums in the image's float precision).
import type { PixelArray } from '../../core/image';
import { UserError } from '../../core/errors';
import { histogram } from '../histogram';
import { isFloatArray, roundingOf, toFloat64 } from '../numpy-float';
import { constantValue } from './constant';

const f = Math.fround;

export function thresholdIsodata(values: PixelArray): number {
  const constant = constantValue(values);
  if (constant !== undefined) return constant;
  const { counts, centers } = histogram(values);
  const n = counts.length;
  // float32 images: every product, sum and quotient is float32; otherwise (integer bins or float64
  // images) intensities are float64 while the pixel counts stay float32.
  const r = isFloatArray(values) ? roundingOf(values) : toFloat64;
  const csuml = new Float64Array(n);
  const csumIntensity = new Float64Array(n);
  let cl = 0;
  let ci = 0;
  for (let i = 0; i < n; i++) {
    csuml[i] = cl = f(cl + f(counts[i]));
    csumIntensity[i] = ci = r(ci + r(f(counts[i]) * centers[i]));
  }
  const binWidth = r(centers[1] - centers[0]);
  for (let i = 0; i < n - 1; i++) {
    const lower = r(csumIntensity[i] / csuml[i]);
    const higher = r(r(ci - csumIntensity[i]) / f(cl - csuml[i]));
    const allMean = r(r(lower + higher) / 2);
    const distance = r(allMean - centers[i]);
    if (distance >= 0 && distance < binWidth) return centers[i];
  }
  throw new UserError('the isodata threshold found no bin that splits the image into two classes');
}
