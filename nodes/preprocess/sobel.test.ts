import { describe, expect, it } from 'vitest';
import { fourSlicesU8, loadReferenceImage, loadSource, maxAbs, maxRelativeError, referenceCases } from '../../src/imaging/preprocess-reference';
import { perSliceDifferences, runNode } from '../../src/testing/run-node';
import { sobel } from './sobel';

describe('sobel node', () => {
  it.each(referenceCases('sobel'))('$out matches skimage sobel to 1e-5', (c) => {
    const { image } = runNode(sobel, { image: loadSource(c.source) });
    const expected = loadReferenceImage(c.out).data;
    expect(maxRelativeError(image.data, expected, maxAbs(expected)).error).toBeLessThan(1e-5);
  });

  it('filters each plane and channel on its own', () => {
    expect(perSliceDifferences((image) => runNode(sobel, { image }).image, fourSlicesU8())).toBe(0);
  });
});
