// skimage.filters.sobel (0.19) magnitude on values already converted by img_as_float:
// sqrt((Gx² + Gy²) / 2) with Gx = [1 0 −1] ⊗ [1 2 1]/4, border mode 'reflect'. skimage 0.19 zeroes
// no border pixels unless a mask is given (older releases did), so neither do we.
import { correlate1d } from './correlate1d';
import type { Image } from '../core/image';
import { imgAsFloat64 } from './dtype-range';
import { mapSlices } from './per-slice';

const EDGE = [1, 0, -1];
const SMOOTH = [0.25, 0.5, 0.25];

export function sobelMagnitude(input: ArrayLike<number>, width: number, height: number): Float64Array {
  const gx = correlate1d(correlate1d(input, width, height, 'x', EDGE, 'reflect'), width, height, 'y', SMOOTH, 'reflect');
  const gy = correlate1d(correlate1d(input, width, height, 'y', EDGE, 'reflect'), width, height, 'x', SMOOTH, 'reflect');
  const out = new Float64Array(gx.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i]) / Math.SQRT2;
  return out;
}

/** Sobel magnitude of every 2-D slice after img_as_float (integers scaled to 0..1), float32 output. */
export function sobelImage(image: Image): Image {
  return mapSlices(image, 'float32', (input, width, height, output) => {
    output.set(sobelMagnitude(imgAsFloat64(input, image.dtype), width, height));
  });
}
