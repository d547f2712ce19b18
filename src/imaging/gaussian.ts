// Gaussian blur, equal to scipy.ndimage.gaussian_filter(image.astype(float32), sigma, mode='nearest',
// truncate=4.0) on each 2-D slice: separable, radius int(4·sigma + 0.5), edge pixels replicated.
// The arithmetic follows SciPy's NI_Correlate1D so float32 results agree to the last bit: rows (y)
// are filtered first into float32, then columns (x) from that float32 array; each output sample is
// accumulated in float64 as in[i]·w0 + Σ_{k=r..1} (in[i−k] + in[i+k])·w[k].
import { copyMeta, createImage, slice2d, type Image } from '../core/image';
import { UserError } from '../core/errors';
import { numpySum, toFloat64 } from './numpy-float';
import { exp } from './libm'; // same bits in the browser as in `cellgraph run`

/** Kernel radius in pixels: int(truncate · sigma + 0.5) with truncate = 4. */
export function gaussianRadius(sigma: number): number {
  return Math.trunc(4 * sigma + 0.5);
}

/**
 * Half of the normalised 1-D kernel, w[0] (centre) .. w[r], as SciPy's _gaussian_kernel1d computes
 * it: exp(-0.5 / sigma² · x²) for x = -r..r, divided by their (NumPy pairwise) sum.
 */
export function gaussianWeights(sigma: number): Float64Array {
  const r = gaussianRadius(sigma);
  const n = 2 * r + 1;
  const full = new Float64Array(n);
  const c = -0.5 / (sigma * sigma);
  for (let i = 0; i < n; i++) {
    const x = i - r;
    full[i] = r === 0 ? 1 : exp(c * (x * x));
  }
  const sum = numpySum(full, toFloat64);
  const half = new Float64Array(r + 1);
  for (let k = 0; k <= r; k++) half[k] = full[r + k] / sum;
  return half;
}

/** Blur every 2-D slice (each plane, each channel); the result is float32. */
export function gaussian(image: Image, sigma: number): Image {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new UserError(`sigma must be a positive number, got ${sigma}`);
  const { width, height, planes, channels } = image;
  const out = createImage({ width, height, planes, channels }, 'float32', undefined, copyMeta(image.meta));
  const weights = gaussianWeights(sigma);
  const scratch: Scratch = {
    acc: new Float64Array(width),
    line: new Float64Array(width + 2 * (weights.length - 1)),
    rows: new Float32Array(width * height),
  };
  for (let p = 0; p < planes; p++) {
    for (let c = 0; c < channels; c++) {
      blurSlice(slice2d(image, p, c), slice2d(out, p, c) as Float32Array, width, height, weights, scratch);
    }
  }
  return out;
}

/** Buffers reused across slices: a float64 accumulator row, one padded float64 line, the input as float32. */
interface Scratch {
  acc: Float64Array;
  line: Float64Array;
  rows: Float32Array;
}

function blurSlice(
  src: ArrayLike<number>,
  dst: Float32Array,
  width: number,
  height: number,
  w: Float64Array,
  { acc, line, rows }: Scratch,
): void {
  // the input as float32 (what scipy receives after .astype(np.float32))
  for (let i = 0; i < width * height; i++) rows[i] = src[i];
  separableNearest(rows, dst, width, height, w, acc, line);
}

/**
 * Both passes of a symmetric separable filter with half-kernel w (w[0] centre) and edge pixels
 * replicated, from src into dst. Pass 2 reads pass 1's result as stored in dst, so a float32 dst
 * rounds between the passes exactly as SciPy does, and a float64 dst keeps full precision.
 * acc holds `width` and line `width + 2·radius` float64 samples.
 */
export function separableNearest(
  src: ArrayLike<number>,
  dst: Float32Array | Float64Array,
  width: number,
  height: number,
  w: Float64Array,
  acc: Float64Array,
  line: Float64Array,
): void {
  const r = w.length - 1;

  // Pass 1, along y (axis 0), into dst: a whole row at a time so memory is read in order, but with
  // each sample's additions in SciPy's order.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) acc[x] = src[row + x] * w[0];
    for (let k = r; k >= 1; k--) {
      const above = Math.max(y - k, 0) * width;
      const below = Math.min(y + k, height - 1) * width;
      const wk = w[k];
      for (let x = 0; x < width; x++) acc[x] += (src[above + x] + src[below + x]) * wk;
    }
    for (let x = 0; x < width; x++) dst[row + x] = acc[x];
  }

  // Pass 2, along x (axis 1), from pass 1's result as stored in dst, in place through a padded line.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const first = dst[row];
    const last = dst[row + width - 1];
    for (let i = 0; i < r; i++) {
      line[i] = first;
      line[r + width + i] = last;
    }
    for (let x = 0; x < width; x++) line[r + x] = dst[row + x];
    for (let x = 0; x < width; x++) {
      const c = r + x;
      let sum = line[c] * w[0];
      for (let k = r; k >= 1; k--) sum += (line[c - k] + line[c + k]) * w[k];
      dst[row + x] = sum;
    }
  }
}
