// Maxima of a 2-D image as points, for counting spots and cells without segmenting them (Fiji's
// Process › Find Maxima, skimage's peak_local_max and h_maxima):
// - prominence: the maxima that stand at least `prominence` above every path to a higher maximum
//   (skimage.morphology.h_maxima(image, prominence): its regions are the tops of those maxima, 8-connected);
//   a top that is a plateau of several pixels counts once, at its pixel nearest the plateau's centroid
//   (ties: the first in raster order), as Fiji places a plateau's maximum;
// - distance: skimage.feature.peak_local_max(image, min_distance): pixels equal to the maximum of the
//   (2·min_distance + 1)² square around them, kept from the highest down unless closer than min_distance
//   (Chebyshev) to one already kept.
// Then, in both, points at or below `threshold` and those within `border` pixels of the edge are dropped.
// 'dark' finds minima: the maxima of the negated image (the threshold then keeps values below it).
// Points come in order of value, highest first (ties: raster order; with distance, skimage's order).
import { connectedRegions } from './connected-regions';
import { hMaxima, type HMaximaPrecision } from './h-maxima';
import { peakLocalMax } from './peak-local-max';

export type MaximaMethod = 'prominence' | 'distance';

export interface MaximaOptions {
  method: MaximaMethod;
  /** prominence: the least height a maximum must stand above its surroundings (> 0). */
  prominence: number;
  /** distance: the least Chebyshev distance between two maxima (integer ≥ 1). */
  minDistance: number;
  /** Keep only maxima above this value (bright) or below it (dark). */
  threshold?: number;
  /** Drop maxima within this many pixels of the image edge (0: keep all). */
  border: number;
  objects: 'bright' | 'dark';
  /** The type the values are held in: float32 images get h_maxima's float32 rounding allowance. */
  precision: HMaximaPrecision;
}

/** The maxima of one plane as flat (row-major) indices, highest first. */
export function findMaxima(plane: ArrayLike<number>, width: number, height: number, options: MaximaOptions): Int32Array {
  const n = width * height;
  if (plane.length !== n) throw new Error(`findMaxima: the plane must hold ${width}×${height} samples`);
  const dark = options.objects === 'dark';
  const values = Float64Array.from(plane);
  if (dark) for (let i = 0; i < n; i++) values[i] = -values[i];
  const threshold = options.threshold === undefined ? undefined : dark ? -options.threshold : options.threshold;
  const points =
    options.method === 'distance'
      ? peakLocalMax(values, width, height, { minDistance: options.minDistance, thresholdAbs: threshold, excludeBorder: options.border })
      : plateauCentres(values, width, height, options.prominence, options.precision);
  if (options.method === 'distance') return points;
  const b = options.border;
  return points.filter((i) => {
    const x = i % width;
    const y = (i - x) / width;
    return (threshold === undefined || values[i] > threshold) && x >= b && y >= b && x < width - b && y < height - b;
  });
}

/** One point per h-maximum region: its pixel nearest the region's centroid; highest value first. */
function plateauCentres(values: Float64Array, width: number, height: number, h: number, precision: HMaximaPrecision): Int32Array {
  const tops = hMaxima(values, width, height, h, precision);
  const regions = connectedRegions(width, height, 2, (i) => tops[i] === 1);
  const count = regions.count;
  const sx = new Float64Array(count + 1);
  const sy = new Float64Array(count + 1);
  for (let i = 0; i < values.length; i++) {
    const r = regions.labels[i];
    if (r === 0) continue;
    sx[r] += i % width;
    sy[r] += Math.floor(i / width);
  }
  const best = new Int32Array(count + 1).fill(-1);
  const bestD = new Float64Array(count + 1).fill(Infinity);
  for (let i = 0; i < values.length; i++) {
    const r = regions.labels[i];
    if (r === 0) continue;
    const dx = (i % width) - sx[r] / regions.sizes[r];
    const dy = Math.floor(i / width) - sy[r] / regions.sizes[r];
    const d = dx * dx + dy * dy;
    if (d < bestD[r]) {
      bestD[r] = d;
      best[r] = i;
    }
  }
  return Int32Array.from(best.subarray(1)).sort((a, b) => values[b] - values[a] || a - b);
}
