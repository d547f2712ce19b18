// Triangle threshold (Zack et al. 1977), as skimage.filters.threshold_triangle (0.19.3): the bin
// farthest from the line joining the histogram peak to the end of its longer tail.
import type { PixelArray } from '../../core/image';
import { histogram } from '../histogram';
import { argmax } from '../numpy-float';
import { constantValue } from './constant';

export function thresholdTriangle(values: PixelArray): number {
  const constant = constantValue(values);
  if (constant !== undefined) return constant;
  const { counts, centers } = histogram(values);
  const nbins = counts.length;
  const peak = argmax(counts);
  const peakHeight = counts[peak];
  let low = 0;
  while (counts[low] === 0) low++;
  let high = nbins - 1;
  while (counts[high] === 0) high--;
  // flip when the left tail is the shorter one, so the search always runs over the longer tail
  const flip = peak - low < high - peak;
  const at = flip ? (i: number) => counts[nbins - 1 - i] : (i: number) => counts[i];
  const lowLevel = flip ? nbins - high - 1 : low;
  const peakLevel = flip ? nbins - peak - 1 : peak;
  const width = peakLevel - lowLevel;
  const norm = Math.sqrt(peakHeight * peakHeight + width * width);
  const h = peakHeight / norm;
  const w = width / norm;
  const length = new Float64Array(width);
  for (let x = 0; x < width; x++) length[x] = h * x - w * at(x + lowLevel);
  let level = argmax(length) + lowLevel;
  if (flip) level = nbins - level - 1;
  return centers[level];
}
