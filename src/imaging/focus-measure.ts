// The local focus measure: the standard deviation of intensity in a Gaussian window,
// F = sqrt(max(G(I²) − G(I)², 0)), with G = scipy.ndimage.gaussian_filter(·, sigma, mode='nearest',
// truncate=4) on each 2-D slice. Sharp texture gives a high F, blur a low one. Computed in float64
// (in float32, G(I²) − G(I)² of a 16-bit image loses most of its digits), with the weights and the
// summation order of src/imaging/gaussian.ts, so F equals SciPy's float64 result bit for bit.
import { copyMeta, createImage, slice2d, type Image } from '../core/image';
import { UserError } from '../core/errors';
import { gaussianWeights, separableNearest } from './gaussian';

/** Buffers for one slice, reused across slices. */
export interface FocusScratch {
  value: Float64Array;
  square: Float64Array;
  blurredValue: Float64Array;
  blurredSquare: Float64Array;
  acc: Float64Array;
  line: Float64Array;
}

export function focusScratch(width: number, height: number, sigma: number): FocusScratch {
  const n = width * height;
  const r = gaussianWeights(sigma).length - 1;
  return {
    value: new Float64Array(n),
    square: new Float64Array(n),
    blurredValue: new Float64Array(n),
    blurredSquare: new Float64Array(n),
    acc: new Float64Array(width),
    line: new Float64Array(width + 2 * r),
  };
}

export function checkSigma(sigma: number, what: string): void {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new UserError(`${what} must be a positive number of pixels, got ${sigma}`);
}

/** gaussian_filter(src, mode='nearest') of one float64 slice into dst, in float64. */
export function gaussianFloat64(src: Float64Array, dst: Float64Array, width: number, height: number, w: Float64Array, s: FocusScratch): void {
  separableNearest(src, dst, width, height, w, s.acc, s.line);
}

/** F of one slice into `out` (float64, width*height). */
export function localStdSlice(
  input: ArrayLike<number>,
  width: number,
  height: number,
  weights: Float64Array,
  s: FocusScratch,
  out: Float64Array,
): void {
  const n = width * height;
  for (let i = 0; i < n; i++) {
    const v = input[i];
    s.value[i] = v;
    s.square[i] = v * v;
  }
  gaussianFloat64(s.value, s.blurredValue, width, height, weights, s);
  gaussianFloat64(s.square, s.blurredSquare, width, height, weights, s);
  for (let i = 0; i < n; i++) {
    const m = s.blurredValue[i];
    out[i] = Math.sqrt(Math.max(s.blurredSquare[i] - m * m, 0));
  }
}

/** F of every plane of one channel, unscaled: planes × (width*height) float64, plane-major. */
export function focusMeasure(image: Image, sigma: number, channel = 0): Float64Array {
  checkSigma(sigma, 'sigma');
  const { width, height, planes } = image;
  const n = width * height;
  const weights = gaussianWeights(sigma);
  const scratch = focusScratch(width, height, sigma);
  const out = new Float64Array(n * planes);
  for (let p = 0; p < planes; p++) {
    localStdSlice(slice2d(image, p, channel), width, height, weights, scratch, out.subarray(p * n, (p + 1) * n));
  }
  return out;
}

/**
 * The focus map: F of every plane and channel divided by its channel's largest F over all planes
 * (so planes stay comparable and the maximum is 1; a flat channel gives 0). Float32.
 */
export function focusMap(image: Image, sigma: number): Image {
  const { width, height, planes, channels } = image;
  const n = width * height;
  const out = createImage({ width, height, planes, channels }, 'float32', undefined, copyMeta(image.meta));
  for (let c = 0; c < channels; c++) {
    const f = focusMeasure(image, sigma, c);
    let max = 0;
    for (let i = 0; i < f.length; i++) if (f[i] > max) max = f[i];
    for (let p = 0; p < planes; p++) {
      const dst = slice2d(out, p, c);
      for (let i = 0; i < n; i++) dst[i] = max > 0 ? f[p * n + i] / max : 0;
    }
  }
  return out;
}

/**
 * What a multi-channel image is scored on: the mean of its channels per pixel (float64, channels
 * added in order, as numpy's mean(axis=1) of a (planes, channels, h, w) array). A 1-channel image is
 * returned as it is.
 */
export function channelMean(image: Image): Image {
  const { width, height, planes, channels } = image;
  if (channels === 1) return image;
  const n = width * height;
  const out = createImage({ width, height, planes }, 'float64', undefined, copyMeta(image.meta));
  for (let p = 0; p < planes; p++) {
    const dst = out.data.subarray(p * n, (p + 1) * n);
    for (let c = 0; c < channels; c++) {
      const src = slice2d(image, p, c);
      for (let i = 0; i < n; i++) dst[i] += src[i];
    }
    for (let i = 0; i < n; i++) dst[i] /= channels;
  }
  return out;
}
