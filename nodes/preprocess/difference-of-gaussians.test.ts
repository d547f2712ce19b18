import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { fourSlicesU8, loadReferenceImage, loadSource, maxAbs, maxRelativeError, referenceCases } from '../../src/imaging/preprocess-reference';
import { perSliceDifferences, runNode } from '../../src/testing/run-node';
import { differenceOfGaussians } from './difference-of-gaussians';

describe('difference-of-gaussians node', () => {
  it.each(referenceCases('dog'))('$out matches skimage difference_of_gaussians to 1e-5', (c) => {
    const params = c.high === null ? { lowSigma: c.low as number } : { lowSigma: c.low as number, highSigma: c.high as number };
    const { image } = runNode(differenceOfGaussians, { image: loadSource(c.source) }, params);
    const expected = loadReferenceImage(c.out).data;
    expect(maxRelativeError(image.data, expected, maxAbs(expected)).error).toBeLessThan(1e-5);
  });

  it('a high sigma not above the low one is a UserError naming both', () => {
    expect(() => runNode(differenceOfGaussians, { image: loadSource('blobs_u8') }, { lowSigma: 3, highSigma: 2 })).toThrow(
      new UserError('difference-of-gaussians: high sigma (2) must be larger than low sigma (3)'),
    );
  });

  it('filters each plane and channel on its own', () => {
    expect(perSliceDifferences((image) => runNode(differenceOfGaussians, { image }, {}).image, fourSlicesU8())).toBe(0);
  });
});
