// The 256-bin histogram ImageJ's automatic thresholds work on, and the way a bin level maps back to
// a threshold in the image's units:
// - uint8: one bin per value 0..255 (whatever the image's range), level k is the value k;
// - any other type: 256 equal bins from the image's minimum to its maximum (ImageJ's 16-bit and
//   32-bit Threshold dialog), bin = ⌊(v − min) · 256 / (max − min)⌋ (the maximum in the last bin);
//   level k maps to the upper edge of bin k, min + (k + 1)(max − min)/256.
// Either way "value > threshold" selects the bins above k (ImageJ's "dark background" objects),
// except that a value exactly on a bin edge counts as below it.
import type { PixelArray } from '../../core/image';
import { finiteRange } from '../histogram';

export interface LevelHistogram {
  /** 256 pixel counts. */
  counts: Float64Array;
  /** The threshold in image units for level k. */
  valueOf(level: number): number;
}

export function imagejHistogram(values: PixelArray): LevelHistogram {
  const counts = new Float64Array(256);
  if (values instanceof Uint8Array) {
    for (let i = 0; i < values.length; i++) counts[values[i]]++;
    return { counts, valueOf: (k) => k };
  }
  const { min, max } = finiteRange(values);
  if (min === max) {
    counts[0] = values.length;
    return { counts, valueOf: () => min };
  }
  const scale = 256 / (max - min);
  for (let i = 0; i < values.length; i++) counts[Math.min(255, Math.floor((values[i] - min) * scale))]++;
  return { counts, valueOf: (k) => min + ((k + 1) * (max - min)) / 256 };
}

/** Index of the first and last non-empty bins (−1, −1 when empty). */
export function occupiedRange(counts: ArrayLike<number>): [number, number] {
  let first = -1;
  let last = -1;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] > 0) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return [first, last];
}

/** Normalised histogram and its cumulative sums P1 (≤ k) and P2 = 1 − P1 (> k), as ImageJ computes them. */
export function cumulativeProbabilities(counts: ArrayLike<number>): { p: Float64Array; p1: Float64Array; p2: Float64Array } {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  const n = counts.length;
  const p = new Float64Array(n), p1 = new Float64Array(n), p2 = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = counts[i] / total;
  p1[0] = p[0];
  p2[0] = 1 - p1[0];
  for (let i = 1; i < n; i++) {
    p1[i] = p1[i - 1] + p[i];
    p2[i] = 1 - p1[i];
  }
  return { p, p1, p2 };
}

const EPSILON = 2.220446049250313e-16;

/** First bin with P1 ≠ 0 and last (≥ first) with P2 ≠ 0, to within double epsilon (ImageJ's entropy methods). */
export function entropyRange(p1: Float64Array, p2: Float64Array): [number, number] {
  let first = 0;
  for (let i = 0; i < p1.length; i++) {
    if (!(Math.abs(p1[i]) < EPSILON)) {
      first = i;
      break;
    }
  }
  let last = p1.length - 1;
  for (let i = p1.length - 1; i >= first; i--) {
    if (!(Math.abs(p2[i]) < EPSILON)) {
      last = i;
      break;
    }
  }
  return [first, last];
}
