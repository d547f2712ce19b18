// The granular spectrum of CellProfiler's MeasureGranularity (CellProfiler 4.2,
// cellprofiler/modules/measuregranularity.py, run_on_image_setting), step for step and in the same
// precision (float32 images, float64 means), for one 2-D plane:
// 1. Subsample (subsample_size s < 1): a ceil(H·s) × ceil(W·s) image sampled at (i/s, j/s) by
//    scipy.ndimage.map_coordinates(order=1) (points beyond the last row/column give 0); the mask of valid
//    pixels is map_coordinates of an all-ones image (order 3) > 0.9.
// 2. Background (image_sample_size b < 1): that image subsampled again the same way (ceil(H·s·b) rows,
//    at i/b; the mask too), opened with disk(element_size) (grey erosion then dilation, the masked pixels
//    set to 0 before each), mapped back to the subsampled size (row i at i·(H·s·b − 1)/(H·s − 1),
//    bilinear) and subtracted; negative values become 0.
// 3. Spectrum: ero = the image (0 where masked). For k = 1…N: ero = grey erosion of ero by the 3 × 3
//    cross (disk(1)); rec = greyscale reconstruction by dilation of ero under the image (4-connected);
//    GS_k = 100 · (mean_{k−1} − mean_k) / mean_0 (means over the valid pixels; mean_0 of the image,
//    in float32 as NumPy; mean_0 at least 2^-52).
// 4. Objects: each object's mean of the full-size input (not background-corrected) starts its own
//    spectrum; at every step rec is mapped back to full size (row i at i·(H·s − 1)/(H − 1), bilinear)
//    and GS_k(object) = 100 · (mean_{k−1} − mean_k) / mean_0 of the object's pixels.
import type { DType, PixelArray } from '../core/image';
import { linearAxis, mapCoordinatesCubic1d, mapCoordinatesLinear } from './map-coordinates';
import { dilate2d, erode2d } from './morphology';
import { numpyMean } from './numpy-float';
import { reconstructByDilation } from './reconstruction';
import { objectPixels, type ObjectPixels } from './regionprops/object-pixels';

export interface GranularityOptions {
  /** CellProfiler "Subsampling factor for granularity measurements", in (0, 1]. */
  subsampleSize: number;
  /** CellProfiler "Subsampling factor for background reduction", in (0, 1]. */
  imageSampleSize: number;
  /** CellProfiler "Radius of structuring element" (px of the subsampled image): the background opening's disk. */
  elementSize: number;
  /** CellProfiler "Range of the granular spectrum": the number of erosion steps. */
  spectrumLength: number;
}

export interface GranularitySpectra {
  /** GS_1 … GS_N of the image, in percent of the background-corrected signal. */
  image: Float64Array;
  /** With labels: the labels present (ascending) and spectra[k][o] = GS_(k+1) of object o. */
  objects?: { labels: Uint32Array; spectra: Float64Array[] };
}

const EPS = Number.EPSILON; // np.finfo(float).eps

/**
 * The image as CellProfiler holds it (cellprofiler_core Image.set_image): float32, integer types
 * scaled to 0..1 (uint8 ÷ 255, uint16 ÷ 65535, uint32 ÷ 2^32; signed: + 2^(bits−1) first, then clipped
 * to 0..1), each step rounded to float32 as NumPy does; float images only rounded to float32.
 */
export function cellProfilerPixels(values: PixelArray, dtype: DType): Float32Array {
  const f = Math.fround;
  const out = new Float32Array(values.length);
  const clip = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    switch (dtype) {
      case 'uint8': out[i] = v / 255; break;
      case 'uint16': out[i] = v / 65535; break;
      case 'uint32': out[i] = f(v) / 4294967296; break; // 2^32 − 1 is 2^32 in float32
      case 'int16': out[i] = clip(f((v + 32768) / 65535)); break;
      case 'int32': out[i] = clip(f(f(f(v) + 2147483648) / 4294967296)); break;
      default: out[i] = v;
    }
  }
  return out;
}

/** CellProfiler's sample grid along one axis: ceil(size) points (np.mgrid[0:size]), point i at map(i). */
function grid(size: number, map: (i: number) => number): Float64Array {
  return Float64Array.from({ length: Math.ceil(size) }, (_, i) => map(i));
}

