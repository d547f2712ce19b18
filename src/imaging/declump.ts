// Splitting touching objects of a 2-D mask: markers (local maxima of the distance transform or of a
// smoothed intensity, or their h-maxima), then a marker watershed restricted to the mask. The
// composition of skimage's peak_local_max / h_maxima / watershed, as in scikit-image's gallery
// example, with one addition: a connected object that got no marker keeps its pixels as one object
// (skimage would leave it unlabelled).
import { connectedRegions } from './connected-regions';
import { distanceTransformEdt } from './distance-transform';
import { hMaxima } from './h-maxima';
import { diskFootprint, peakLocalMax, squareFootprint } from './peak-local-max';
import { watershed } from './watershed';

export interface DeclumpOptions {
  /**
   * 'shape': distance transform; 'intensity': the given smoothed intensity (bright objects);
   * 'combined': their product (thick and bright: centres of bright nuclei).
   */
  method: DeclumpMethod;
  /** Minimal distance between markers (px); 0 = automatic, from the typical object radius. */
  minDistance: number;
  footprint: 'square' | 'disk';
  /** > 0: markers are the h-maxima of this height instead of spaced peaks. */
  h: number;
  connectivity: 4 | 8;
}

export type DeclumpMethod = 'shape' | 'intensity' | 'combined';

/**
 * Fraction of the typical object radius used as min_distance when it is automatic, per method (chosen
 * on the DSB2018 ground truth, scripts/reference/segment_declump_f1.py; the product surface has
 * sharper maxima, so closer markers stay single).
 */
export const AUTO_MIN_DISTANCE_FRACTION: Record<DeclumpMethod, number> = { shape: 0.75, intensity: 0.75, combined: 0.5 };

/** Numbers the 4- or 8-connected groups of mask pixels still 0 in `labels`, from `first` on, in raster order of their first pixel; returns how many. */
export function labelLeftovers(mask: ArrayLike<number>, labels: Uint32Array, width: number, height: number, connectivity: 4 | 8, first: number): number {
  const regions = connectedRegions(width, height, connectivity === 8 ? 2 : 1, (i) => mask[i] !== 0 && labels[i] === 0);
  for (let i = 0; i < labels.length; i++) if (regions.labels[i] !== 0) labels[i] = regions.labels[i] + first - 1;
  return regions.count;
}

/** Connected components (0 = background) of a mask, numbered in raster order. */
function components(mask: ArrayLike<number>, width: number, height: number, connectivity: 4 | 8): Uint32Array {
  const out = new Uint32Array(width * height);
  labelLeftovers(mask, out, width, height, connectivity, 1);
  return out;
}

/** Median over objects of their largest distance to the background: the typical object radius. */
export function typicalRadius(distance: Float64Array, comps: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < comps.length; i++) if (comps[i] > n) n = comps[i];
  if (n === 0) return 0;
  const maxima = new Float64Array(n);
  for (let i = 0; i < comps.length; i++) if (comps[i] && distance[i] > maxima[comps[i] - 1]) maxima[comps[i] - 1] = distance[i];
  maxima.sort();
  return n % 2 ? maxima[(n - 1) >> 1] : (maxima[n / 2 - 1] + maxima[n / 2]) / 2;
}

export interface DeclumpResult {
  labels: Uint32Array;
  count: number;
  /** The min_distance used (the automatic one when asked for 0). */
  minDistance: number;
}

/** `intensity` (same size) is required for methods 'intensity' and 'combined'. */
export function declump(mask: ArrayLike<number>, width: number, height: number, options: DeclumpOptions, intensity?: ArrayLike<number>): DeclumpResult {
  const { connectivity } = options;
  const comps = components(mask, width, height, connectivity);
  const distance = distanceTransformEdt(mask, width, height);
  let minDistance = options.minDistance;
  if (minDistance === 0) {
    minDistance = Math.max(1, Math.round(AUTO_MIN_DISTANCE_FRACTION[options.method] * typicalRadius(distance, comps)));
  }
  let surface: Float64Array;
  if (options.method !== 'shape') {
    if (!intensity) throw new Error(`declump: method ${options.method} needs an intensity image`);
    surface = Float64Array.from(intensity);
    if (options.method === 'combined') for (let i = 0; i < surface.length; i++) surface[i] *= distance[i];
  } else surface = distance;
  const markers = new Uint32Array(width * height);
  let count: number;
  if (options.h > 0) {
    const maxima = hMaxima(surface, width, height, options.h, 'float64');
    for (let i = 0; i < maxima.length; i++) if (!mask[i]) maxima[i] = 0;
    count = labelLeftovers(maxima, markers, width, height, 8, 1);
  } else {
    const footprint = options.footprint === 'disk' ? diskFootprint(minDistance) : squareFootprint(minDistance);
    const peaks = peakLocalMax(surface, width, height, { minDistance, footprint, labels: comps });
    // numbered as ndi.label of the peak image: raster order, 4-connected peaks merged
    const peakImage = new Uint8Array(width * height);
    for (const p of peaks) peakImage[p] = 1;
    count = labelLeftovers(peakImage, markers, width, height, 4, 1);
  }
  const flood = new Float64Array(surface.length);
  for (let i = 0; i < flood.length; i++) flood[i] = -surface[i];
  const labels = watershed(flood, markers, width, height, { mask, connectivity: connectivity === 8 ? 2 : 1 });
  count += labelLeftovers(mask, labels, width, height, connectivity, count + 1);
  return { labels, count, minDistance };
}
