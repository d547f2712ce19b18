import { describe, expect, it } from 'vitest';
import { fourSlicesU8, loadReferenceImage, loadSource, maxAbs, maxRelativeError, referenceCases } from '../../src/imaging/preprocess-reference';
import { perSliceDifferences, runNode } from '../../src/testing/run-node';
import { unsharpMask } from './unsharp-mask';

describe('unsharp-mask node', () => {
  it.each(referenceCases('unsharp'))('$out matches skimage unsharp_mask to 1e-5', (c) => {
    const { image } = runNode(unsharpMask, { image: loadSource(c.source) }, { radius: c.radius as number, amount: c.amount as number });
    const expected = loadReferenceImage(c.out).data;
    expect(maxRelativeError(image.data, expected, 1e-3 * maxAbs(expected)).error).toBeLessThan(1e-5);
  });

  it('amount 0 returns the image unchanged', () => {
    const source = loadSource('blobs_u8');
    const { image } = runNode(unsharpMask, { image: source }, { radius: 2, amount: 0 });
    expect(Array.from(image.data)).toEqual(Array.from(source.data));
  });

  it('filters each plane and channel on its own', () => {
    expect(perSliceDifferences((image) => runNode(unsharpMask, { image }, {}).image, fourSlicesU8())).toBe(0);
  });
});