/**
 * The valid pixels of a subsampled image: map_coordinates(mask, …, order=3) > 0.9 with a separable
 * 0/1 mask (rows × columns, which every mask here is) is, up to rounding, R[y] · C[x] > 0.9, R and C
 * the cubic samples of its row and column masks.
 */
function validPixels(rowValues: Float64Array, colValues: Float64Array): Uint8Array {
  const w = colValues.length;
  const mask = new Uint8Array(rowValues.length * w);
  for (let y = 0; y < rowValues.length; y++) for (let x = 0; x < w; x++) mask[y * w + x] = rowValues[y] * colValues[x] > 0.9 ? 1 : 0;
  return mask;
}

const ones = (n: number) => new Float64Array(n).fill(1);

/** A plane subsampled at (i/scale, j/scale), with the cubic samples of its row and column masks. */
interface Sampled {
  data: Float32Array;
  /** CellProfiler's (fractional) shape: size · scale. */
  shapeH: number;
  shapeW: number;
  rows: number;
  cols: number;
  rowValues: Float64Array;
  colValues: Float64Array;
}

function subsampleCp(
  src: Float32Array, width: number, height: number, shapeH: number, shapeW: number, scale: number, rowMask: Float64Array, colMask: Float64Array,
): Sampled {
  const ys = grid(shapeH * scale, (i) => i / scale);
  const xs = grid(shapeW * scale, (j) => j / scale);
  const data = new Float32Array(ys.length * xs.length);
  mapCoordinatesLinear(src, width, linearAxis(height, ys), linearAxis(width, xs), data);
  return {
    data, shapeH: shapeH * scale, shapeW: shapeW * scale, rows: ys.length, cols: xs.length,
    rowValues: mapCoordinatesCubic1d(rowMask, ys), colValues: mapCoordinatesCubic1d(colMask, xs),
  };
}

/** Bilinear map of `src` (srcRows × srcCols) onto rows × cols, row i at i·(srcShapeH − 1)/(shapeH − 1). */
function stretch(
  src: ArrayLike<number>, srcRows: number, srcCols: number, srcShapeH: number, srcShapeW: number,
  rows: number, cols: number, shapeH: number, shapeW: number, out: Float32Array | Float64Array,
): void {
  const fy = (srcShapeH - 1) / (shapeH - 1);
  const fx = (srcShapeW - 1) / (shapeW - 1);
  const ys = Float64Array.from({ length: rows }, (_, i) => i * fy);
  const xs = Float64Array.from({ length: cols }, (_, j) => j * fx);
  mapCoordinatesLinear(src, srcCols, linearAxis(srcRows, ys), linearAxis(srcCols, xs), out);
}

function zeroOutside(data: Float32Array, mask: Uint8Array): Float32Array {
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = mask[i] ? data[i] : 0;
  return out;
}

function above(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = values[i] > 0.9 ? 1 : 0;
  return out;
}

/** The background-corrected, subsampled image and its mask (steps 1 and 2). */
function correctedImage(pixels: Float32Array, width: number, height: number, o: GranularityOptions): { image: Sampled; mask: Uint8Array } {
  const image: Sampled = o.subsampleSize < 1
    ? subsampleCp(pixels, width, height, height, width, o.subsampleSize, ones(height), ones(width))
    : { data: pixels.slice(), shapeH: height, shapeW: width, rows: height, cols: width, rowValues: ones(height), colValues: ones(width) };
  // the first mask samples an all-ones image: about 1 inside, 0 beyond the edge, so it stays separable
  const mask = validPixels(image.rowValues, image.colValues);
  const { rows, cols } = image;
  if (rows < 2 || cols < 2) {
    throw new Error(`granularity: the subsampled image is ${cols}×${rows} px, it must be at least 2×2`);
  }
  const back = o.imageSampleSize < 1
    ? subsampleCp(image.data, cols, rows, image.shapeH, image.shapeW, o.imageSampleSize, above(image.rowValues), above(image.colValues))
    : image;
  const backMask = back === image ? mask : validPixels(back.rowValues, back.colValues);
  const eroded = erode2d(zeroOutside(back.data, backMask), back.cols, back.rows, 'disk', o.elementSize);
  let background = dilate2d(zeroOutside(eroded as Float32Array, backMask), back.cols, back.rows, 'disk', o.elementSize) as Float32Array;
  if (back !== image) {
    const full = new Float32Array(rows * cols);
    stretch(background, back.rows, back.cols, back.shapeH, back.shapeW, rows, cols, image.shapeH, image.shapeW, full);
    background = full;
  }
  const data = image.data;
  for (let i = 0; i < data.length; i++) {
    data[i] = data[i] - background[i];
    if (data[i] < 0) data[i] = 0;
  }
  return { image, mask };
}

