// Exact Euclidean distance and feature transform of a 2-D binary image, as
// scipy.ndimage.distance_transform_edt (SciPy 1.10): Maurer, Qi & Raghavan (2003), one 1-D Voronoi pass
// down each column, then one along each row, in the same order and with the same tie rules as SciPy's
// `_VoronoiFT` (ni_morphology.c) so the nearest-background *indices* (used by expand-labels) agree too.
// Linear time in the number of pixels.

export interface FeatureTransform {
  /** Row of the nearest background pixel, per pixel (row-major). */
  rows: Int32Array;
  /** Column of the nearest background pixel. */
  cols: Int32Array;
}

/** Pixel spacing along rows (y) and columns (x); omitted = 1. */
export interface Sampling {
  y: number;
  x: number;
}

/**
 * One Voronoi pass over a line of `len` sites (`at(i)` = flat index of site i) along axis `d`
 * (0: the line runs down a column, 1: along a row). `coorOther` is the line's coordinate on the other
 * axis; `sd`, `so` the spacings along d and the other axis.
 */
function voronoiLine(
  rows: Int32Array, cols: Int32Array, start: number, stride: number, len: number, d: 0 | 1,
  coorOther: number, sd: number, so: number, f0: Float64Array, f1: Float64Array, g: Int32Array,
): void {
  for (let i = 0; i < len; i++) {
    f0[i] = rows[start + i * stride];
    f1[i] = cols[start + i * stride];
  }
  const fD = d === 0 ? f0 : f1;
  const fO = d === 0 ? f1 : f0;
  let l = -1;
  for (let i = 0; i < len; i++) {
    if (f0[i] < 0) continue; // no background seen yet on this site's column
    const fd = fD[i];
    const tw = (fO[i] - coorOther) * so;
    const wR = tw * tw;
    while (l >= 1) {
      const i1 = g[l];
      const i2 = g[l - 1];
      const fv = fD[i1];
      const a = (fv - fD[i2]) * sd;
      const b = (fd - fv) * sd;
      const c = a + b;
      const tu = (fO[i2] - coorOther) * so;
      const tv = (fO[i1] - coorOther) * so;
      const uR = tu * tu;
      const vR = tv * tv;
      if (c * vR - b * uR - a * wR - a * b * c <= 0) break;
      l--;
    }
    g[++l] = i;
  }
  const maxl = l;
  if (maxl < 0) return;
  // squared distance from site i to candidate k, summed over axes 0 then 1 as SciPy does
  const dist2 = (k: number, i: number) => {
    const t0 = d === 0 ? (f0[k] - i) * sd : (f0[k] - coorOther) * so;
    const t1 = d === 1 ? (f1[k] - i) * sd : (f1[k] - coorOther) * so;
    return t0 * t0 + t1 * t1;
  };
  l = 0;
  for (let i = 0; i < len; i++) {
    let delta1 = dist2(g[l], i);
    while (l < maxl) {
      const delta2 = dist2(g[l + 1], i);
      if (delta1 <= delta2) break;
      delta1 = delta2;
      l++;
    }
    rows[start + i * stride] = f0[g[l]];
    cols[start + i * stride] = f1[g[l]];
  }
}

/**
 * For every pixel, the coordinates of the nearest pixel where `foreground` is 0 (SciPy's
 * `return_indices`). Background pixels point to themselves. With no background at all, SciPy leaves
 * row −1, column 0 everywhere; so does this.
 */
export function featureTransform(foreground: ArrayLike<number>, width: number, height: number, sampling?: Sampling): FeatureTransform {
  const n = width * height;
  if (foreground.length !== n) throw new Error(`expected ${n} samples, got ${foreground.length}`);
  const rows = new Int32Array(n);
  const cols = new Int32Array(n);
  const sy = sampling?.y ?? 1;
  const sx = sampling?.x ?? 1;
  const m = Math.max(width, height);
  const f0 = new Float64Array(m), f1 = new Float64Array(m);
  const g = new Int32Array(m);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const p = y * width + x;
      if (foreground[p]) rows[p] = -1;
      else {
        rows[p] = y;
        cols[p] = x;
      }
    }
    voronoiLine(rows, cols, x, width, height, 0, x, sy, sx, f0, f1, g);
  }
  for (let y = 0; y < height; y++) voronoiLine(rows, cols, y * width, 1, width, 1, y, sx, sy, f0, f1, g);
  return { rows, cols };
}

/** Euclidean distance (float64) from each pixel to its feature, as SciPy: sqrt(Δrow² + Δcol²). */
export function distancesFromFeatures(ft: FeatureTransform, width: number, height: number, sampling?: Sampling): Float64Array {
  const sy = sampling?.y ?? 1;
  const sx = sampling?.x ?? 1;
  const out = new Float64Array(width * height);
  for (let y = 0, p = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p++) {
      const dy = (ft.rows[p] - y) * sy;
      const dx = (ft.cols[p] - x) * sx;
      out[p] = Math.sqrt(dy * dy + dx * dx);
    }
  }
  return out;
}

/**
 * Distance of every non-zero pixel to the nearest zero pixel (zero pixels get 0), in pixels or in
 * the units of `sampling`; float64, exactly as scipy.ndimage.distance_transform_edt.
 */
export function distanceTransformEdt(foreground: ArrayLike<number>, width: number, height: number, sampling?: Sampling): Float64Array {
  return distancesFromFeatures(featureTransform(foreground, width, height, sampling), width, height, sampling);
}
