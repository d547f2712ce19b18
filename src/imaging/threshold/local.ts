// Local (adaptive) thresholds: a threshold per pixel from its block × block neighbourhood, in float64,
// as scikit-image 0.19:
// - gaussian / mean / median: skimage.filters.threshold_local(image, block, method, offset) — the
//   neighbourhood's Gaussian-weighted mean (σ = (block − 1) / 6, kernel to 4 σ), plain mean, or median,
//   minus offset; border mode 'reflect' (c b a | a b c d);
// - sauvola: threshold_sauvola: m · (1 + k · (s / r − 1)) with the window's mean m and standard
//   deviation s, r = half the pixel type's range by default (uint8 127.5, uint16 32767.5, float 1);
// - niblack: threshold_niblack: m − k · s.
// Sauvola and Niblack pad with numpy's 'reflect' (d c b | a b c d, scipy's 'mirror').
import { medianFootprint } from '../median';
import { borderIndex } from '../correlate1d';
import { gaussianFilter64 } from '../gaussian-derivative';
import { correlate1d } from '../correlate1d';

export const LOCAL_METHODS = ['gaussian', 'mean', 'median', 'sauvola', 'niblack'] as const;
export type LocalMethod = (typeof LOCAL_METHODS)[number];

export interface LocalThresholdParams {
  method: LocalMethod;
  /** Odd neighbourhood size in pixels. */
  block: number;
  /** Subtracted from the gaussian / mean / median threshold. */
  offset: number;
  /** Sauvola / Niblack weight of the standard deviation. */
  k: number;
  /** Sauvola's dynamic range of the standard deviation. */
  r: number;
}

/** Mean and standard deviation over each block × block window (numpy 'reflect' padding), float64. */
export function windowMeanStd(input: Float64Array, width: number, height: number, block: number): { mean: Float64Array; std: Float64Array } {
  const half = block >> 1;
  const n = width * height;
  // column sums of values and squares over the window's rows, then a running sum along each row
  const colSum = new Float64Array(width), colSq = new Float64Array(width);
  const mean = new Float64Array(n), std = new Float64Array(n);
  const area = block * block;
  const xs = new Int32Array(width + 2 * half);
  for (let i = 0; i < xs.length; i++) xs[i] = borderIndex(i - half, width, 'mirror');
  for (let y = 0; y < height; y++) {
    colSum.fill(0);
    colSq.fill(0);
    for (let dy = -half; dy <= half; dy++) {
      const row = borderIndex(y + dy, height, 'mirror') * width;
      for (let x = 0; x < width; x++) {
        const v = input[row + x];
        colSum[x] += v;
        colSq[x] += v * v;
      }
    }
    for (let x = 0; x < width; x++) {
      let sum = 0, sq = 0;
      for (let j = 0; j < block; j++) {
        const c = xs[x + j];
        sum += colSum[c];
        sq += colSq[c];
      }
      const m = sum / area;
      const g2 = sq / area;
      mean[y * width + x] = m;
      std[y * width + x] = Math.sqrt(Math.max(g2 - m * m, 0));
    }
  }
  return { mean, std };
}

/** The threshold of every pixel of one 2-D slice. */
export function localThreshold(input: Float64Array, width: number, height: number, p: LocalThresholdParams): Float64Array {
  const { method, block } = p;
  if (method === 'sauvola' || method === 'niblack') {
    const { mean, std } = windowMeanStd(input, width, height, block);
    for (let i = 0; i < mean.length; i++) {
      mean[i] = method === 'sauvola' ? mean[i] * (1 + p.k * (std[i] / p.r - 1)) : mean[i] - p.k * std[i];
    }
    return mean;
  }
  let t: Float64Array;
  if (method === 'gaussian') t = gaussianFilter64(input, width, height, (block - 1) / 6, 'reflect');
  else if (method === 'mean') {
    const ones = new Float64Array(block).fill(1 / block);
    t = correlate1d(correlate1d(input, width, height, 'y', ones, 'reflect'), width, height, 'x', ones, 'reflect');
  } else {
    t = new Float64Array(input.length);
    medianFootprint(input, width, height, new Int32Array(block).fill(block >> 1), t, 'reflect');
  }
  for (let i = 0; i < t.length; i++) t[i] -= p.offset;
  return t;
}
