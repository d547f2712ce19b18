// skimage.util.invert per pixel type: unsigned integers max − x, signed integers −1 − x.
// Floats: 'one-minus' is skimage's 1 − x (for images in 0..1); 'range' maps the image's own
// min..max onto max..min (min + max − x), for floats in any units; 'negate' is −x.
import { allocPixels, copyMeta, isIntegerDType, type Image } from '../core/image';
import { dtypeLimits } from './dtype-range';

export type FloatInvert = 'one-minus' | 'range' | 'negate';

export function invertImage(image: Image, floatMode: FloatInvert = 'one-minus'): Image {
  const data = allocPixels(image.dtype, image.data.length);
  const src = image.data;
  if (isIntegerDType(image.dtype)) {
    const [lo, hi] = dtypeLimits(image.dtype);
    const k = lo === 0 ? hi : -1;
    for (let i = 0; i < src.length; i++) data[i] = k - src[i];
  } else {
    let offset = 1;
    if (floatMode === 'negate') offset = 0;
    else if (floatMode === 'range') {
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < src.length; i++) {
        if (src[i] < min) min = src[i];
        if (src[i] > max) max = src[i];
      }
      offset = min + max;
    }
    for (let i = 0; i < src.length; i++) data[i] = offset - src[i];
  }
  return { ...image, data, meta: copyMeta(image.meta) };
}
