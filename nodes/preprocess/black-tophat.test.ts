import { describe, expect, it } from 'vitest';
import { countDifferences, fourSlicesU8, loadReferenceImage, loadSource, referenceCases } from '../../src/imaging/preprocess-reference';
import { perSliceDifferences, runNode } from '../../src/testing/run-node';
import { blackTophat } from './black-tophat';

describe('black-tophat node', () => {
  it.each(referenceCases('black_tophat'))('$out equals skimage.morphology.black_tophat', (c) => {
    const { image } = runNode(blackTophat, { image: loadSource(c.source) }, { radius: c.radius as number });
    expect(countDifferences(image.data, loadReferenceImage(c.out).data)).toBe(0);
  });

  it('filters each plane and channel on its own', () => {
    expect(perSliceDifferences((image) => runNode(blackTophat, { image }, { radius: 4 }).image, fourSlicesU8())).toBe(0);
  });
});
