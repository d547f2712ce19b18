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
 * sample further back than forward).
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
  const len = weights.length;
  const before = len >> 1;
  const n = axis === 'x' ? width : height;
  const lines = axis === 'x' ? height : width;
  const stride = axis === 'x' ? 1 : width;
  const lineStep = axis === 'x' ? width : 1;
  const padded = new Float64Array(n + len - 1);
  const w = Float64Array.from(weights);
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    for (let k = 0; k < padded.length; k++) padded[k] = input[base + borderIndex(k - before, n, mode) * stride];
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < len; j++) sum += w[j] * padded[i + j];
      output[base + i * stride] = sum;
    }
  }
  return output;
}
