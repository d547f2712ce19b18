// skimage.filters.unsharp_mask(image, radius, amount, preserve_range=True):
// f + amount·(f − gaussian(f, σ = radius, mode 'reflect')), values kept, no clipping.
import type { Image } from '../core/image';
import { mapSlicesFloat } from './per-slice';
import { gaussianFilter64 } from './gaussian-derivative';

export function unsharpMask(input: ArrayLike<number>, width: number, height: number, radius: number, amount: number): Float64Array {
  const blurred = gaussianFilter64(input, width, height, radius, 'reflect');
  const out = new Float64Array(blurred.length);
  for (let i = 0; i < out.length; i++) out[i] = input[i] + (input[i] - blurred[i]) * amount;
  return out;
}

/** Unsharp mask of every 2-D slice, values kept (preserve_range=True), float32 output. */
export function unsharpMaskImage(image: Image, radius: number, amount: number): Image {
  return mapSlicesFloat(image, 'float32', (v, w, h) => unsharpMask(v, w, h, radius, amount));
}
