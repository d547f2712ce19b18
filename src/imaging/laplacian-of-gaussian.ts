// scipy.ndimage.gaussian_laplace(input, sigma, mode='nearest'): ∂²/∂y² + ∂²/∂x² of the Gaussian blur.
import type { Image } from '../core/image';
import { mapSlicesFloat } from './per-slice';
import { gaussianFilter64 } from './gaussian-derivative';

export function laplacianOfGaussian(input: ArrayLike<number>, width: number, height: number, sigma: number): Float64Array {
  const dyy = gaussianFilter64(input, width, height, sigma, 'nearest', { y: 2, x: 0 });
  const dxx = gaussianFilter64(input, width, height, sigma, 'nearest', { y: 0, x: 2 });
  for (let i = 0; i < dyy.length; i++) dyy[i] += dxx[i];
  return dyy;
}

/** LoG of every 2-D slice, values kept (no scaling), float32 output. */
export function laplacianOfGaussianImage(image: Image, sigma: number): Image {
  return mapSlicesFloat(image, 'float32', (v, w, h) => laplacianOfGaussian(v, w, h, sigma));
}
