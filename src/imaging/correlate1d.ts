// scipy.ndimage.correlate1d on a 2-D float64 slice: one axis at a time, with scipy's border modes.
// The building block of the separable filters here (Gaussian derivatives, box mean, Sobel).

/**
 * How a filter reads outside the image (scipy.ndimage names):
 * - nearest: a a a | a b c d | d d d (the edge pixel repeated)
 * - reflect: c b a | a b c d | d c b (mirrored about the pixel edge; skimage's "symmetric")
 * - mirror:  d c b | a b c d | c b a (mirrored about the edge pixel's centre; skimage's "reflect")
 */
export type BorderMode = 'nearest' | 'reflect' | 'mirror';

/** The index inside 0..n-1 that position `i` reads under `mode`. */
export function borderIndex(i: number, n: number, mode: BorderMode): number {
  if (i >= 0 && i < n) return i;
  if (mode === 'nearest' || n === 1) return i < 0 ? 0 : n - 1;
  if (mode === 'reflect') {
    const period = 2 * n;
    let k = i % period;
    if (k < 0) k += period;
    return k < n ? k : period - 1 - k;
  }
  const period = 2 * n - 2;
  let k = i % period;
  if (k < 0) k += period;
  return k < n ? k : period - k;
}

/**
 * out[i] = Σ_j weights[j] · in[i + j − ⌊len/2⌋ − origin] along `axis` ('x' = along rows, 'y' = down
 * columns), as scipy.ndimage.correlate1d (origin 0 centres the weights; an even length looks one
 * sample further back than forward). Summed in scipy's order (NI_Correlate1D): an odd symmetric or
 * antisymmetric kernel as the centre term plus pairs (x[i−k] ± x[i+k])·w[−k] from the outermost in,
 * which also halves the multiplications; any other kernel from its last weight, then the rest in order.
 */
export function correlate1d(
  input: ArrayLike<number>,
  width: number,
  height: number,
  axis: 'x' | 'y',
  weights: ArrayLike<number>,
  mode: BorderMode,
  output: Float64Array = new Float64Array(width * height),
): Float64Array {
  const w = Float64Array.from(weights);
  const symmetry = symmetryOf(w);
  if (axis === 'y') return correlateColumns(input, width, height, w, symmetry, mode, output);
  const len = w.length;
  const before = len >> 1;
  const padded = new Float64Array(width + len - 1);
  const line = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let k = 0; k < padded.length; k++) padded[k] = input[base + borderIndex(k - before, width, mode)];
    accumulate(line, width, w, symmetry, (j) => padded.subarray(j, j + width));
    output.set(line, base);
  }
  return output;
}

/** +1 symmetric, −1 antisymmetric (odd length, within DBL_EPSILON, as scipy decides), else 0. */
function symmetryOf(w: Float64Array): 1 | -1 | 0 {
  const len = w.length;
  if (len % 2 === 0) return 0;
  const c = len >> 1;
  let symmetric = true;
  let antisymmetric = true;
  for (let k = 1; k <= c; k++) {
    if (Math.abs(w[c + k] - w[c - k]) > Number.EPSILON) symmetric = false;
    if (Math.abs(w[c + k] + w[c - k]) > Number.EPSILON) antisymmetric = false;
  }
  return symmetric ? 1 : antisymmetric ? -1 : 0;
}

/**
 * Writes the correlation of `n` outputs into `out`: `tap(j)` is the input aligned with weight j
 * (tap(j)[i] = x[i + j − ⌊len/2⌋]). One kernel weight at a time over the whole line, so the inner loops
 * run over contiguous memory; per output the terms are added in scipy's order.
 */
function accumulate(out: Float64Array, n: number, w: Float64Array, symmetry: 1 | -1 | 0, tap: (j: number) => Float64Array): void {
  const len = w.length;
  if (symmetry !== 0) {
    const c = len >> 1;
    const centre = tap(c);
    for (let i = 0; i < n; i++) out[i] = centre[i] * w[c];
    for (let j = 0; j < c; j++) {
      const lo = tap(j);
      const hi = tap(len - 1 - j);
      const wj = w[j];
      if (symmetry > 0) for (let i = 0; i < n; i++) out[i] += (lo[i] + hi[i]) * wj;
      else for (let i = 0; i < n; i++) out[i] += (lo[i] - hi[i]) * wj;
    }
    return;
  }
  const last = tap(len - 1);
  for (let i = 0; i < n; i++) out[i] = last[i] * w[len - 1];
  for (let j = 0; j < len - 1; j++) {
    const t = tap(j);
    const wj = w[j];
    for (let i = 0; i < n; i++) out[i] += t[i] * wj;
  }
}

/** correlate1d down the columns, a row at a time (whole rows in cache, not one value per cache line). */
function correlateColumns(
  input: ArrayLike<number>,
  width: number,
  height: number,
  w: Float64Array,
  symmetry: 1 | -1 | 0,
  mode: BorderMode,
  output: Float64Array,
): Float64Array {
  const before = w.length >> 1;
  const source = input instanceof Float64Array ? input : Float64Array.from(input);
  const row = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    accumulate(row, width, w, symmetry, (j) => {
      const from = borderIndex(y + j - before, height, mode) * width;
      return source.subarray(from, from + width);
    });
    output.set(row, y * width);
  }
  return output;
}
