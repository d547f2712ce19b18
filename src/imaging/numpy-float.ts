// NumPy's floating-point arithmetic, reproduced where skimage/scipy results depend on it bit for bit:
// float32 storage with float32 (not float64) accumulation, pairwise summation in 8192-sample blocks,
// and the SIMD float32 logarithm NumPy uses on x86-64. Everything here is pure and allocation-free.
import type { PixelArray } from '../core/image';
import { log } from './libm'; // same bits in the browser as in `cellgraph run`

/** Rounds a double to the precision an array is stored in: float32 or (identity) float64. */
export type Rounding = (x: number) => number;
export const toFloat32: Rounding = Math.fround;
export const toFloat64: Rounding = (x) => x;

export function isFloatArray(values: PixelArray): values is Float32Array | Float64Array {
  return values instanceof Float32Array || values instanceof Float64Array;
}

/** The precision NumPy computes in for reductions of `values`: float32 for float32, else float64. */
export function roundingOf(values: PixelArray): Rounding {
  return values instanceof Float32Array ? toFloat32 : toFloat64;
}

type Numbers = ArrayLike<number>;

// NumPy's pairwise_sum (umath/loops_utils.h): 8 running sums for blocks up to 128, halving above.
// Written out once per precision rather than taking the rounding as a parameter: called with both,
// a shared function's rounding call stops being inlined and the sum runs 10× slower.

function pairwiseSum32(a: Numbers, start: number, n: number): number {
  const f = Math.fround;
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = f(res + a[start + i]);
    return res;
  }
  if (n <= 128) {
    let r0 = a[start], r1 = a[start + 1], r2 = a[start + 2], r3 = a[start + 3];
    let r4 = a[start + 4], r5 = a[start + 5], r6 = a[start + 6], r7 = a[start + 7];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const p = start + i;
      r0 = f(r0 + a[p]); r1 = f(r1 + a[p + 1]); r2 = f(r2 + a[p + 2]); r3 = f(r3 + a[p + 3]);
      r4 = f(r4 + a[p + 4]); r5 = f(r5 + a[p + 5]); r6 = f(r6 + a[p + 6]); r7 = f(r7 + a[p + 7]);
    }
    let res = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (; i < n; i++) res = f(res + a[start + i]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(pairwiseSum32(a, start, n2) + pairwiseSum32(a, start + n2, n - n2));
}

function pairwiseSum64(a: Numbers, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= 128) {
    let r0 = a[start], r1 = a[start + 1], r2 = a[start + 2], r3 = a[start + 3];
    let r4 = a[start + 4], r5 = a[start + 5], r6 = a[start + 6], r7 = a[start + 7];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const p = start + i;
      r0 += a[p]; r1 += a[p + 1]; r2 += a[p + 2]; r3 += a[p + 3];
      r4 += a[p + 4]; r5 += a[p + 5]; r6 += a[p + 6]; r7 += a[p + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum64(a, start, n2) + pairwiseSum64(a, start + n2, n - n2);
}

function pairwiseSum(a: Numbers, start: number, n: number, round: Rounding): number {
  if (round === toFloat32) return pairwiseSum32(a, start, n);
  if (round === toFloat64) return pairwiseSum64(a, start, n);
  throw new Error('pairwiseSum: rounding must be toFloat32 or toFloat64');
}

/** The ufunc buffer size: np.add.reduce hands the inner loop at most this many samples at a time. */
const NUMPY_BUFSIZE = 8192;

/** np.sum of a contiguous 1-D array (first `count` samples), accumulating with `round`. */
export function numpySum(a: Numbers, round: Rounding, count = a.length): number {
  let sum = 0;
  for (let i = 0; i < count; i += NUMPY_BUFSIZE) {
    sum = round(sum + pairwiseSum(a, i, Math.min(NUMPY_BUFSIZE, count - i), round));
  }
  return sum;
}

/**
 * np.mean: integers are summed exactly in float64; float32 is summed in float32 and the quotient
 * (computed in float64) rounded back to float32; float64 in float64.
 */
export function numpyMean(a: PixelArray, count = a.length): number {
  if (!isFloatArray(a)) {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += a[i];
    return sum / count;
  }
  const round = roundingOf(a);
  return round(numpySum(a, round, count) / count);
}

/** np.cumsum of a float array into `out` (sequential, with rounding after each add). */
export function cumsum(a: Numbers, round: Rounding, out = new Float64Array(a.length)): Float64Array {
  let acc = 0;
  for (let i = 0; i < a.length; i++) out[i] = acc = round(acc + a[i]);
  return out;
}

/** np.argmax over [0, n): the first maximum, or the first NaN if there is one. */
export function argmax(a: Numbers, n = a.length): number {
  let best = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v !== v) return i;
    if (v > a[best]) best = i;
  }
  return best;
}

