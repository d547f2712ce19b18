// Extended depth of field: one sharp image from a z-stack.
// 1. F = the local standard deviation of every plane (src/imaging/focus-measure.ts, Gaussian sigma),
//    of the mean of the channels for a multi-channel stack;
// 2. index = the plane with the highest F at each pixel (np.argmax: the first plane on ties);
// 3. depth = index blurred with a Gaussian of `smoothing` px (mode 'nearest'), a fractional plane
//    number that changes smoothly, so neighbouring pixels do not jump between planes (the seams of a
//    hard choice); smoothing 0 keeps the hard choice;
// 4. composite = linear interpolation between planes ⌊depth⌋ and ⌊depth⌋ + 1, for every channel.
import { copyMeta, createImage, type Image } from '../core/image';
import { UserError } from '../core/errors';
import { channelMean, focusMeasure, focusScratch, gaussianFloat64 } from './focus-measure';
import { gaussianWeights } from './gaussian';

export interface FocusStack {
  /** Float32, one plane, every channel: the sharpest value at each pixel. */
  composite: Image;
  /** Float32, one plane: the 0-based plane each composite pixel comes from (fractional when smoothed). */
  depth: Image;
}

export function focusStack(image: Image, sigma: number, smoothing: number): FocusStack {
  const { width, height, planes, channels } = image;
  if (!(smoothing >= 0) || !Number.isFinite(smoothing)) throw new UserError(`smoothing must be 0 or more pixels, got ${smoothing}`);
  const n = width * height;
  const f = focusMeasure(channelMean(image), sigma);
  const index = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestValue = f[i];
    for (let p = 1; p < planes; p++) {
      const v = f[p * n + i];
      if (v > bestValue) {
        bestValue = v;
        best = p;
      }
    }
    index[i] = best;
  }
  const depth = new Float64Array(n);
  if (smoothing > 0) gaussianFloat64(index, depth, width, height, gaussianWeights(smoothing), focusScratch(width, height, smoothing));
  else depth.set(index);

  const meta = copyMeta(image.meta);
  if (meta.pixelSize) delete meta.pixelSize.z;
  const composite = createImage({ width, height, channels }, 'float32', undefined, meta);
  const depthImage = createImage({ width, height }, 'float32', undefined, copyMeta(meta));
  for (let i = 0; i < n; i++) {
    const d = depth[i];
    const lo = Math.floor(d);
    const hi = Math.min(lo + 1, planes - 1);
    const t = d - lo;
    for (let c = 0; c < channels; c++) {
      composite.data[c * n + i] = (1 - t) * image.data[(lo * channels + c) * n + i] + t * image.data[(hi * channels + c) * n + i];
    }
    depthImage.data[i] = d;
  }
  return { composite, depth: depthImage };
}
