import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../core/image';
import { laplacianOfGaussianImage } from './laplacian-of-gaussian';
import { gaussianKernel1d } from './gaussian-derivative';
import { loadReferenceImage, loadSource, maxAbs, maxRelativeError, referenceCases } from './preprocess-reference';

describe('laplacianOfGaussianImage (scipy gaussian_laplace, mode nearest)', () => {
  it('kernels equal scipy _gaussian_kernel1d for orders 0, 1 and 2', () => {
    const k0 = gaussianKernel1d(1, 0, 4);
    expect(k0.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const k2 = [0.0020074593692211264, 0.03545489296025013, 0.1619733822621132, 0, -0.39894346935609776];
    gaussianKernel1d(1, 2, 4).slice(0, 5).forEach((v, i) => expect(v).toBeCloseTo(k2[i], 15));
    const k1 = [0.048843793825592036, 0.09891622975900875, 0.09633125395720345, 0, -0.09633125395720345];
    gaussianKernel1d(1.5, 1, 3).slice(0, 5).forEach((v, i) => expect(v).toBeCloseTo(k1[i], 15));
  });

  it('an impulse gives the negative Mexican hat (scipy values)', () => {
    const rows = [0, 0, 0, 0, 0].map(() => [0, 0, 0, 0, 0]);
    rows[2][2] = 1;
    const out = laplacianOfGaussianImage(imageFromRows(rows, 'float64'), 1);
    const expected = [0.043078815375325916, -0.09653292801535476, -0.31831178348375944, -0.09653292801535476, 0.043078815375325916];
    Array.from(out.data.subarray(10, 15)).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  for (const c of referenceCases('log')) {
    it(`${c.out}: within 1e-5 of the image's largest response`, () => {
      const expected = loadReferenceImage(c.out).data;
      const out = laplacianOfGaussianImage(loadSource(c.source), c.sigma as number);
      expect(maxRelativeError(out.data, expected, maxAbs(expected)).error).toBeLessThan(1e-5);
    });
  }
});
