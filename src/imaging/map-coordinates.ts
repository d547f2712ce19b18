// scipy.ndimage.map_coordinates (SciPy 1.10) with its default mode='constant' (cval 0), on a grid of
// sample points: output (i, j) is the input at (rows[i], cols[j]) (row, column; fractional). What
// CellProfiler's MeasureGranularity resizes with.
// - order 1 (bilinear), the value: a sample point outside [0, n − 1] on either axis gives 0 (no
//   blending with the border); inside, frac = c − floor(c), weights w0 = 1 − frac and w1 = 1 − w0 (as
//   SciPy's get_spline_interpolation_weights), summed as SciPy does, in float64: t = 0, then for the
//   taps (y0, x0), (y0, x0+1), (y0+1, x0), (y0+1, x0+1): t += v·wy·wx. Stored into the output array
//   (a Float32Array rounds, as SciPy's output of a float32 input).
// - order 3 (cubic B-spline, SciPy's default order), one axis: the spline prefilter with mirror
//   boundaries, then the 4 taps mirrored at the edges (how SciPy treats 'constant' inside the
//   image), 0 outside [0, n − 1]. Used for masks (CellProfiler: map_coordinates(mask, …) > 0.9).

/** Where each sample point of one axis falls: the first tap, its weights, and whether it is inside. */
export interface LinearAxis {
  start: Int32Array;
  /** The second tap: start + 1, or start itself at the last index (its weight is then 0). */
  next: Int32Array;
  w0: Float64Array;
  w1: Float64Array;
  inside: Uint8Array;
}

/** The bilinear taps of the sample points `coords` on an axis of n samples. */
export function linearAxis(n: number, coords: ArrayLike<number>): LinearAxis {
  const m = coords.length;
  const axis: LinearAxis = {
    start: new Int32Array(m), next: new Int32Array(m), w0: new Float64Array(m), w1: new Float64Array(m), inside: new Uint8Array(m),
  };
  for (let i = 0; i < m; i++) {
    const c = coords[i];
    if (!(c >= 0 && c <= n - 1)) continue;
    const f = Math.floor(c);
    axis.inside[i] = 1;
    axis.start[i] = f;
    axis.next[i] = f + 1 < n ? f + 1 : f;
    axis.w0[i] = 1 - (c - f);
    axis.w1[i] = 1 - axis.w0[i];
  }
  return axis;
}

/**
 * Bilinear samples of `src` (width × height, row-major) at every (row, column) of the grid, into
 * `out` (rows.start.length × cols.start.length).
 */
export function mapCoordinatesLinear(
  src: ArrayLike<number>, width: number, rows: LinearAxis, cols: LinearAxis, out: Float32Array | Float64Array,
): void {
  const h = rows.start.length;
  const w = cols.start.length;
  for (let i = 0; i < h; i++) {
    const r0 = rows.start[i] * width;
    const r1 = rows.next[i] * width;
    const wy0 = rows.w0[i];
    const wy1 = rows.w1[i];
    for (let k = 0; k < w; k++) {
      if (!rows.inside[i] || !cols.inside[k]) {
        out[i * w + k] = 0;
        continue;
      }
      const c0 = cols.start[k];
      const c1 = cols.next[k];
      const wx0 = cols.w0[k];
      const wx1 = cols.w1[k];
      let t = 0;
      t += src[r0 + c0] * wy0 * wx0;
      t += src[r0 + c1] * wy0 * wx1;
      t += src[r1 + c0] * wy1 * wx0;
      t += src[r1 + c1] * wy1 * wx1;
      out[i * w + k] = t;
    }
  }
}

const POLE = Math.sqrt(3) - 2;

/** SciPy's cubic spline prefilter of one line, mirror boundary conditions (ni_splines.c). */
function splineCoefficients(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const z = POLE;
  const gain = (1 - z) * (1 - 1 / z);
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) c[i] = values[i] * gain;
  if (n === 1) return c;
  // causal initialisation, mirror
  const zn1 = z ** (n - 1);
  let zi = z;
  let c0 = c[0] + zn1 * c[n - 1];
  for (let i = 1; i < n - 1; i++) {
    c0 += zi * (c[i] + zn1 * c[n - 1 - i]);
    zi *= z;
  }
  c[0] = c0 / (1 - zn1 * zn1);
  for (let i = 1; i < n; i++) c[i] += z * c[i - 1];
  // anti-causal initialisation, mirror
  c[n - 1] = ((z * c[n - 2] + c[n - 1]) * z) / (z * z - 1);
  for (let i = n - 2; i >= 0; i--) c[i] = z * (c[i + 1] - c[i]);
  return c;
}

/** Index k reflected into [0, n) about the first and last samples (SciPy's 'mirror'). */
function mirrorIndex(k: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * n - 2;
  const r = Math.abs(k) % period;
  return r >= n ? period - r : r;
}

/** map_coordinates(values, [coords]) of a 1-D array with order 3: the cubic B-spline through the values. */
export function mapCoordinatesCubic1d(values: ArrayLike<number>, coords: ArrayLike<number>): Float64Array {
  const n = values.length;
  const c = splineCoefficients(values);
  const out = new Float64Array(coords.length);
  for (let i = 0; i < coords.length; i++) {
    const x = coords[i];
    if (!(x >= 0 && x <= n - 1)) continue;
    const f = Math.floor(x);
    const y = x - f;
    const z = 1 - y;
    const w1 = (y * y * (y - 2) * 3 + 4) / 6;
    const w2 = (z * z * (z - 2) * 3 + 4) / 6;
    const w0 = (z * z * z) / 6;
    const w3 = 1 - w0 - w1 - w2;
    const s = f - 1;
    out[i] = c[mirrorIndex(s, n)] * w0 + c[mirrorIndex(s + 1, n)] * w1 + c[mirrorIndex(s + 2, n)] * w2 + c[mirrorIndex(s + 3, n)] * w3;
  }
  return out;
}