// --- float32 helpers -----------------------------------------------------------------------------

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function nextFloat32Toward(x: number, up: boolean): number {
  f32[0] = x;
  if (x === 0) {
    u32[0] = 1;
    return up ? f32[0] : -f32[0];
  }
  u32[0] += (x > 0) === up ? 1 : -1;
  return f32[0];
}

/** fmaf(a, b, c) on float32 values: a*b is exact in float64; the one double rounding that could
 * differ from a single rounding (a float32 tie) is resolved with the exact error of the sum. */
export function fmaFloat32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = Math.fround(s);
  if (r === s || !Number.isFinite(s)) return r;
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  if (err === 0) return r;
  const other = nextFloat32Toward(r, r < s);
  if (s - Math.min(r, other) !== Math.max(r, other) - s) return r; // not a tie: single rounding agrees
  return err > 0 ? Math.max(r, other) : Math.min(r, other);
}

// Coefficients of NumPy's float32 log (npy_simd_data.h): log(1+x) = P(x)/Q(x) on [sqrt(1/2)-1, sqrt(2)-1].
const LOG_P = [0, 9.999999999999998702752e-1, 2.112677543073053063722, 1.480000633576506585156,
  3.808837741388407920751e-1, 2.589979117907922693523e-2].map(Math.fround);
const LOG_Q = [1, 2.612677543073109236779, 2.453006071784736363091, 9.864942958519418960339e-1,
  1.546476374983906719538e-1, 5.875095403124574342950e-3].map(Math.fround);
const LN2_F = Math.fround(Math.LN2);
const SQRT1_2_F = Math.fround(Math.SQRT1_2);

/**
 * np.log on float32 as NumPy 1.2x computes it on x86-64 with AVX2/AVX512F (simd_log_FLOAT): not
 * correctly rounded (max 3.83 ulp), so Math.fround(Math.log(x)) differs from it in ~4% of inputs,
 * enough to move skimage's float32 Li threshold by several ulp.
 */
export function logFloat32(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  f32[0] = x;
  let bits = u32[0];
  let exponent = 0;
  if ((bits >>> 23) === 0) {
    // subnormal: normalise first (getexp/getmant do this in hardware)
    f32[0] = x * 2 ** 32;
    bits = u32[0];
    exponent = -32;
  }
  exponent += (bits >>> 23) - 126; // mantissa in [0.5, 1)
  u32[0] = (bits & 0x7fffff) | (126 << 23);
  let m = f32[0];
  if (m <= SQRT1_2_F) {
    m = m + m;
    exponent -= 1;
  }
  const t = Math.fround(m - 1);
  let num = fmaFloat32(LOG_P[5], t, LOG_P[4]);
  let den = fmaFloat32(LOG_Q[5], t, LOG_Q[4]);
  for (let k = 3; k >= 0; k--) {
    num = fmaFloat32(num, t, LOG_P[k]);
    den = fmaFloat32(den, t, LOG_Q[k]);
  }
  return fmaFloat32(exponent, LN2_F, Math.fround(num / den));
}

/** np.log in the precision of `round`: NumPy's float32 log for float32, Math.log for float64. */
export function logIn(round: Rounding): (x: number) => number {
  return round === toFloat32 ? logFloat32 : log;
}
