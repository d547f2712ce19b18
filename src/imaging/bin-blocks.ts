// Binning: the mean of each block of bin.x × bin.y pixels × bin.planes planes, per channel, summed in
// float64 and stored as float32. At the end of an axis that is not a multiple of the block size,
// 'drop' leaves the partial block out (as ImageJ's Image › Transform › Bin, and numpy's
// a[:h//b*b].reshape(...).mean()); 'partial' keeps it and averages only the pixels it holds (unlike
// skimage's downscale_local_mean, which pads with zeros and so darkens the last row and column).
import { copyMeta, createImage, type Image } from '../core/image';

export interface BinFactors {
  x: number;
  y: number;
  planes: number;
}
export type BinEdges = 'drop' | 'partial';

/** Output length of one axis. */
export function binnedLength(length: number, factor: number, edges: BinEdges): number {
  return edges === 'drop' ? Math.floor(length / factor) : Math.ceil(length / factor);
}

export function binBlocks(image: Image, bin: BinFactors, edges: BinEdges): Image {
  const { width, height, planes, channels } = image;
  const ow = binnedLength(width, bin.x, edges);
  const oh = binnedLength(height, bin.y, edges);
  const op = binnedLength(planes, bin.planes, edges);
  const out = createImage({ width: ow, height: oh, planes: op, channels }, 'float32', undefined, copyMeta(image.meta));
  const n = width * height;
  const on = ow * oh;
  const sums = new Float64Array(on);
  for (let bp = 0; bp < op; bp++) {
    const p0 = bp * bin.planes;
    const p1 = Math.min(p0 + bin.planes, planes);
    for (let c = 0; c < channels; c++) {
      sums.fill(0);
      for (let p = p0; p < p1; p++) {
        const slice = (p * channels + c) * n;
        for (let by = 0; by < oh; by++) {
          const y1 = Math.min((by + 1) * bin.y, height);
          for (let y = by * bin.y; y < y1; y++) {
            const row = slice + y * width;
            for (let bx = 0; bx < ow; bx++) {
              const x1 = Math.min((bx + 1) * bin.x, width);
              let s = 0;
              for (let x = bx * bin.x; x < x1; x++) s += image.data[row + x];
              sums[by * ow + bx] += s;
            }
          }
        }
      }
      const target = out.data.subarray((bp * channels + c) * on, (bp * channels + c + 1) * on);
      for (let by = 0; by < oh; by++) {
        const rows = Math.min((by + 1) * bin.y, height) - by * bin.y;
        for (let bx = 0; bx < ow; bx++) {
          const cols = Math.min((bx + 1) * bin.x, width) - bx * bin.x;
          target[by * ow + bx] = sums[by * ow + bx] / (rows * cols * (p1 - p0));
        }
      }
    }
  }
  const size = out.meta.pixelSize;
  if (size) {
    size.x *= bin.x;
    size.y *= bin.y;
    if (size.z !== undefined) size.z *= bin.planes;
  }
  return out;
}
