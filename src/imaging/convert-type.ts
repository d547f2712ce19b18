// Changing an image's pixel type, three ways:
// - 'clip': values kept, rounded half to even (np.rint) and clipped to the target's range;
// - 'rescale': the image's min..max stretched onto the target's full range (rescale_intensity);
// - 'scale': skimage's img_as_ubyte / img_as_uint / img_as_float32: integer types map full range to
//   full range (uint16 → uint8 keeps the high byte, uint8 → uint16 multiplies by 257), floats are
//   taken as 0..1.
import { UserError } from '../core/errors';
import { allocPixels, copyMeta, isIntegerDType, type DType, type Image } from '../core/image';
import { dtypeLimits } from './dtype-range';
import { rescaleIntensity } from './rescale-intensity';

export type TargetType = 'uint8' | 'uint16' | 'float32';
export type ConvertMode = 'clip' | 'rescale' | 'scale';

const BITS: Partial<Record<DType, number>> = { uint8: 8, uint16: 16, uint32: 32 };

/** np.rint: round half to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function clipValues(image: Image, to: TargetType): Image {
  const data = allocPixels(to, image.data.length);
  const [lo, hi] = dtypeLimits(to);
  const src = image.data;
  if (to === 'float32') data.set(src);
  else for (let i = 0; i < src.length; i++) data[i] = Math.min(hi, Math.max(lo, roundHalfEven(src[i])));
  return { ...image, dtype: to, data, meta: copyMeta(image.meta) };
}

/** skimage.util._convert for unsigned-integer and float images. */
function scaleLikeSkimage(image: Image, to: TargetType): Image {
  const src = image.data;
  const data = allocPixels(to, src.length);
  const from = image.dtype;
  const floatIn = !isIntegerDType(from);
  if (!floatIn && BITS[from] === undefined) {
    throw new UserError(`'scale' mode handles unsigned-integer and float images, not ${from}: use 'clip' or 'rescale'`);
  }
  if (from === to) data.set(src);
  else if (floatIn && to === 'float32') data.set(src);
  else if (floatIn) {
    const max = dtypeLimits(to)[1];
    const r = from === 'float32' ? Math.fround : (x: number) => x; // NumPy computes in the input's float type
    for (let i = 0; i < src.length; i++) {
      if (src[i] < -1 || src[i] > 1) throw new UserError(`'scale' mode needs float values in 0..1, found ${src[i]}: use 'rescale' or 'clip'`);
      data[i] = Math.min(max, Math.max(0, roundHalfEven(r(src[i] * max))));
    }
  } else if (to === 'float32') {
    const k = Math.fround(1 / dtypeLimits(from)[1]);
    for (let i = 0; i < src.length; i++) data[i] = src[i] * k; // stored as float32: one rounding, as NumPy
  } else {
    const n = BITS[from] as number;
    const m = BITS[to] as number;
    if (n > m) {
      const d = 2 ** (n - m);
      for (let i = 0; i < src.length; i++) data[i] = Math.floor(src[i] / d);
    } else {
      const k = (2 ** m - 1) / (2 ** n - 1); // exact: m is a multiple of n (8 → 16)
      for (let i = 0; i < src.length; i++) data[i] = src[i] * k;
    }
  }
  return { ...image, dtype: to, data, meta: copyMeta(image.meta) };
}

export function convertType(image: Image, to: TargetType, mode: ConvertMode): Image {
  if (mode === 'clip') return clipValues(image, to);
  if (mode === 'rescale') return rescaleIntensity(image, { mode: 'image' }, to).image;
  return scaleLikeSkimage(image, to);
}
