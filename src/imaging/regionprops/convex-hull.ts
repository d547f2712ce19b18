// Convex image of one object, as skimage 0.19's `morphology.convex_hull_image(image)` (which regionprops
// uses for area_convex and solidity): each object pixel (r, c) contributes the four points (r ± ½, c) and
// (r, c ± ½); a pixel belongs to the convex image when its centre lies inside or on the boundary of
// the convex hull of those points. Only the first and last pixel of each row can be hull vertices, so
// only those are used (skimage's `possible_hull` also keeps column extremes; the hull is the same).
// All coordinates are doubled to integers, so the hull and the inside test are exact.

/** Per row of the crop, the first and last column of the convex image (lo > hi: row empty). */
export interface HullRows {
  lo: Int32Array;
  hi: Int32Array;
}

/**
 * Convex image of the pixels set in `mask`, an object's crop of `width` × `height` stored with a
 * one-pixel background frame (row stride width + 2), as a column range per row of the crop.
 */
export function convexHullRows(mask: Uint8Array, width: number, height: number): HullRows {
  const hull = hullPolygon(mask, width, height);
  const lo = new Int32Array(height);
  const hi = new Int32Array(height).fill(-1);
  if (hull.length === 0) return { lo, hi };
  const n = hull.length / 2;
  for (let y = 0; y < height; y++) {
    const row = 2 * y;
    let first = 0;
    let last = width - 1;
    // inside a counter-clockwise polygon in (row, column) coordinates: cross(b - a, p - a) >= 0 for every edge
    for (let k = 0; k < n && first <= last; k++) {
      const ar = hull[2 * k];
      const ac = hull[2 * k + 1];
      const j = k + 1 === n ? 0 : k + 1;
      const dr = hull[2 * j] - ar;
      const dc = hull[2 * j + 1] - ac;
      // dr · (col2 - ac) >= dc · (row - ar), col2 = 2 · column
      const rhs = dc * (row - ar);
      if (dr === 0) {
        if (rhs > 0) last = -1;
      } else {
        const bound = (ac * dr + rhs) / (2 * dr); // exact enough: integers far below 2^53, see header
        if (dr > 0) first = Math.max(first, Math.ceil(bound));
        else last = Math.min(last, Math.floor(bound));
      }
    }
    if (first <= last) {
      lo[y] = first;
      hi[y] = last;
    } else {
      lo[y] = 0;
      hi[y] = -1;
    }
  }
  return { lo, hi };
}

/** Number of pixels in the convex image (skimage's area_convex). */
export function convexHullArea(mask: Uint8Array, width: number, height: number): number {
  const { lo, hi } = convexHullRows(mask, width, height);
  let area = 0;
  for (let y = 0; y < height; y++) area += Math.max(0, hi[y] - lo[y] + 1);
  return area;
}

/**
 * Counter-clockwise convex hull (Andrew's monotone chain) of the half-pixel diamond points of each
 * row's extreme pixels, in doubled (row, column) coordinates, flattened as r0, c0, r1, c1, …
 * Collinear points are dropped. Empty when the mask is empty.
 */
function hullPolygon(mask: Uint8Array, width: number, height: number): Int32Array {
  const stride = width + 2;
  // doubled coordinates: rows -1 … 2·height - 1, columns -1 … 2·width - 1; key = (row + 1) · span + column + 1
  const span = 2 * width + 2;
  const keys: number[] = [];
  const addDiamond = (y: number, x: number) => {
    const r = 2 * y + 1;
    const c = 2 * x + 1;
    keys.push((r - 1) * span + c, (r + 1) * span + c, r * span + c - 1, r * span + c + 1);
  };
  for (let y = 0; y < height; y++) {
    const start = (y + 1) * stride + 1;
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (mask[start + x]) {
        if (first < 0) first = x;
        last = x;
      }
    }
    if (first < 0) continue;
    addDiamond(y, first);
    if (last !== first) addDiamond(y, last);
  }
  if (keys.length === 0) return new Int32Array(0);
  const sorted = Float64Array.from(keys).sort();
  const pr: number[] = [];
  const pc: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    pr.push(Math.floor(sorted[i] / span) - 1);
    pc.push((sorted[i] % span) - 1);
  }
  const m = pr.length;
  const out = new Int32Array(4 * m + 4);
  let k = 0;
  const cross = (o: number, a: number, b: number) =>
    (out[2 * a] - out[2 * o]) * (pc[b] - out[2 * o + 1]) - (out[2 * a + 1] - out[2 * o + 1]) * (pr[b] - out[2 * o]);
  const push = (i: number) => {
    out[2 * k] = pr[i];
    out[2 * k + 1] = pc[i];
    k++;
  };
  for (let i = 0; i < m; i++) {
    while (k >= 2 && cross(k - 2, k - 1, i) <= 0) k--;
    push(i);
  }
  for (let i = m - 2, lower = k + 1; i >= 0; i--) {
    while (k >= lower && cross(k - 2, k - 1, i) <= 0) k--;
    push(i);
  }
  return out.slice(0, 2 * (k - 1)); // the last point repeats the first
}
