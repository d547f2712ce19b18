// Intensity histogram as skimage.exposure.histogram(image, nbins, source_range='image') computes it in
// scikit-image 0.19, which is what its threshold_* functions use:
// - integer images: one bin per integer value from min to max (the bin centres are those integers);
// - float images: `nbins` equal bins over [min, max] with numpy.histogram semantics (every bin is
//   half-open except the last, which is closed), edges and centres in the image's precision.
import type { PixelArray } from '../core/image';
import { UserError } from '../core/errors';
import { isFloatArray, roundingOf, type Rounding } from './numpy-float';

export interface Histogram {
  /** Pixel count per bin. */
  counts: Float64Array;
  /** Value at the centre of each bin (exact float32 values for float32 images). */
  centers: Float64Array;
}

/** More integer bins than this means a very wide integer range: skimage would allocate them all. */
const MAX_INTEGER_BINS = 1 << 26;

export interface Range {
  min: number;
  max: number;
}

/** Smallest and largest value; UserError on NaN or infinite values (no histogram range exists). */
export function finiteRange(values: PixelArray): Range {
  let min = Infinity;
  let max = -Infinity;
  let finite = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (v - v !== 0) finite = false; // NaN or ±Infinity
  }
  if (values.length === 0) throw new UserError('the image has no pixels');
  if (!finite) throw new UserError('the image has NaN or infinite pixels: an automatic threshold needs finite values');
  return { min, max };
}

export function histogram(values: PixelArray, nbins = 256): Histogram {
  const range = finiteRange(values);
  return isFloatArray(values) ? floatHistogram(values, nbins, range) : integerHistogram(values, range);
}

export function integerHistogram(values: PixelArray, { min, max }: Range = finiteRange(values)): Histogram {
  const size = max - min + 1;
  if (size > MAX_INTEGER_BINS) {
    throw new UserError(`the image spans ${size} integer values (${min}..${max}); convert it to float to threshold it`);
  }
  const counts = new Float64Array(size);
  for (let i = 0; i < values.length; i++) counts[values[i] - min]++;
  const centers = new Float64Array(size);
  for (let i = 0; i < size; i++) centers[i] = min + i;
  return { counts, centers };
}

/**
 * numpy.histogram(values, bins=nbins) with the range taken from the data, computed in the same
 * precision as NumPy 1.24 does for the array's dtype: edges from linspace (float64, then stored in
 * the image's type), the bin index from (v - first) * (nbins / (last - first)) in the image's type,
 * then corrected by one bin against the stored edges.
 */
export function floatHistogram(values: Float32Array | Float64Array, nbins: number, range = finiteRange(values)): Histogram {
  const round: Rounding = roundingOf(values);
  let { min: first, max: last } = range;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const firstR = round(first);
  const norm = round(nbins / round(last - first));
  const edges = binEdges(first, last, nbins, round);
  const counts = new Float64Array(nbins);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let bin = Math.trunc(round(round(v - firstR) * norm));
    if (bin === nbins) bin--;
    if (v < edges[bin]) bin--;
    else if (v >= edges[bin + 1] && bin !== nbins - 1) bin++;
    counts[bin]++;
  }
  const centers = new Float64Array(nbins);
  for (let i = 0; i < nbins; i++) centers[i] = round(round(edges[i] + edges[i + 1]) / 2);
  return { counts, centers };
}

/** np.linspace(first, last, nbins + 1) computed in float64, stored with `round`. */
function binEdges(first: number, last: number, nbins: number, round: Rounding): Float64Array {
  const edges = new Float64Array(nbins + 1);
  const step = (last - first) / nbins;
  for (let i = 0; i < nbins; i++) edges[i] = round(i * step + first);
  edges[nbins] = round(last);
  return edges;
}
