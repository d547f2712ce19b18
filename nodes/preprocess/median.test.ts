import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../../src/core/image';
import { countDifferences, fourSlicesU8, loadReferenceImage, loadSource, referenceCases } from '../../src/imaging/preprocess-reference';
import { perSliceDifferences, runNode } from '../../src/testing/run-node';
import { median } from './median';

describe('median node', () => {
  it('removes a speck, keeps the type (radius 1 = 5-pixel cross)', () => {
    const { image } = runNode(median, { image: imageFromRows([[1, 1, 1], [1, 200, 1], [1, 1, 1]], 'uint8') }, { radius: 1 });
    expect(image.dtype).toBe('uint8');
    expect(Array.from(image.data)).toEqual(new Array(9).fill(1));
  });

  it.each(referenceCases('median').filter((c) => c.source !== 'tubulin_u16'))('$out equals skimage exactly', (c) => {
    const { image } = runNode(median, { image: loadSource(c.source) }, { radius: c.radius as number });
    expect(countDifferences(image.data, loadReferenceImage(c.out).data)).toBe(0);
  });

  it('filters each plane and channel of a stack on its own', () => {
    expect(perSliceDifferences((image) => runNode(median, { image }, { radius: 2 }).image, fourSlicesU8())).toBe(0);
  });

  it('rejects a radius of 0 or a fraction', () => {
    expect(() => median.params.parse({ radius: 0 })).toThrow();
    expect(() => median.params.parse({ radius: 1.5 })).toThrow();
  });
});
