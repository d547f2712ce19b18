import { describe, expect, it } from 'vitest';
import { fourSlicesU8, loadReferenceImage, loadSource, maxAbs, maxRelativeError, referenceCases } from '../../src/imaging/preprocess-reference';
import { perSliceDifferences, runNode } from '../../src/testing/run-node';
import { laplacianOfGaussian } from './laplacian-of-gaussian';

describe('laplacian-of-gaussian node', () => {
  it.each(referenceCases('log'))('$out matches scipy gaussian_laplace to 1e-5', (c) => {
    const { image } = runNode(laplacianOfGaussian, { image: loadSource(c.source) }, { sigma: c.sigma as number });
    const expected = loadReferenceImage(c.out).data;
    expect(maxRelativeError(image.data, expected, maxAbs(expected)).error).toBeLessThan(1e-5);
  });

  it('"bright spots positive" is the reference times −σ²', () => {
    const c = referenceCases('log')[1];
    const sigma = c.sigma as number;
    const { image } = runNode(laplacianOfGaussian, { image: loadSource(c.source) }, { sigma, brightPositive: true });
    const expected = Float64Array.from(loadReferenceImage(c.out).data, (v) => -sigma * sigma * v);
    expect(maxRelativeError(image.data, expected, maxAbs(expected)).error).toBeLessThan(1e-5);
  });

  it('filters each plane and channel on its own', () => {
    expect(perSliceDifferences((image) => runNode(laplacianOfGaussian, { image }, {}).image, fourSlicesU8())).toBe(0);
  });
});
