import { describe, expect, it } from 'vitest';
import { maskFromRows } from '../../src/core/image';
import { morphologyCases, morphologyMask } from '../../src/imaging/morphology-reference';
import { countDifferences } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { skeletonize } from './skeletonize';

describe('skeletonize node (skimage.morphology.skeletonize)', () => {
  it('a 3 × 7 bar thins to a line along its centre (skimage: row 2, columns 1–5, plus one pixel at row 1)', () => {
    const rows = [0, 1, 2, 3, 4].map((y) => [0, 1, 2, 3, 4, 5, 6, 7, 8].map((x) => (y >= 1 && y <= 3 && x >= 1 && x <= 7 ? 1 : 0)));
    const out = runNode(skeletonize, { mask: maskFromRows(rows) }).mask;
    expect(Array.from(out.data.subarray(18, 27))).toEqual([0, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(Array.from(out.data.subarray(9, 18))).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(out.data.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it.each(morphologyCases('skeletonize'))('$out equals skimage', (c) => {
    const { mask } = runNode(skeletonize, { mask: morphologyMask(`sources/${c.source}.npy`) });
    expect(countDifferences(mask.data, morphologyMask(c.out).data)).toBe(0);
  });
});
