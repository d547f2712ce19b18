import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { maskFromRows } from '../../src/core/image';
import { distanceTransformEdt } from '../../src/imaging/distance-transform';
import { morphologyCases, morphologyImage, morphologyMask } from '../../src/imaging/morphology-reference';
import { countDifferences, maxRelativeError } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { distanceTransform } from './distance-transform';

describe('distance-transform node (scipy distance_transform_edt)', () => {
  it('a 5 × 5 square: 1 on the outline, √… inside; the edge is not background', () => {
    const mask = maskFromRows([
      [0, 0, 0, 0, 0, 0, 0],
      [0, 1, 1, 1, 1, 1, 0],
      [0, 1, 1, 1, 1, 1, 0],
      [0, 1, 1, 1, 1, 1, 0],
      [0, 1, 1, 1, 1, 1, 0],
      [0, 1, 1, 1, 1, 1, 0],
      [0, 0, 0, 0, 0, 0, 1],
    ]);
    const d = runNode(distanceTransform, { mask }).image.data;
    expect(Array.from(d.subarray(7 * 3, 7 * 4))).toEqual([0, 1, 2, 3, 2, 1, 0]);
    expect(d[48]).toBe(1); // the corner pixel's nearest background is a neighbour, not the edge
  });

  it.each(morphologyCases('edt'))('$out: the float64 kernel equals scipy exactly, the node to float32', (c) => {
    const mask = morphologyMask(`sources/${c.source}.npy`);
    const sampling = c.sampling ? { y: (c.sampling as number[])[0], x: (c.sampling as number[])[1] } : undefined;
    const expected = morphologyImage(c.out).data;
    expect(countDifferences(distanceTransformEdt(mask.data, mask.width, mask.height, sampling), expected)).toBe(0);
    if (sampling) mask.meta.pixelSize = { ...sampling, unit: 'µm' };
    const { image } = runNode(distanceTransform, { mask }, { units: sampling ? 'calibrated' : 'pixels' });
    expect(maxRelativeError(image.data, expected).error).toBeLessThan(1e-7);
  });

  it('calibrated units without a pixel size is a UserError', () => {
    expect(() => runNode(distanceTransform, { mask: maskFromRows([[1]]) }, { units: 'calibrated' })).toThrow(UserError);
  });
});
