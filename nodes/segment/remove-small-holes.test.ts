import { describe, expect, it } from 'vitest';
import { maskFromRows } from '../../src/core/image';
import { morphologyCases, morphologyMask } from '../../src/imaging/morphology-reference';
import { countDifferences } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { removeSmallHoles } from './remove-small-holes';

describe('remove-small-holes node (skimage.morphology.remove_small_holes)', () => {
  it('fills a 1-pixel hole, keeps a 4-pixel hole with area 4; diagonal hole pixels join only with 8', () => {
    const rows = [
      [1, 1, 1, 1, 1, 1, 1, 1],
      [1, 0, 1, 1, 0, 0, 1, 1],
      [1, 1, 0, 1, 0, 0, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1],
    ];
    const four = runNode(removeSmallHoles, { mask: maskFromRows(rows) }, { area: 2 }).mask;
    expect(four.data[8 + 1]).toBe(1);
    expect(four.data[16 + 2]).toBe(1);
    expect(four.data[8 + 4]).toBe(0);
    const eight = runNode(removeSmallHoles, { mask: maskFromRows(rows) }, { area: 2, connectivity: '8' }).mask;
    expect(eight.data[8 + 1]).toBe(0); // the two diagonal pixels form one hole of area 2
    expect(runNode(removeSmallHoles, { mask: maskFromRows(rows) }, { area: 5 }).mask.data.every((v) => v === 1)).toBe(true);
  });

  it.each(morphologyCases('remove_small_holes'))('$out equals skimage', (c) => {
    const params = { area: c.area as number, connectivity: String(c.connectivity === 1 ? 4 : 8) };
    const { mask } = runNode(removeSmallHoles, { mask: morphologyMask(`sources/${c.source}.npy`) }, params);
    expect(countDifferences(mask.data, morphologyMask(c.out).data)).toBe(0);
  });
});
