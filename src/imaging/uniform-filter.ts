// scipy.ndimage.uniform_filter(input, size, mode='nearest') in float64: the mean over a size×size box.
// An even size reaches size/2 pixels back and size/2 − 1 forward (scipy's origin 0).
import type { Image } from '../core/image';
import { mapSlicesFloat } from './per-slice';
import { correlate1d } from './correlate1d';

export function uniformFilter(input: ArrayLike<number>, width: number, height: number, size: number): Float64Array {
  const ones = new Float64Array(size).fill(1 / size);
  // scipy's ones are centred at size//2, the same as correlate1d's ⌊len/2⌋
  return correlate1d(correlate1d(input, width, height, 'y', ones, 'nearest'), width, height, 'x', ones, 'nearest');
}

/** Box mean of every 2-D slice, values kept, float32 output. */
export function uniformFilterImage(image: Image, size: number): Image {
  return mapSlicesFloat(image, 'float32', (v, w, h) => uniformFilter(v, w, h, size));
}
