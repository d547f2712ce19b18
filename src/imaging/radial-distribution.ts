// How an object's intensity is spread from its centre to its edge (CellProfiler's
// MeasureObjectIntensityDistribution, centre "these objects"), for one 2-D plane.
//
// For every pixel of an object: d_edge = its Euclidean distance to the nearest pixel outside the object
// (scipy's distance_transform_edt of the object alone: other objects count as outside, the image edge
// does not); the centre = the object's pixel with the largest d_edge (the first in raster order on a
// tie); d_centre = the shortest path from the centre to the pixel through the object's pixels, in
// steps of 1 (edge neighbours) and √2 (corner neighbours): propagate.ts on a constant image, as
// CellProfiler gets it from centrosome's propagate. Its ring = floor(N × d_centre / (d_centre +
// d_edge)), 0 (innermost) … N − 1.
import { distanceTransformEdt } from './distance-transform';
import { propagate } from './propagate';
import { objectPixels } from './regionprops/object-pixels';

export interface RadialDistribution {
  label: number;
  /** Per ring: the fraction of the object's total intensity in it (CellProfiler FracAtD). */
  fracAtD: number[];
  /** Per ring: fracAtD ÷ the fraction of the object's pixels in it (MeanFrac; 1 = evenly spread). */
  meanFrac: number[];
  /**
   * Per ring: the coefficient of variation (population std ÷ mean) of the ring's mean intensity in 8
   * wedges around the centre (RadialCV: 0 = the same all round); wedges without pixels are left out.
   */
  radialCV: number[];
}

export function radialDistribution(labels: ArrayLike<number>, image: ArrayLike<number>, width: number, height: number, bins: number): RadialDistribution[] {
  const out: RadialDistribution[] = [];
  const objects = objectPixels(labels);
  for (const [k, label] of objects.present.entries()) {
    const pixels = objects.pixels.subarray(objects.start[k], objects.start[k + 1]);
    // the object's bounding box, one pixel wider where the image goes on (so outside counts as outside)
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    for (const i of pixels) {
      const x = i % width;
      const y = (i - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    x0 = Math.max(0, x0 - 1);
    y0 = Math.max(0, y0 - 1);
    x1 = Math.min(width - 1, x1 + 1);
    y1 = Math.min(height - 1, y1 + 1);
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    const inside = new Uint8Array(w * h);
    for (const i of pixels) {
      const x = i % width;
      inside[((i - x) / width - y0) * w + (x - x0)] = 1;
    }
    const edge = distanceTransformEdt(inside, w, h);
    // the centre: the largest distance to the edge, first in raster order
    let centre = -1;
    for (let k = 0; k < w * h; k++) if (inside[k] && (centre < 0 || edge[k] > edge[centre])) centre = k;
    // distance from the centre through the object: CellProfiler's propagate on a constant image
    const seed = new Uint8Array(w * h);
    seed[centre] = 1;
    const fromCentre = propagate(seed, new Uint8Array(w * h), inside, w, h, 1).cost;
    const ccx = centre % w;
    const ccy = (centre - ccx) / w;
    const sum = new Float64Array(bins);
    const count = new Float64Array(bins);
    const wedgeSum = new Float64Array(bins * 8);
    const wedgeCount = new Float64Array(bins * 8);
    let total = 0;
    for (const i of pixels) {
      const x = i % width;
      const y = (i - x) / width;
      const k = (y - y0) * w + (x - x0);
      const r = fromCentre[k] / (fromCentre[k] + edge[k]);
      const bin = Math.min(bins - 1, Math.floor(r * bins));
      const v = image[i];
      sum[bin] += v;
      count[bin] += 1;
      total += v;
      const dx = x - x0 - ccx;
      const dy = y - y0 - ccy;
      const wedge = (dy > 0 ? 1 : 0) + (dx > 0 ? 2 : 0) + (Math.abs(dy) > Math.abs(dx) ? 4 : 0);
      wedgeSum[bin * 8 + wedge] += v;
      wedgeCount[bin * 8 + wedge] += 1;
    }
    const n = pixels.length;
    const fracAtD = Array.from(sum, (s) => s / total);
    const meanFrac = fracAtD.map((f, b) => (count[b] ? f / (count[b] / n) : NaN));
    const radialCV = Array.from({ length: bins }, (_, b) => {
      const means: number[] = [];
      for (let q = 0; q < 8; q++) if (wedgeCount[b * 8 + q]) means.push(wedgeSum[b * 8 + q] / wedgeCount[b * 8 + q]);
      if (means.length === 0) return NaN;
      const mean = means.reduce((a, c) => a + c, 0) / means.length;
      const variance = means.reduce((a, c) => a + (c - mean) ** 2, 0) / means.length;
      return mean === 0 ? NaN : Math.sqrt(variance) / mean;
    });
    out.push({ label, fracAtD, meanFrac, radialCV });
  }
  return out;
}
