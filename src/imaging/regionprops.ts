// Per-object measurements of a 2-D label image, defined as scikit-image 0.19's `regionprops(labels,
// intensity)`: area, centroid, bbox, perimeter (4-neighbourhood), inertia-ellipse shape, solidity (convex
// hull image), intensity statistics. Coordinates: x = column, y = row, pixel centres at integers, bbox
// max exclusive.
//
// One raster pass accumulates, per label, the pixel count, bbox, exact integer moment sums (offsets from
// the label's first pixel, so they stay exact in float64) and intensity sums into typed arrays; perimeter
// and convex hull are then computed per object on its bbox crop.
import { convexHullArea } from './regionprops/convex-hull';
import { inertiaShape } from './regionprops/moments';
import { perimeterOfMask } from './regionprops/perimeter';

export const REGION_PROPS = [
  'label', 'area', 'centroid_x', 'centroid_y', 'bbox_min_x', 'bbox_min_y', 'bbox_max_x', 'bbox_max_y',
  'perimeter', 'eccentricity', 'solidity', 'area_convex', 'orientation', 'major_axis_length',
  'minor_axis_length', 'equivalent_diameter', 'mean_intensity', 'min_intensity', 'max_intensity',
  'integrated_intensity',
] as const;
export type RegionPropName = (typeof REGION_PROPS)[number];

export interface RegionProps {
  /** Number of labels present (rows). */
  count: number;
  /** One value per label present, ascending by label. Intensity columns are NaN without an intensity image. */
  columns: Record<RegionPropName, Float64Array>;
}

/** Labels present, ascending, and a function from label value to its row. */
function indexLabels(labels: Uint32Array): { present: Uint32Array; slotOf: (v: number) => number; dense?: Int32Array } {
  let max = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] > max) max = labels[i];
  if (max <= Math.max(4 * labels.length, 1 << 16)) {
    const dense = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < labels.length; i++) dense[labels[i]] = 0;
    let k = 0;
    for (let v = 1; v <= max; v++) if (dense[v] === 0) dense[v] = k++;
    const present = new Uint32Array(k);
    for (let v = 1; v <= max; v++) if (dense[v] >= 0) present[dense[v]] = v;
    return { present, slotOf: (v) => dense[v], dense };
  }
  // sparse huge label values: sort the distinct values instead of a table indexed by label
  const present = Uint32Array.from(new Set(labels)).sort().filter((v) => v !== 0);
  const map = new Map<number, number>();
  present.forEach((v, k) => map.set(v, k));
  return { present, slotOf: (v) => map.get(v) ?? -1 };
}

interface Accumulators {
  count: Float64Array;
  originRow: Int32Array;
  originCol: Int32Array;
  minRow: Int32Array;
  maxRow: Int32Array;
  minCol: Int32Array;
  maxCol: Int32Array;
  sr: Float64Array;
  sc: Float64Array;
  srr: Float64Array;
  scc: Float64Array;
  src: Float64Array;
  sumI: Float64Array;
  minI: Float64Array;
  maxI: Float64Array;
}

function accumulate(
  labels: Uint32Array,
  width: number,
  height: number,
  k: number,
  slots: ReturnType<typeof indexLabels>,
  intensity: ArrayLike<number> | undefined,
): Accumulators {
  const f64 = () => new Float64Array(k);
  const i32 = () => new Int32Array(k);
  const acc: Accumulators = {
    count: f64(), originRow: i32(), originCol: i32(), minRow: i32(), maxRow: i32(), minCol: i32(), maxCol: i32(),
    sr: f64(), sc: f64(), srr: f64(), scc: f64(), src: f64(), sumI: f64(), minI: f64(), maxI: f64(),
  };
  const { count, originRow, originCol, minRow, maxRow, minCol, maxCol, sr, sc, srr, scc, src, sumI, minI, maxI } = acc;
  const dense = slots.dense;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const v = labels[i];
      if (v === 0) continue;
      const s = dense ? dense[v] : slots.slotOf(v);
      const value = intensity ? intensity[i] : NaN;
      if (count[s] === 0) {
        // raster order: the first pixel seen is on the top row of the object
        originRow[s] = y;
        originCol[s] = x;
        minRow[s] = y;
        minCol[s] = x;
        maxCol[s] = x;
        minI[s] = value;
        maxI[s] = value;
      }
      count[s]++;
      maxRow[s] = y;
      if (x < minCol[s]) minCol[s] = x;
      if (x > maxCol[s]) maxCol[s] = x;
      const dr = y - originRow[s];
      const dc = x - originCol[s];
      sr[s] += dr;
      sc[s] += dc;
      srr[s] += dr * dr;
      scc[s] += dc * dc;
      src[s] += dr * dc;
      sumI[s] += value;
      // a NaN sample makes min and max NaN, as numpy's min/max do
      if (value < minI[s] || value !== value) minI[s] = value;
      if (value > maxI[s] || value !== value) maxI[s] = value;
    }
  }
  return acc;
}

