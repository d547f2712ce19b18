// Regional maxima of height >= h, as skimage.morphology.h_maxima (scikit-image 0.19.3): the image is
// lowered by h (minus a relative rounding allowance for float images), rebuilt under itself by
// greyscale reconstruction by dilation (8-connected, 3 × 3 footprint, the image edge a wall), and the
// pixels where the image stands at least h above its reconstruction are the h-maxima.
// The reconstruction is reconstruction.ts's, 8-connected.
import { reconstructByDilation } from './reconstruction';

export type HMaximaPrecision = 'float32' | 'float64';

/**
 * skimage.morphology.h_maxima(image, h): 1 on the maxima at least h high. `precision` is the dtype
 * skimage would see (the rounding allowance and arithmetic of float32 images differ from float64).
 */
export function hMaxima(image: ArrayLike<number>, width: number, height: number, h: number, precision: HMaximaPrecision = 'float64'): Uint8Array {
  const n = width * height;
  if (image.length !== n) throw new Error(`hMaxima: image must hold ${width}×${height} samples`);
  if (!(h > 0)) throw new Error('hMaxima: h must be > 0');
  const out = new Uint8Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (image[i] < min) min = image[i];
    if (image[i] > max) max = image[i];
  }
  const range = precision === 'float32' ? Math.fround(max - min) : max - min;
  if (h > range) return out;
  const shifted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = image[i];
    if (precision === 'float64') shifted[i] = v - h - 2e-15 * Math.abs(v);
    else if (precision === 'float32') {
      // numpy float32 arithmetic: each step rounded to float32 (finfo(float32).resolution = 1e-6)
      const resolution = Math.fround(Math.fround(2 * Math.fround(1e-6)) * Math.abs(v));
      shifted[i] = Math.fround(Math.fround(v - h) - resolution);
    }
  }
  const rec = reconstructByDilation(shifted, image, width, height, 8);
  for (let i = 0; i < n; i++) out[i] = image[i] - rec[i] >= h ? 1 : 0;
  return out;
}
