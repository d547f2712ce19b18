// Values over planes (a time-lapse or a z-series), in long and wide form:
// - measureLabelsOverPlanes: each object of a 2-D label image measured in every plane of a stack;
// - pixelSeries: each pixel's values across planes, raw or normalised (ΔF/F0, z-score).
// Sums are taken in float64, planes in order.
import type { Image, Labels, Mask } from '../core/image';

export interface LabelSeries {
  /** One entry per (object, plane), objects in ascending label order, planes in order within each. */
  label: Float64Array;
  plane: Float64Array;
  area: Float64Array;
  mean: Float64Array;
  min: Float64Array;
  max: Float64Array;
  sum: Float64Array;
}

/** Objects of `labels` (one plane) measured in every plane of `image` (one channel, same width/height). */
export function measureLabelsOverPlanes(labels: Labels, image: Image): LabelSeries {
  const n = labels.width * labels.height;
  const size = labels.count + 1;
  const area = new Float64Array(size);
  for (let i = 0; i < n; i++) area[labels.data[i]]++;
  const present: number[] = [];
  for (let l = 1; l < size; l++) if (area[l] > 0) present.push(l);
  const rows = present.length * image.planes;
  const out: LabelSeries = {
    label: new Float64Array(rows), plane: new Float64Array(rows), area: new Float64Array(rows),
    mean: new Float64Array(rows), min: new Float64Array(rows), max: new Float64Array(rows), sum: new Float64Array(rows),
  };
  const sum = new Float64Array(size);
  const min = new Float64Array(size);
  const max = new Float64Array(size);
  for (let p = 0; p < image.planes; p++) {
    sum.fill(0);
    min.fill(Infinity);
    max.fill(-Infinity);
    const plane = image.data.subarray(p * n, (p + 1) * n);
    for (let i = 0; i < n; i++) {
      const l = labels.data[i];
      if (l === 0) continue;
      const v = plane[i];
      sum[l] += v;
      if (v < min[l]) min[l] = v;
      if (v > max[l]) max[l] = v;
    }
    present.forEach((l, k) => {
      const row = k * image.planes + p;
      out.label[row] = l;
      out.plane[row] = p;
      out.area[row] = area[l];
      out.sum[row] = sum[l];
      out.mean[row] = sum[l] / area[l];
      out.min[row] = min[l];
      out.max[row] = max[l];
    });
  }
  return out;
}

export type SeriesNormalisation = 'raw' | 'dff' | 'zscore';

export interface PixelSeries {
  /** Column and row of each pixel, in row-major order (only the pixels inside the mask, if one is given). */
  x: Float64Array;
  y: Float64Array;
  /** values[p][k]: plane p of pixel k. */
  values: Float64Array[];
}

/**
 * Each pixel's values across planes. dff: (F − F0) / F0 with F0 the mean of planes
 * baseline[0]..baseline[1] (inclusive); NaN where F0 is 0. zscore: (F − mean) / std over all planes
 * (population std, ddof = 0); NaN where std is 0.
 */
export function pixelSeries(
  image: Image,
  mask: Mask | undefined,
  normalisation: SeriesNormalisation,
  baseline: readonly [number, number] = [0, 0],
): PixelSeries {
  const { width, height, planes } = image;
  const n = width * height;
  const pixels: number[] = [];
  for (let i = 0; i < n; i++) if (!mask || mask.data[i]) pixels.push(i);
  const count = pixels.length;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const values = Array.from({ length: planes }, () => new Float64Array(count));
  for (let k = 0; k < count; k++) {
    const i = pixels[k];
    x[k] = i % width;
    y[k] = Math.floor(i / width);
    for (let p = 0; p < planes; p++) values[p][k] = image.data[p * n + i];
  }
  if (normalisation === 'raw') return { x, y, values };

  const centre = new Float64Array(count);
  const scale = new Float64Array(count);
  if (normalisation === 'dff') {
    const [first, last] = baseline;
    for (let p = first; p <= last; p++) for (let k = 0; k < count; k++) centre[k] += values[p][k];
    for (let k = 0; k < count; k++) scale[k] = centre[k] /= last - first + 1;
  } else {
    for (let p = 0; p < planes; p++) for (let k = 0; k < count; k++) centre[k] += values[p][k];
    for (let k = 0; k < count; k++) centre[k] /= planes;
    for (let p = 0; p < planes; p++) {
      for (let k = 0; k < count; k++) {
        const d = values[p][k] - centre[k];
        scale[k] += d * d;
      }
    }
    for (let k = 0; k < count; k++) scale[k] = Math.sqrt(scale[k] / planes);
  }
  for (const row of values) {
    for (let k = 0; k < count; k++) row[k] = scale[k] !== 0 ? (row[k] - centre[k]) / scale[k] : NaN;
  }
  return { x, y, values };
}