/** np.mean(values[mask]) in the precision of `values` (float32: float32 pairwise sums, as NumPy). */
function maskedMean(values: Float32Array | Float64Array, mask: Uint8Array, all: boolean): number {
  if (all) return numpyMean(values);
  const picked = new (values.constructor as Float32ArrayConstructor | Float64ArrayConstructor)(values.length);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (mask[i]) picked[k++] = values[i];
  return numpyMean(picked, k);
}

/**
 * Per-object means, as scipy.ndimage.mean(values, labels, index) (each object's sum in raster order,
 * np.bincount), each object's spectrum starting from its mean of the full-size input.
 */
class ObjectSpectra {
  readonly spectra: Float64Array[] = [];
  private readonly objects: ObjectPixels;
  private current: Float64Array;
  private readonly start: Float64Array;

  constructor(labelImage: Uint32Array, pixels: Float32Array) {
    this.objects = objectPixels(labelImage);
    this.current = this.means(pixels);
    this.start = this.current.map((m) => Math.max(m, EPS));
  }

  get labels(): Uint32Array {
    return this.objects.present;
  }

  private means(values: ArrayLike<number>): Float64Array {
    const { present, start, pixels } = this.objects;
    const out = new Float64Array(present.length);
    for (let k = 0; k < present.length; k++) {
      let sum = 0;
      for (let j = start[k]; j < start[k + 1]; j++) sum += values[pixels[j]];
      out[k] = sum / (start[k + 1] - start[k]);
    }
    return out;
  }

  /** One step: `image` is the reconstruction stretched back to full size. */
  add(image: Float64Array): void {
    const mean = this.means(image);
    this.spectra.push(mean.map((m, k) => ((this.current[k] - m) * 100) / this.start[k]));
    this.current = mean;
  }
}

/**
 * The granular spectrum of one plane (`pixels` as CellProfiler holds it: see cellProfilerPixels), and
 * with `labels` (same size) that of each object.
 */
export function granularity(pixels: Float32Array, width: number, height: number, o: GranularityOptions, labels?: Uint32Array): GranularitySpectra {
  if (pixels.length !== width * height || (labels && labels.length !== width * height)) throw new Error(`granularity: expected ${width}×${height} samples`);
  if (labels && (width < 2 || height < 2)) throw new Error('granularity: objects need an image at least 2×2 px');
  const { image, mask } = correctedImage(pixels, width, height, o);
  const { rows, cols } = image;
  const allValid = mask.every((m) => m === 1);
  const startMean = maskedMean(image.data, mask, allValid);
  const start = Math.max(startMean, EPS);
  let current = startMean;
  const objects = labels && new ObjectSpectra(labels, pixels);
  const full = objects && new Float64Array(width * height);

  const spectrum = new Float64Array(o.spectrumLength);
  let ero = zeroOutside(image.data, mask);
  for (let k = 0; k < o.spectrumLength; k++) {
    const previous = current;
    ero = erode2d(zeroOutside(ero, mask), cols, rows, 'disk', 1) as Float32Array;
    const rec = reconstructByDilation(ero, image.data, cols, rows, 4);
    current = maskedMean(rec, mask, allValid);
    spectrum[k] = ((previous - current) * 100) / start;
    if (objects && full) {
      stretch(rec, rows, cols, image.shapeH, image.shapeW, height, width, height, width, full);
      objects.add(full);
    }
  }
  return objects ? { image: spectrum, objects: { labels: objects.labels, spectra: objects.spectra } } : { image: spectrum };
}
