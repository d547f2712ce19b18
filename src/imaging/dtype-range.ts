// The value range of each pixel type and skimage's img_as_float convention, shared by the kernels
// that follow skimage in scaling integer images to 0..1.
import type { DType, PixelArray } from '../core/image';

/** skimage.util.dtype_limits: integers their full range, floats −1..1. */
export function dtypeLimits(dtype: DType): [number, number] {
  switch (dtype) {
    case 'uint8': return [0, 255];
    case 'uint16': return [0, 65535];
    case 'int16': return [-32768, 32767];
    case 'uint32': return [0, 4294967295];
    case 'int32': return [-2147483648, 2147483647];
    default: return [-1, 1];
  }
}

/**
 * skimage.util.img_as_float in float64: unsigned integers × (1/max) → 0..1, signed × (1/max)
 * clipped at −1; float values are kept.
 */
export function imgAsFloat64(values: PixelArray, dtype: DType): Float64Array {
  const out = Float64Array.from(values);
  if (dtype === 'float32' || dtype === 'float64') return out;
  const scale = 1 / dtypeLimits(dtype)[1];
  const signed = dtype === 'int16' || dtype === 'int32';
  for (let i = 0; i < out.length; i++) {
    const v = out[i] * scale;
    out[i] = signed && v < -1 ? -1 : v;
  }
  return out;
}
