// How an object's intensity is spread from its centre to its edge (CellProfiler's
// MeasureObjectIntensityDistribution), for one 2-D plane.
//
// For every pixel of an object: d_edge = its Euclidean distance to the nearest pixel outside the object
// (scipy's distance_transform_edt of the object alone: other objects count as outside, the image edge
// does not); d_centre = the shortest path from the centre to the pixel through the object's pixels, in
// steps of 1 (edge neighbours) and √2 (corner neighbours): propagate.ts on a constant image, as
// CellProfiler gets it from centrosome's propagate. Its ring = floor(N × d_centre / (d_centre +
// d_edge)), 0 (innermost) … N − 1.
//
// The centre, CellProfiler's three choices:
// - "These objects" (no `centres`): the object's pixel with the largest d_edge (the first in raster
//   order on a tie).
// - "Centers of other objects" (from 'points'): each centre object's centroid (mean row and column of
//   its pixels, rounded half up), for the object that point lies in. Several in one object: each pixel
//   goes to the nearest (the lower label on a tie).
// - "Edges of other objects" (from 'edges'): the centre objects' pixels inside the object are all
//   distance 0 and are left out of every sum; the wedges turn around the centroid of the nearest one.
// Pixels no centre reaches (no centre in the object, or a piece of it cut off from them) are measured
// as CellProfiler's fallback does: from the centre object whose centroid is nearest the object's own
// centroid, in a straight line. CellProfiler propagates through all the objects at once (a pixel
// next to a neighbour's nucleus can be measured from it); here each object only from its own centres.
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

/** Other objects (e.g. nuclei) to measure from, the same size as the labels. */
export interface RadialCentres {
  labels: ArrayLike<number>;
  /** 'points': from each one's centroid pixel; 'edges': from its whole region, whose pixels are left out. */
  from: 'points' | 'edges';
}

/** The bounding box of an object, one pixel wider where the image goes on (so outside counts as outside). */
interface Box {
  x0: number;
  y0: number;
  w: number;
  h: number;
  /** 1 on the object's pixels, box-sized. */
  inside: Uint8Array;
}

/** Where each pixel of an object is measured from; all arrays box-sized. */
interface Origin {
  /** d_centre. */
  distance: Float64Array;
  /** Index into `points` of the pixel's centre (its wedges turn around it); −1 = left out. */
  owner: Int32Array;
  /** Centre points in image coordinates. */
  points: { x: number; y: number }[];
}

export function radialDistribution(
  labels: ArrayLike<number>, image: ArrayLike<number>, width: number, height: number, bins: number, centres?: RadialCentres,
): RadialDistribution[] {
  const out: RadialDistribution[] = [];
  const objects = objectPixels(labels);
  const others = centres ? centreObjects(centres.labels, labels, width) : undefined;
  for (const [k, label] of objects.present.entries()) {
    const pixels = objects.pixels.subarray(objects.start[k], objects.start[k + 1]);
    const box = objectBox(pixels, width, height);
    const edge = distanceTransformEdt(box.inside, box.w, box.h);
    const origin = centres && others ? otherCentres(pixels, label, box, width, centres, others) : ownCentre(box, edge);
    out.push({ label, ...rings(pixels, image, width, box, edge, origin, bins) });
  }
  return out;
}

function objectBox(pixels: Int32Array, width: number, height: number): Box {
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
  return { x0, y0, w, h, inside };
}

/** "These objects": from the pixel farthest from the edge (the first in raster order on a tie). */
function ownCentre({ x0, y0, w, h, inside }: Box, edge: Float64Array): Origin {
  let centre = -1;
  for (let k = 0; k < w * h; k++) if (inside[k] && (centre < 0 || edge[k] > edge[centre])) centre = k;
  const seed = new Uint8Array(w * h);
  seed[centre] = 1;
  const distance = propagate(seed, new Uint8Array(w * h), inside, w, h, 1).cost;
  const cx = centre % w;
  // pixels out of the centre's reach (an object in pieces) stay in the totals but in no ring
  return { distance, owner: new Int32Array(w * h), points: [{ x: x0 + cx, y: y0 + (centre - cx) / w }] };
}

/** The centre objects of a plane: labels ascending, centroids rounded half up, and which object each point lies in. */
interface CentreObjects {
  present: Uint32Array;
  points: { x: number; y: number }[];
  /** For each centre, the label of the measured object under its point (0 = none). */
  under: Uint32Array;
}

function centreObjects(centreLabels: ArrayLike<number>, labels: ArrayLike<number>, width: number): CentreObjects {
  const objects = objectPixels(centreLabels);
  const points = Array.from(objects.present, (_, c) => {
    const mean = meanPosition(objects.pixels.subarray(objects.start[c], objects.start[c + 1]), width);
    return { x: Math.floor(mean.x + 0.5), y: Math.floor(mean.y + 0.5) };
  });
  const under = Uint32Array.from(points, (p) => labels[p.y * width + p.x]);
  return { present: objects.present, points, under };
}

