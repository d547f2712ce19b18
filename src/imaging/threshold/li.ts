// Li's minimum cross-entropy threshold, as skimage.filters.threshold_li (0.19.3) with its defaults:
// iterate t <- (mean_back - mean_fore) / (ln mean_back - ln mean_fore) from t = mean of the image
// (shifted so its minimum is 0) until t moves by no more than the tolerance: 0.5 for integer images
// (computed on the histogram), half the smallest gap between distinct values for float images
// (computed on the pixels, in the image's precision, as NumPy does).
import type { PixelArray } from '../../core/image';
import { UserError } from '../../core/errors';
import { finiteRange, integerHistogram } from '../histogram';
import { isFloatArray, logIn, numpySum, roundingOf, type Rounding } from '../numpy-float';
import { constantValue } from './constant';
import { sortFloat32 } from '../percentile';
import { log } from '../libm'; // same bits in the browser as in `cellgraph run`

export function thresholdLi(values: PixelArray): number {
  const constant = constantValue(values);
  if (constant !== undefined) return constant;
  const t = isFloatArray(values) ? liFloat(values) : liInteger(values);
  if (!Number.isFinite(t)) throw new UserError('the Li threshold did not converge for this image');
  return t;
}

function liInteger(values: PixelArray): number {
  const range = finiteRange(values);
  const { counts } = integerHistogram(values, range);
  // bin k holds value min + k; skimage works on the shifted image, so its bin centres are k
  let pixels = 0;
  let sum = 0;
  for (let k = 0; k < counts.length; k++) {
    pixels += counts[k];
    sum += counts[k] * k;
  }
  const tolerance = 0.5;
  let next = sum / pixels;
  let current = -2 * tolerance;
  while (Math.abs(next - current) > tolerance) {
    current = next;
    let foreCount = 0, foreSum = 0, backCount = 0, backSum = 0;
    for (let k = 0; k < counts.length; k++) {
      if (k > current) {
        foreCount += counts[k];
        foreSum += counts[k] * k;
      } else {
        backCount += counts[k];
        backSum += counts[k] * k;
      }
    }
    if (foreCount === 0 || backCount === 0) throw new UserError('the Li threshold left one class empty');
    const meanFore = foreSum / foreCount;
    const meanBack = backSum / backCount;
    next = (meanBack - meanFore) / (log(meanBack) - log(meanFore));
  }
  return next + range.min;
}

function liFloat(values: Float32Array | Float64Array): number {
  const round: Rounding = roundingOf(values);
  const log = logIn(round);
  const { min } = finiteRange(values);
  const n = values.length;
  const Ctor = values instanceof Float32Array ? Float32Array : Float64Array;
  const image = new Ctor(n);
  for (let i = 0; i < n; i++) image[i] = round(values[i] - min);
  const tolerance = smallestGap(image) / 2;

  const fore = new Ctor(n);
  const back = new Ctor(n);
  let next = round(numpySum(image, round) / n);
  let current = -2 * tolerance;
  let first = true;
  // the first difference mixes float32 and float64 scalars (float64 in NumPy); later ones are float32
  while ((first ? Math.abs(next - current) : Math.abs(round(next - current))) > tolerance) {
    first = false;
    current = next;
    let nf = 0;
    let nb = 0;
    for (let i = 0; i < n; i++) {
      const v = image[i];
      if (v > current) fore[nf++] = v;
      else back[nb++] = v;
    }
    const meanFore = round(numpySum(fore, round, nf) / nf);
    const meanBack = round(numpySum(back, round, nb) / nb);
    next = round(round(meanBack - meanFore) / round(log(meanBack) - log(meanFore)));
  }
  return round(next + min);
}

/** np.min(np.diff(np.unique(image))), with the differences in the image's precision. */
function smallestGap(image: Float32Array | Float64Array): number {
  const sorted = image instanceof Float32Array ? sortFloat32(image) : image.slice().sort();
  const round = roundingOf(image);
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] !== sorted[i - 1]) {
      const d = round(sorted[i] - sorted[i - 1]);
      if (d < gap) gap = d;
    }
  }
  return gap;
}
