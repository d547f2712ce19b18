import type { Image } from '../../src/core/image';
import { describe, expect, it } from 'vitest';
import { fourSlicesU8, loadReferenceImage, loadSource, maxRelativeError, referenceCases } from '../../src/imaging/preprocess-reference';
import { perSliceDifferences, runNode } from '../../src/testing/run-node';
import { illuminationEstimate } from './illumination-estimate';

describe('illumination-estimate node', () => {
  it.each(referenceCases('illumination'))('$out matches scipy smoothing + normalisation', (c) => {
    const params = { method: c.method as string, size: c.size as number, normalize: c.normalize as string };
    const { illumination } = runNode(illuminationEstimate, { image: loadSource(c.source) }, params);
    expect(maxRelativeError(illumination.data, loadReferenceImage(c.out).data, 1e-3).error).toBeLessThan(1e-6);
  });

  it('estimates and normalises each plane and channel on its own', () => {
    const run = (image: Image) =>
      runNode(illuminationEstimate, { image }, { method: 'median', size: 5, normalize: 'median' }).illumination;
    expect(perSliceDifferences(run, fourSlicesU8())).toBe(0);
  });
});
