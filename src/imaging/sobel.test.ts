import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../core/image';
import { sobelImage } from './sobel';
import { loadReferenceImage, loadSource, maxAbs, maxRelativeError, referenceCases } from './preprocess-reference';

describe('sobelImage (skimage 0.19 filters.sobel, mode reflect, no border zeroing)', () => {
  it('a horizontal step gives 1/√2 on both sides of it and 0 on the image border rows', () => {
    const out = sobelImage(imageFromRows([[0, 0, 0, 0], [0, 0, 0, 0], [1, 1, 1, 1], [1, 1, 1, 1]], 'float64'));
    const s = Math.SQRT1_2;
    expect(Array.from(out.data).map((v) => Math.round(v * 1e6) / 1e6)).toEqual(
      [0, 0, 0, 0, s, s, s, s, s, s, s, s, 0, 0, 0, 0].map((v) => Math.round(Math.fround(v) * 1e6) / 1e6),
    );
  });

  for (const c of referenceCases('sobel')) {
    it(`${c.out}: within 1e-5 of the largest edge`, () => {
      const expected = loadReferenceImage(c.out).data;
      const out = sobelImage(loadSource(c.source));
      expect(maxRelativeError(out.data, expected, maxAbs(expected)).error).toBeLessThan(1e-5);
    });
  }
});
