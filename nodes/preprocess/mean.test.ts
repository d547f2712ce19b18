import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../../src/core/image';
import { fourSlicesU8, loadReferenceImage, loadSource, maxRelativeError, referenceCases } from '../../src/imaging/preprocess-reference';
import { perSliceDifferences, runNode } from '../../src/testing/run-node';
import { mean } from './mean';

describe('mean node', () => {
  it('averages a 3 × 3 box with edge pixels repeated', () => {
    const { image } = runNode(mean, { image: imageFromRows([[0, 0, 0], [0, 9, 0], [0, 0, 0]], 'uint8') }, { size: 3 });
    expect(image.dtype).toBe('float32');
    expect(Array.from(image.data)).toEqual(new Array(9).fill(1));
  });

  it.each(referenceCases('mean'))('$out matches scipy uniform_filter to 1e-6', (c) => {
    const { image } = runNode(mean, { image: loadSource(c.source) }, { size: c.size as number });
    expect(maxRelativeError(image.data, loadReferenceImage(c.out).data).error).toBeLessThan(1e-6);
  });

  it('filters each plane and channel on its own', () => {
    expect(perSliceDifferences((image) => runNode(mean, { image }, { size: 4 }).image, fourSlicesU8())).toBe(0);
  });
});
