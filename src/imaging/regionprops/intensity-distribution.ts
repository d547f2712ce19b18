// Distribution of the intensity over each object's pixels, in float64 (CellProfiler's
// MeasureObjectIntensity statistics with NumPy's definitions): standard deviation (population,
// ddof = 0, np.std), median (np.median: the mean of the two middle values for an even count), lower
// and upper quartiles (np.percentile 25 / 75, linear interpolation between order statistics), and
// the median absolute deviation from the median (MAD, unscaled). NaN samples make every statistic NaN.
import { percentileOfSorted } from '../percentile';
import type { ObjectPixels } from './object-pixels';

export const INTENSITY_DISTRIBUTION = [
  'std_intensity', 'median_intensity', 'lower_quartile_intensity', 'upper_quartile_intensity', 'mad_intensity',
] as const;
export type IntensityDistributionName = (typeof INTENSITY_DISTRIBUTION)[number];

function medianOfSorted(v: Float64Array): number {
  const n = v.length;
  return n % 2 ? v[(n - 1) >> 1] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

export function intensityDistribution(intensity: ArrayLike<number>, objects: ObjectPixels): Record<IntensityDistributionName, Float64Array> {
  const k = objects.present.length;
  const out = Object.fromEntries(INTENSITY_DISTRIBUTION.map((c) => [c, new Float64Array(k)])) as Record<IntensityDistributionName, Float64Array>;
  let longest = 0;
  for (let s = 0; s < k; s++) longest = Math.max(longest, objects.start[s + 1] - objects.start[s]);
  const buffer = new Float64Array(longest);
  for (let s = 0; s < k; s++) {
    const n = objects.start[s + 1] - objects.start[s];
    const v = buffer.subarray(0, n);
    let sum = 0;
    let nan = false;
    for (let q = 0; q < n; q++) {
      v[q] = intensity[objects.pixels[objects.start[s] + q]];
      sum += v[q];
      if (v[q] !== v[q]) nan = true;
    }
    if (nan) {
      for (const c of INTENSITY_DISTRIBUTION) out[c][s] = NaN;
      continue;
    }
    const mean = sum / n;
    let ss = 0;
    for (let q = 0; q < n; q++) ss += (v[q] - mean) * (v[q] - mean);
    out.std_intensity[s] = Math.sqrt(ss / n);
    v.sort();
    const median = medianOfSorted(v);
    out.median_intensity[s] = median;
    out.lower_quartile_intensity[s] = percentileOfSorted(v, 25);
    out.upper_quartile_intensity[s] = percentileOfSorted(v, 75);
    for (let q = 0; q < n; q++) v[q] = Math.abs(v[q] - median);
    v.sort();
    out.mad_intensity[s] = medianOfSorted(v);
  }
  return out;
}

export const INTENSITY_BASICS = ['mean_intensity', 'min_intensity', 'max_intensity', 'integrated_intensity'] as const;
export type IntensityBasicName = (typeof INTENSITY_BASICS)[number];

/** Mean, min, max and sum per object, summed in raster order as regionProps does (same values). */
export function intensityBasics(intensity: ArrayLike<number>, objects: ObjectPixels): Record<IntensityBasicName, Float64Array> {
  const k = objects.present.length;
  const out = Object.fromEntries(INTENSITY_BASICS.map((c) => [c, new Float64Array(k)])) as Record<IntensityBasicName, Float64Array>;
  for (let s = 0; s < k; s++) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let q = objects.start[s]; q < objects.start[s + 1]; q++) {
      const v = intensity[objects.pixels[q]];
      sum += v;
      // a NaN sample makes min and max NaN, as numpy's min/max do
      if (v < min || v !== v || min !== min) min = v !== v || min !== min ? NaN : v;
      if (v > max || v !== v || max !== max) max = v !== v || max !== max ? NaN : v;
    }
    const n = objects.start[s + 1] - objects.start[s];
    out.mean_intensity[s] = sum / n;
    out.min_intensity[s] = min;
    out.max_intensity[s] = max;
    out.integrated_intensity[s] = sum;
  }
  return out;
}
