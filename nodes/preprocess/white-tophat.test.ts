import { describe, expect, it } from 'vitest';
import { countDifferences, fourSlicesU8, loadReferenceImage, loadSource, referenceCases } from '../../src/imaging/preprocess-reference';
import { perSliceDifferences, runNode } from '../../src/testing/run-node';
import { whiteTophat } from './white-tophat';

describe('white-tophat node', () => {
  it.each(referenceCases('white_tophat'))('$out equals skimage.morphology.white_tophat', (c) => {
    const { image } = runNode(whiteTophat, { image: loadSource(c.source) }, { radius: c.radius as number });
    expect(countDifferences(image.data, loadReferenceImage(c.out).data)).toBe(0);
  });

  it('filters each plane and channel on its own', () => {
    expect(perSliceDifferences((image) => runNode(whiteTophat, { image }, { radius: 4 }).image, fourSlicesU8())).toBe(0);
  });
});