/** "Centers / Edges of other objects" for one object. */
function otherCentres(pixels: Int32Array, label: number, box: Box, width: number, centres: RadialCentres, others: CentreObjects): Origin {
  const { x0, y0, w, h, inside } = box;
  const boxIndex = (i: number) => {
    const x = i % width;
    return ((i - x) / width - y0) * w + (x - x0);
  };
  // the seeds of each centre object in this object, by centre index (ascending label)
  const seeds = new Map<number, number[]>();
  const add = (c: number, k: number) => {
    const list = seeds.get(c);
    if (list) list.push(k);
    else seeds.set(c, [k]);
  };
  const owner = new Int32Array(w * h).fill(-1);
  if (centres.from === 'points') {
    others.under.forEach((l, c) => {
      if (l === label) add(c, (others.points[c].y - y0) * w + (others.points[c].x - x0));
    });
  } else {
    const slot = new Map(Array.from(others.present, (l, c) => [l, c] as const));
    for (const i of pixels) if (centres.labels[i]) add(slot.get(centres.labels[i])!, boxIndex(i));
  }
  const distance = new Float64Array(w * h).fill(Infinity);
  for (const c of [...seeds.keys()].sort((a, b) => a - b)) {
    const seed = new Uint8Array(w * h);
    for (const k of seeds.get(c)!) seed[k] = 1;
    const cost = propagate(seed, new Uint8Array(w * h), inside, w, h, 1).cost;
    for (let k = 0; k < w * h; k++) {
      if (cost[k] < distance[k]) {
        distance[k] = cost[k];
        owner[k] = c;
      }
    }
  }
  // CellProfiler's fallback for the pixels no centre reached: the centre nearest the object's centroid, in a straight line
  if (others.points.length && pixels.some((i) => !Number.isFinite(distance[boxIndex(i)]))) {
    const best = nearestPoint(meanPosition(pixels, width), others.points);
    const p = others.points[best];
    for (const i of pixels) {
      const k = boxIndex(i);
      if (Number.isFinite(distance[k])) continue;
      const x = i % width;
      const y = (i - x) / width;
      distance[k] = Math.sqrt((y - p.y) * (y - p.y) + (x - p.x) * (x - p.x));
      owner[k] = best;
    }
  }
  // "Edges": the centre objects' own pixels are distance 0 and left out
  if (centres.from === 'edges') for (const i of pixels) if (centres.labels[i]) owner[boxIndex(i)] = -1;
  return { distance, owner, points: others.points };
}

/** The mean column and row of some pixels (flat indices). */
function meanPosition(pixels: Int32Array, width: number): { x: number; y: number } {
  let sx = 0;
  let sy = 0;
  for (const i of pixels) {
    const x = i % width;
    sx += x;
    sy += (i - x) / width;
  }
  return { x: sx / pixels.length, y: sy / pixels.length };
}

/** The index of the point nearest `to` (the first on a tie). */
function nearestPoint(to: { x: number; y: number }, points: { x: number; y: number }[]): number {
  let best = 0;
  let bestD = Infinity;
  points.forEach((p, c) => {
    const d = (p.y - to.y) * (p.y - to.y) + (p.x - to.x) * (p.x - to.x);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  });
  return best;
}

/** FracAtD, MeanFrac and RadialCV of one object from its pixels' distances. */
function rings(
  pixels: Int32Array, image: ArrayLike<number>, width: number, { x0, y0, w }: Box, edge: Float64Array, origin: Origin, bins: number,
): Omit<RadialDistribution, 'label'> {
  const sum = new Float64Array(bins);
  const count = new Float64Array(bins);
  const wedgeSum = new Float64Array(bins * 8);
  const wedgeCount = new Float64Array(bins * 8);
  let total = 0;
  let n = 0;
  for (const i of pixels) {
    const x = i % width;
    const y = (i - x) / width;
    const k = (y - y0) * w + (x - x0);
    const c = origin.owner[k];
    if (c < 0) continue;
    const r = origin.distance[k] / (origin.distance[k] + edge[k]);
    const bin = Math.min(bins - 1, Math.floor(r * bins));
    const v = image[i];
    sum[bin] += v;
    count[bin] += 1;
    total += v;
    n += 1;
    const dx = x - origin.points[c].x;
    const dy = y - origin.points[c].y;
    const wedge = (dy > 0 ? 1 : 0) + (dx > 0 ? 2 : 0) + (Math.abs(dy) > Math.abs(dx) ? 4 : 0);
    wedgeSum[bin * 8 + wedge] += v;
    wedgeCount[bin * 8 + wedge] += 1;
  }
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
  return { fracAtD, meanFrac, radialCV };
}
