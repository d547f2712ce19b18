// Median over a disk footprint, as skimage.filters.median(image, disk(r), mode='nearest') =
// scipy.ndimage.median_filter: the sample of rank ⌊n/2⌋ among the n footprint pixels, pixels
// outside the image read as the nearest edge pixel. Huang's sliding histogram: moving one pixel
// right removes the left edge of each disk row and adds the right edge, so the cost per pixel
// grows with the radius, not its square. Floats (and wide integers) are first replaced by their
// rank among the image's distinct values, so the result is exact for every pixel type.
import type { Image, PixelArray } from '../core/image';
import { mapSlices } from './per-slice';
import { diskHalfWidths } from './disk';
import { borderIndex, type BorderMode } from './correlate1d';

const BLOCK_BITS = 5;

interface Codes {
  codes: Int32Array;
  /** decode[code] = the pixel value. */
  decode: ArrayLike<number>;
}

/** Small-range integers code as value − min; anything else as its rank among the distinct values. */
export function encodeValues(input: PixelArray): Codes {
  let min = Infinity;
  let max = -Infinity;
  let integers = !(input instanceof Float32Array || input instanceof Float64Array);
  for (let i = 0; i < input.length; i++) {
    const v = input[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (v !== v) integers = false; // NaN
  }
  const codes = new Int32Array(input.length);
  if (integers && max - min < 1 << 20) {
    for (let i = 0; i < input.length; i++) codes[i] = input[i] - min;
    const decode = new Float64Array(max - min + 1);
    for (let c = 0; c < decode.length; c++) decode[c] = min + c;
    return { codes, decode };
  }
  const sorted = Float64Array.from(input).sort(); // NaN sorts last
  const unique: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i];
    if (v !== v) { unique.push(NaN); break; }
    if (unique.length === 0 || unique[unique.length - 1] !== v) unique.push(v);
  }
  const finiteCount = unique[unique.length - 1] !== unique[unique.length - 1] ? unique.length - 1 : unique.length;
  for (let i = 0; i < input.length; i++) {
    const v = input[i];
    if (v !== v) { codes[i] = finiteCount; continue; }
    let lo = 0;
    let hi = finiteCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (unique[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo;
  }
  return { codes, decode: unique };
}

/** A histogram of codes with per-block totals, answering "the k-th smallest" near the last answer. */
class RankHistogram {
  private readonly fine: Int32Array;
  private readonly coarse: Int32Array;
  private block = 0;
  /** How many counted codes lie in blocks below `block`. */
  private below = 0;

  constructor(bins: number) {
    this.fine = new Int32Array(bins);
    this.coarse = new Int32Array((bins >> BLOCK_BITS) + 1);
  }

  add(code: number, delta: 1 | -1): void {
    this.fine[code] += delta;
    const b = code >> BLOCK_BITS;
    this.coarse[b] += delta;
    if (b < this.block) this.below += delta;
  }

  /** The code of rank k (0-based) among the counted codes. */
  kth(k: number): number {
    const { coarse, fine } = this;
    while (this.below > k) this.below -= coarse[--this.block];
    while (this.below + coarse[this.block] <= k) this.below += coarse[this.block++];
    let acc = this.below;
    let c = this.block << BLOCK_BITS;
    for (;; c++) {
      acc += fine[c];
      if (acc > k) return c;
    }
  }
}

/** Writes the disk median of `input` (width×height) into `output` (any pixel type). */
export function medianDisk(input: PixelArray, width: number, height: number, radius: number, output: PixelArray): void {
  medianFootprint(input, width, height, diskHalfWidths(radius), output, 'nearest');
}

/**
 * The median over a footprint given by its row half-widths (row dy spans −w..w; `widths.length` =
 * 2r + 1 rows), pixels outside the image read by scipy border `mode`. A square is every width = r.
 */
export function medianFootprint(
  input: PixelArray, width: number, height: number, widths: Int32Array, output: PixelArray, mode: BorderMode,
): void {
  const { codes, decode } = encodeValues(input);
  const radius = (widths.length - 1) >> 1;
  let count = 0;
  for (const w of widths) count += 2 * w + 1;
  const rank = count >> 1;
  const hist = new RankHistogram(decode.length);
  const clampX = (x: number) => (x >= 0 && x < width ? x : borderIndex(x, width, mode));
  const rowOffsets = new Int32Array(widths.length);
  for (let y = 0; y < height; y++) {
    for (let dy = -radius; dy <= radius; dy++) {
      rowOffsets[dy + radius] = borderIndex(y + dy, height, mode) * width;
    }
    for (let r = 0; r < widths.length; r++) {
      for (let dx = -widths[r]; dx <= widths[r]; dx++) hist.add(codes[rowOffsets[r] + clampX(dx)], 1);
    }
    for (let x = 0; ; x++) {
      output[y * width + x] = decode[hist.kth(rank)];
      if (x === width - 1) break;
      for (let r = 0; r < widths.length; r++) {
        const row = rowOffsets[r];
        hist.add(codes[row + clampX(x - widths[r])], -1);
        hist.add(codes[row + clampX(x + 1 + widths[r])], 1);
      }
    }
    // empty the histogram for the next row by removing the last window
    const last = width - 1;
    for (let r = 0; r < widths.length; r++) {
      for (let dx = -widths[r]; dx <= widths[r]; dx++) hist.add(codes[rowOffsets[r] + clampX(last + dx)], -1);
    }
  }
}

/** The disk median of every 2-D slice; the output keeps the input's pixel type. */
export function medianImage(image: Image, radius: number): Image {
  return mapSlices(image, image.dtype, (input, width, height, output) => medianDisk(input, width, height, radius, output));
}
