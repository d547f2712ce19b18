import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../core/image';
import { tophatImage } from './tophat';
import { countDifferences, loadReferenceImage, loadSource, maxRelativeError, referenceCases } from './preprocess-reference';

describe('tophatImage (skimage white_tophat / black_tophat, disk footprint)', () => {
  it('white keeps a speck narrower than the disk, black a pit', () => {
    const rows = [[5, 5, 5, 5, 5], [5, 5, 9, 5, 5], [5, 5, 5, 5, 5]];
    expect(Array.from(tophatImage(imageFromRows(rows, 'uint8'), 'white', 1).data)).toEqual([0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0]);
    const pit = rows.map((r) => r.map((v) => 14 - v));
    expect(Array.from(tophatImage(imageFromRows(pit, 'uint8'), 'black', 1).data)).toEqual([0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0]);
  });

  for (const kind of ['white', 'black'] as const) {
    for (const c of referenceCases(`${kind}_tophat`)) {
      it(`${kind} ${c.out}: equals skimage`, () => {
        const out = tophatImage(loadSource(c.source), kind, c.radius as number);
        const expected = loadReferenceImage(c.out);
        expect(out.dtype).toBe(expected.dtype);
        if (out.dtype === 'float32') expect(maxRelativeError(out.data, expected.data).error).toBe(0);
        else expect(countDifferences(out.data, expected.data)).toBe(0);
      });
    }
  }
});
