// Object neighbourhood measures (CellProfiler MeasureObjectNeighbors, "within a specified distance"):
// two objects are neighbours when some pixel of one lies within Euclidean distance `distance`
// (pixel centres, ≤) of some pixel of the other. Only edge pixels (with a 4-neighbour outside the
// object, the image edge included) are scanned: the pixel of an object closest to anything outside
// it is always one of them. Per object: the neighbour count, the percentage of its edge pixels
// within `distance` of another object ("touching"), and the distances between centroids to the
// closest and second-closest other object, with the closest one's label.
import type { ObjectPixels } from './regionprops/object-pixels';

export interface Neighbors {
  count: Float64Array;
  percentTouching: Float64Array;
  firstClosestLabel: Float64Array;
  firstClosestDistance: Float64Array;
  secondClosestDistance: Float64Array;
}

export function objectNeighbors(labels: ArrayLike<number>, width: number, height: number, objects: ObjectPixels, distance: number): Neighbors {
  const k = objects.present.length;
  const out: Neighbors = {
    count: new Float64Array(k), percentTouching: new Float64Array(k), firstClosestLabel: new Float64Array(k),
    firstClosestDistance: new Float64Array(k), secondClosestDistance: new Float64Array(k),
  };
  const r = Math.floor(distance);
  const offsets: number[] = [];
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if ((dx || dy) && dx * dx + dy * dy <= distance * distance) offsets.push(dy, dx);
  const isLabel = (yy: number, xx: number, label: number) =>
    yy >= 0 && yy < height && xx >= 0 && xx < width && labels[yy * width + xx] === label;
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  for (let s = 0; s < k; s++) {
    const label = objects.present[s];
    let sx = 0;
    let sy = 0;
    const seen = new Set<number>();
    let edge = 0;
    let touching = 0;
    for (let q = objects.start[s]; q < objects.start[s + 1]; q++) {
      const p = objects.pixels[q];
      const y = (p / width) | 0;
      const x = p - y * width;
      sx += x;
      sy += y;
      if (isLabel(y - 1, x, label) && isLabel(y + 1, x, label) && isLabel(y, x - 1, label) && isLabel(y, x + 1, label)) continue;
      edge++;
      let near = false;
      for (let o = 0; o < offsets.length; o += 2) {
        const yy = y + offsets[o];
        const xx = x + offsets[o + 1];
        if (yy < 0 || yy >= height || xx < 0 || xx >= width) continue;
        const other = labels[yy * width + xx];
        if (other && other !== label) {
          seen.add(other);
          near = true;
        }
      }
      if (near) touching++;
    }
    const n = objects.start[s + 1] - objects.start[s];
    cx[s] = sx / n;
    cy[s] = sy / n;
    out.count[s] = seen.size;
    out.percentTouching[s] = (100 * touching) / edge;
  }
  for (let s = 0; s < k; s++) {
    let d1 = Infinity, d2 = Infinity, l1 = NaN;
    for (let t = 0; t < k; t++) {
      if (t === s) continue;
      const d = Math.hypot(cx[s] - cx[t], cy[s] - cy[t]);
      if (d < d1) {
        d2 = d1;
        d1 = d;
        l1 = objects.present[t];
      } else if (d < d2) d2 = d;
    }
    out.firstClosestDistance[s] = d1 === Infinity ? NaN : d1;
    out.secondClosestDistance[s] = d2 === Infinity ? NaN : d2;
    out.firstClosestLabel[s] = l1;
  }
  return out;
}