/**
 * Measure every object of a 2-D label image (row-major, `width` × `height`, 0 = background).
 * `intensity`, when given, is a 1-channel image of the same size.
 */
export function regionProps(
  labels: Uint32Array,
  width: number,
  height: number,
  intensity?: ArrayLike<number>,
): RegionProps {
  if (labels.length !== width * height) {
    throw new Error(`regionProps: labels hold ${labels.length} pixels, expected ${width}×${height}`);
  }
  if (intensity && intensity.length !== labels.length) {
    throw new Error(`regionProps: intensity holds ${intensity.length} pixels, expected ${width}×${height}`);
  }
  const slots = indexLabels(labels);
  const k = slots.present.length;
  const acc = accumulate(labels, width, height, k, slots, intensity);
  const columns = Object.fromEntries(REGION_PROPS.map((name) => [name, new Float64Array(k)])) as Record<
    RegionPropName,
    Float64Array
  >;

  let scratchLength = 0;
  for (let s = 0; s < k; s++) {
    const w = acc.maxCol[s] - acc.minCol[s] + 1;
    const h = acc.maxRow[s] - acc.minRow[s] + 1;
    scratchLength = Math.max(scratchLength, (w + 2) * (h + 2));
  }
  const mask = new Uint8Array(scratchLength);
  const border = new Uint8Array(scratchLength);
  const histogram = new Int32Array(50);

  for (let s = 0; s < k; s++) {
    const label = slots.present[s];
    const n = acc.count[s];
    const x0 = acc.minCol[s];
    const y0 = acc.minRow[s];
    const w = acc.maxCol[s] - x0 + 1;
    const h = acc.maxRow[s] - y0 + 1;
    const stride = w + 2;
    mask.fill(0, 0, (w + 2) * (h + 2));
    for (let y = 0; y < h; y++) {
      const from = (y0 + y) * width + x0;
      const to = (y + 1) * stride + 1;
      for (let x = 0; x < w; x++) mask[to + x] = labels[from + x] === label ? 1 : 0;
    }
    const convexArea = convexHullArea(mask, w, h);
    const shape = inertiaShape(
      n,
      n * acc.srr[s] - acc.sr[s] * acc.sr[s],
      n * acc.scc[s] - acc.sc[s] * acc.sc[s],
      n * acc.src[s] - acc.sr[s] * acc.sc[s],
    );
    const c = columns;
    c.label[s] = label;
    c.area[s] = n;
    c.centroid_x[s] = acc.originCol[s] + acc.sc[s] / n;
    c.centroid_y[s] = acc.originRow[s] + acc.sr[s] / n;
    c.bbox_min_x[s] = x0;
    c.bbox_min_y[s] = y0;
    c.bbox_max_x[s] = x0 + w;
    c.bbox_max_y[s] = y0 + h;
    c.perimeter[s] = perimeterOfMask(mask, w, h, border, histogram);
    c.eccentricity[s] = shape.eccentricity;
    c.area_convex[s] = convexArea;
    c.solidity[s] = n / convexArea;
    c.orientation[s] = shape.orientation;
    c.major_axis_length[s] = shape.majorAxisLength;
    c.minor_axis_length[s] = shape.minorAxisLength;
    c.equivalent_diameter[s] = Math.sqrt((4 * n) / Math.PI);
    c.mean_intensity[s] = acc.sumI[s] / n;
    c.min_intensity[s] = acc.minI[s];
    c.max_intensity[s] = acc.maxI[s];
    c.integrated_intensity[s] = acc.sumI[s];
  }
  return { count: k, columns };
}
