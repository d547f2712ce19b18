// Multi-level Otsu thresholds, as skimage.filters.threshold_multiotsu (0.19.3): the classes − 1 bin
// centres that maximise the between-class variance, searched exhaustively over every combination
// (Liao, Chen & Chung 2001's lookup table of Σ first-moment² / zeroth-moment per bin range), with
// skimage's float32 arithmetic and evaluation order so ties and roundings resolve the same way.
// Histogram: skimage's (integer images one bin per value, floats 256 bins over min..max), except that
// integer images spanning more than 256 values are binned like floats into 256 bins over min..max
// (skimage would search every combination of up to 65536 bins, which takes hours for 4 thresholds).
import { UserError } from '../../core/errors';
import type { PixelArray } from '../../core/image';
import { finiteRange, floatHistogram, histogram, type Histogram } from '../histogram';
import { isFloatArray } from '../numpy-float';

const f = Math.fround;

/** The histogram multi-Otsu works on (see the header). */
export function multiOtsuHistogram(values: PixelArray): Histogram {
  if (isFloatArray(values)) return histogram(values);
  const range = finiteRange(values);
  if (range.max - range.min + 1 <= 256) return histogram(values);
  return floatHistogram(Float64Array.from(values), 256, range);
}

/** skimage's _set_var_btwcls_lut: the upper triangle of H(i, j), row-major, float32. */
function varianceTable(prob: Float32Array): Float32Array {
  const n = prob.length;
  const table = new Float32Array((n * (n + 1)) / 2);
  const zeroth = new Float32Array(n);
  const first = new Float32Array(n);
  zeroth[0] = prob[0];
  first[0] = prob[0]; // sic: skimage starts the first moment at prob[0], not 0 · prob[0]
  for (let i = 1; i < n; i++) {
    zeroth[i] = f(zeroth[i - 1] + prob[i]);
    first[i] = f(first[i - 1] + f(i * prob[i]));
    if (zeroth[i] > 0) table[i] = f(f(first[i] * first[i]) / zeroth[i]);
  }
  let idx = n;
  for (let i = 1; i < n; i++) {
    for (let j = i; j < n; j++, idx++) {
      const z = f(zeroth[j] - zeroth[i - 1]);
      if (z > 0) {
        const m = f(first[j] - first[i - 1]);
        table[idx] = f(f(m * m) / z);
      }
    }
  }
  return table;
}

/**
 * Indices of the thresholds maximising Σ H over the classes: every combination in lexicographic order,
 * the first strict maximum kept. Loops are written out per threshold count because the float32 sum must
 * be taken in skimage's order: H(0, t0) + H(t_last + 1, n − 1), then each middle class left to right.
 */
function searchIndices(t: Float32Array, n: number, count: number): number[] {
  const row = new Float64Array(n + 1); // H(i, j) = t[row[i] + j]
  for (let i = 0; i <= n; i++) row[i] = (i * (2 * n - i + 1)) / 2 - i;
  const tail = (i: number) => t[row[i] + n - 1];
  let max = 0;
  let best: number[] = new Array(count).fill(0);
  for (let i0 = 0; i0 < n - count; i0++) {
    const a = t[i0];
    if (count === 1) {
      const s = f(a + tail(i0 + 1));
      if (s > max) { max = s; best = [i0]; }
      continue;
    }
    for (let i1 = i0 + 1; i1 < n - count + 1; i1++) {
      const b = t[row[i0 + 1] + i1];
      if (count === 2) {
        const s = f(f(a + tail(i1 + 1)) + b);
        if (s > max) { max = s; best = [i0, i1]; }
        continue;
      }
      for (let i2 = i1 + 1; i2 < n - count + 2; i2++) {
        const c = t[row[i1 + 1] + i2];
        if (count === 3) {
          const s = f(f(f(a + tail(i2 + 1)) + b) + c);
          if (s > max) { max = s; best = [i0, i1, i2]; }
          continue;
        }
        const r2 = row[i2 + 1];
        for (let i3 = i2 + 1; i3 < n - 1; i3++) {
          const s = f(f(f(f(a + tail(i3 + 1)) + b) + c) + t[r2 + i3]);
          if (s > max) { max = s; best = [i0, i1, i2, i3]; }
        }
      }
    }
  }
  return best;
}

/** The classes − 1 thresholds (ascending, in the image's units) for 2 ≤ classes ≤ 5. */
export function thresholdMultiOtsu(values: PixelArray, classes: number): number[] {
  if (!Number.isInteger(classes) || classes < 2 || classes > 5) throw new UserError(`classes must be 2 to 5, got ${classes}`);
  const { counts, centers } = multiOtsuHistogram(values);
  let total = 0;
  for (const c of counts) total += c;
  const prob = Float32Array.from(counts, (c) => c / total);
  let nonzero = 0;
  for (const p of prob) if (p !== 0) nonzero++;
  if (nonzero < classes) {
    throw new UserError(`the image has ${nonzero} distinct intensity levels, fewer than the ${classes} classes asked for`);
  }
  if (nonzero === classes) {
    const idx: number[] = [];
    prob.forEach((p, i) => p !== 0 && idx.push(i));
    return idx.slice(0, -1).map((i) => centers[i]);
  }
  return searchIndices(varianceTable(prob), prob.length, classes - 1).map((i) => centers[i]);
}

/** Class of each value: how many thresholds lie strictly below it (0 = darkest class). */
export function multiOtsuClasses(values: PixelArray, thresholds: readonly number[], out = new Uint32Array(values.length)): Uint32Array {
  for (let i = 0; i < values.length; i++) {
    let c = 0;
    while (c < thresholds.length && values[i] > thresholds[c]) c++;
    out[i] = c;
  }
  return out;
}
