import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../../src/core/image';
import { morphologyCases, morphologyImage, morphologySource } from '../../src/imaging/morphology-reference';
import { countDifferences, fourSlicesU8 } from '../../src/imaging/preprocess-reference';
import { perSliceDifferences, runNode } from '../../src/testing/run-node';
import { greyMorphology } from './grey-morphology';

describe('grey-morphology node (skimage.morphology erosion/dilation/opening/closing)', () => {
  it('radius-1 disk: erode takes the cross minimum, dilate the maximum', () => {
    const image = imageFromRows([[5, 5, 5], [5, 1, 9], [5, 5, 5]], 'uint8');
    expect(Array.from(runNode(greyMorphology, { image }, { operation: 'erode', radius: 1 }).image.data)).toEqual([5, 1, 5, 1, 1, 1, 5, 1, 5]);
    expect(Array.from(runNode(greyMorphology, { image }, { operation: 'dilate', radius: 1 }).image.data)).toEqual([5, 5, 9, 5, 9, 9, 5, 5, 9]);
  });

  for (const op of ['erode', 'dilate', 'open', 'close'] as const) {
    it.each(morphologyCases(`grey_${op}`))(`${op}: $out equals skimage`, (c) => {
      const params = { operation: op, shape: c.shape as string, radius: c.radius as number };
      const { image } = runNode(greyMorphology, { image: morphologySource(c.source) }, params);
      const expected = morphologyImage(c.out);
      expect(image.dtype).toBe(expected.dtype);
      expect(countDifferences(image.data, expected.data)).toBe(0);
    });
  }

  it('each plane and channel on its own', () => {
    expect(perSliceDifferences((image) => runNode(greyMorphology, { image }, { operation: 'close', shape: 'square', radius: 3 }).image, fourSlicesU8())).toBe(0);
  });
});
