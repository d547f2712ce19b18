// Illumination (flat-field) estimate from one image, as CellProfiler's CorrectIlluminationCalculate
// with "Each" images: a strong smoothing that keeps only the slow variation of brightness across the
// field, optionally divided by its own mean or median so that dividing by it keeps intensities in the
// same units. Smoothing: a Gaussian (scipy gaussian_filter, mode 'nearest', truncate 4) or a median
// over a disk (scipy median_filter with disk footprint, mode 'nearest'), in float64.
import type { Image } from '../core/image';
import { gaussianFilter64 } from './gaussian-derivative';
import { medianDisk } from './median';
import { mapSlicesFloat } from './per-slice';
import { percentileOfSorted, sortedValues } from './percentile';

export type IlluminationSmoothing = 'gaussian' | 'median';
export type IlluminationNormalize = 'none' | 'mean' | 'median';

export function estimateIllumination(
  input: Float64Array, width: number, height: number,
  smoothing: IlluminationSmoothing, size: number, normalize: IlluminationNormalize,
): Float64Array {
  let smooth: Float64Array;
  if (smoothing === 'gaussian') smooth = gaussianFilter64(input, width, height, size, 'nearest');
  else {
    smooth = new Float64Array(input.length);
    medianDisk(input, width, height, size, smooth);
  }
  if (normalize === 'none') return smooth;
  let divisor: number;
  if (normalize === 'mean') {
    divisor = 0;
    for (let i = 0; i < smooth.length; i++) divisor += smooth[i];
    divisor /= smooth.length;
  } else divisor = percentileOfSorted(sortedValues(smooth), 50);
  for (let i = 0; i < smooth.length; i++) smooth[i] /= divisor;
  return smooth;
}

/** The illumination estimate of every 2-D slice (each normalised on its own), float32. */
export function illuminationImage(image: Image, smoothing: IlluminationSmoothing, size: number, normalize: IlluminationNormalize): Image {
  return mapSlicesFloat(image, 'float32', (v, w, h) => estimateIllumination(v, w, h, smoothing, size, normalize));
}
