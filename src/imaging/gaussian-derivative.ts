// scipy.ndimage.gaussian_filter with derivative orders and any border mode, computed in float64.
// The float32 Gaussian blur (gaussian.ts) covers plain smoothing; LoG needs second-derivative kernels,
// unsharp mask needs skimage's 'reflect' border, and DoG subtracts two blurs, where float32
// intermediates would lose digits; hence this float64 version of the same definition.
import { correlate1d, type BorderMode } from './correlate1d';
import { exp } from './libm'; // same bits in the browser as in `cellgraph run`

/** scipy.ndimage._filters._gaussian_kernel1d: weights at x = −radius..radius for derivative `order`. */
export function gaussianKernel1d(sigma: number, order: number, radius: number): Float64Array {
  const sigma2 = sigma * sigma;
  const phi = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let i = 0; i < phi.length; i++) {
    const x = i - radius;
    phi[i] = exp((-0.5 / sigma2) * x * x);
    sum += phi[i];
  }
  for (let i = 0; i < phi.length; i++) phi[i] /= sum;
  if (order === 0) return phi;
  // q(x)·phi(x): apply q ↦ q' − q·x/σ² `order` times to the polynomial coefficients of q
  let q = new Float64Array(order + 1);
  q[0] = 1;
  for (let step = 0; step < order; step++) {
    const next = new Float64Array(order + 1);
    for (let k = 0; k <= order; k++) {
      if (k + 1 <= order) next[k] += (k + 1) * q[k + 1];
      if (k >= 1) next[k] += q[k - 1] / -sigma2;
    }
    q = next;
  }
  const out = new Float64Array(phi.length);
  for (let i = 0; i < phi.length; i++) {
    const x = i - radius;
    let poly = 0;
    for (let k = order; k >= 0; k--) poly = poly * x + q[k];
    out[i] = poly * phi[i];
  }
  return out;
}

/** Radius of scipy's kernel: int(truncate·σ + 0.5). */
export const gaussianRadius = (sigma: number, truncate = 4): number => Math.floor(truncate * sigma + 0.5);

/**
 * scipy.ndimage.gaussian_filter(input, sigma, order=(orderY, orderX), mode, truncate) on one 2-D
 * slice, float64 throughout: rows (axis 0) first, then columns, as scipy does.
 */
export function gaussianFilter64(
  input: ArrayLike<number>,
  width: number,
  height: number,
  sigma: number,
  mode: BorderMode,
  orders: { y: number; x: number } = { y: 0, x: 0 },
  truncate = 4,
): Float64Array {
  let current: Float64Array = Float64Array.from(input);
  if (sigma <= 1e-15) return current; // scipy skips an axis with σ = 0 (whatever the order)
  const radius = gaussianRadius(sigma, truncate);
  for (const axis of ['y', 'x'] as const) {
    // scipy correlates with the reversed kernel (a convolution); odd orders are antisymmetric
    const weights = gaussianKernel1d(sigma, orders[axis], radius).reverse();
    current = correlate1d(current, width, height, axis, weights, mode);
  }
  return current;
}
