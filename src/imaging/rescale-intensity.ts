// skimage.exposure.rescale_intensity(image, in_range, out_range), applied to each channel over all
// its planes: values are clipped to in_range, mapped linearly onto out_range, and cast to the output
// type by truncation (numpy's astype), exactly as skimage 0.19 with NumPy 1.24 computes it.
import { allocPixels, copyMeta, type DType, type Image, type PixelArray } from '../core/image';
import { dtypeLimits } from './dtype-range';
import { percentileOfSorted, sortedValues } from './percentile';

export type InRange =
  | { mode: 'image' }
  | { mode: 'percentiles'; low: number; high: number }
  | { mode: 'values'; low: number; high: number };

/** 'dtype' = the input's type and range; a type name = that type's range; {min, max} = float32. */
export type OutRange = 'dtype' | 'uint8' | 'uint16' | 'float32' | { min: number; max: number };

/** The samples of channel c over all planes, in the image's own type (so sortedValues can count them). */
export function channelValues(image: Image, c: number): PixelArray {
  const n = image.width * image.height;
  if (image.channels === 1) return image.data;
  const out = allocPixels(image.dtype, n * image.planes);
  for (let p = 0; p < image.planes; p++) {
    const start = (p * image.channels + c) * n;
    out.set(image.data.subarray(start, start + n), p * n);
  }
  return out;
}

/** The (min, max) that in_range stands for on these values. */
export function inputRange(values: PixelArray, range: InRange, float32: boolean): [number, number] {
  if (range.mode === 'values') return [range.low, range.high];
  const sorted = sortedValues(values);
  if (range.mode === 'image') return [sorted[0], sorted[sorted.length - 1]];
  return [percentileOfSorted(sorted, range.low, float32), percentileOfSorted(sorted, range.high, float32)];
}

export function outputDType(input: DType, range: OutRange): DType {
  if (range === 'dtype') return input;
  return typeof range === 'string' ? range : 'float32';
}

function outputRange(input: DType, range: OutRange, imin: number): [number, number] {
  if (typeof range === 'object') return [range.min, range.max];
  const [lo, hi] = dtypeLimits(range === 'dtype' ? input : range);
  return [imin >= 0 ? 0 : lo, hi]; // skimage's clip_negative = (imin >= 0)
}

/** Rescales each channel of `image`; returns the image and the (imin, imax) used per channel. */
export function rescaleIntensity(image: Image, inRange: InRange, outRange: OutRange): { image: Image; ranges: [number, number][] } {
  const dtype = outputDType(image.dtype, outRange);
  const out = allocPixels(dtype, image.data.length);
  const n = image.width * image.height;
  // NumPy keeps float32 arithmetic for a float32 array and Python-float bounds; integers go to float64
  const f32 = image.dtype === 'float32';
  const r = f32 ? Math.fround : (x: number) => x;
  const integerOut = dtype !== 'float32' && dtype !== 'float64';
  const ranges: [number, number][] = [];
  for (let c = 0; c < image.channels; c++) {
    const [imin, imax] = inputRange(channelValues(image, c), inRange, f32);
    const [omin, omax] = outputRange(image.dtype, outRange, imin);
    ranges.push([imin, imax]);
    const [lo, hi, ol, oh] = [r(imin), r(imax), r(omin), r(omax)];
    const span = r(imax - imin);
    const ospan = r(omax - omin);
    for (let p = 0; p < image.planes; p++) {
      const start = (p * image.channels + c) * n;
      for (let i = start; i < start + n; i++) {
        let v = image.data[i];
        v = v < lo ? lo : v > hi ? hi : v;
        if (imin !== imax) v = r(r(r(r(v - lo) / span) * ospan) + ol);
        else v = v < ol ? ol : v > oh ? oh : v;
        out[i] = integerOut ? Math.trunc(v) : v;
      }
    }
  }
  return { image: { ...image, dtype, data: out, meta: copyMeta(image.meta) }, ranges };
}
