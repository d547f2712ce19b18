// Projections across planes (z or t), per channel and pixel, as NumPy computes them on a
// (planes, height, width) array:
// - max, min: np.max / np.min(axis=0); the dtype is kept and a NaN anywhere in a pixel's series wins.
// - sum: np.sum(axis=0, dtype=float64), planes added in order; float64 output (exact for integers).
// - mean: np.mean(axis=0, dtype=float64) rounded to float32.
// - std: np.std(axis=0, dtype=float64, ddof=0) (population: divides by the number of planes), float32.
import { allocPixels, copyMeta, createImage, slice2d, type Image, type PixelArray } from '../core/image';

export const PROJECTIONS = ['max', 'min', 'sum', 'mean', 'std'] as const;
export type Projection = (typeof PROJECTIONS)[number];

/** One plane per channel: the projection of each pixel's values over all planes. */
export function projectPlanes(image: Image, method: Projection): Image {
  const { width, height, planes, channels } = image;
  const n = width * height;
  const dtype = method === 'max' || method === 'min' ? image.dtype : method === 'sum' ? 'float64' : 'float32';
  const data = allocPixels(dtype, n * channels);
  const sum = new Float64Array(n);
  for (let c = 0; c < channels; c++) {
    const out = data.subarray(c * n, (c + 1) * n) as PixelArray;
    if (method === 'max' || method === 'min') {
      extremum(image, c, method === 'max', out);
      continue;
    }
    sumPlanes(image, c, sum);
    if (method === 'sum') out.set(sum);
    else if (method === 'mean') for (let i = 0; i < n; i++) out[i] = sum[i] / planes;
    else standardDeviation(image, c, sum, out);
  }
  const meta = copyMeta(image.meta);
  if (meta.pixelSize) delete meta.pixelSize.z;
  return createImage({ width, height, channels }, dtype, data, meta);
}

function extremum(image: Image, channel: number, max: boolean, out: PixelArray): void {
  out.set(slice2d(image, 0, channel));
  for (let p = 1; p < image.planes; p++) {
    const plane = slice2d(image, p, channel);
    for (let i = 0; i < out.length; i++) {
      const v = plane[i];
      const cur = out[i];
      if (cur !== cur) continue; // NaN already: np.max keeps it
      if (v !== v || (max ? v > cur : v < cur)) out[i] = v;
    }
  }
}

/** Sequential float64 sum over planes (what np.add.reduce does along a non-contiguous axis). */
function sumPlanes(image: Image, channel: number, sum: Float64Array): void {
  sum.set(slice2d(image, 0, channel));
  for (let p = 1; p < image.planes; p++) {
    const plane = slice2d(image, p, channel);
    for (let i = 0; i < sum.length; i++) sum[i] += plane[i];
  }
}

/** np.std's steps: mean = sum / n; Σ (x − mean)² in plane order; / n; sqrt. */
function standardDeviation(image: Image, channel: number, sum: Float64Array, out: PixelArray): void {
  const { planes } = image;
  const mean = new Float64Array(sum.length);
  for (let i = 0; i < mean.length; i++) mean[i] = sum[i] / planes;
  const squares = new Float64Array(sum.length);
  for (let p = 0; p < planes; p++) {
    const plane = slice2d(image, p, channel);
    for (let i = 0; i < squares.length; i++) {
      const d = plane[i] - mean[i];
      squares[i] += d * d;
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(squares[i] / planes);
}
