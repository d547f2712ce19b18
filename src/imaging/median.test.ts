import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../core/image';
import { encodeValues, medianImage } from './median';
import { countDifferences, loadReferenceImage, loadSource, referenceCases } from './preprocess-reference';

describe('medianImage: small exact cases (scipy median_filter, disk footprint, mode nearest)', () => {
  it('takes the median of the 5-pixel cross for radius 1, edges repeated', () => {
    const img = imageFromRows([[0.5, -1, 3, 2], [7, 0.25, 9, 1]], 'float32');
    expect(Array.from(medianImage(img, 1).data)).toEqual([0.5, 0.25, 3, 2, 7, 0.25, 3, 1]);
  });

  it('keeps the pixel type and leaves a constant image unchanged', () => {
    const img = imageFromRows([[7, 7, 7], [7, 7, 7]], 'uint16');
    const out = medianImage(img, 2);
    expect(out.dtype).toBe('uint16');
    expect(Array.from(out.data)).toEqual([7, 7, 7, 7, 7, 7]);
  });

  it('removes a single bright speck (salt noise)', () => {
    const img = imageFromRows([[1, 1, 1], [1, 200, 1], [1, 1, 1]], 'uint8');
    expect(Array.from(medianImage(img, 1).data)).toEqual(new Array(9).fill(1));
  });

  it('codes floats by rank, NaN last', () => {
    const { codes, decode } = encodeValues(Float32Array.from([2.5, -1, NaN, 2.5, 0]));
    expect(Array.from(codes)).toEqual([2, 0, 3, 2, 1]);
    expect(Array.from(decode)).toEqual([-1, 0, 2.5, NaN]);
  });
});

describe('medianImage: real images against skimage.filters.median', () => {
  for (const c of referenceCases('median')) {
    it(`${c.out}: exact`, () => {
      const expected = loadReferenceImage(c.out);
      const out = medianImage(loadSource(c.source), c.radius as number);
      expect(out.dtype).toBe(expected.dtype);
      expect(out.channels).toBe(expected.channels);
      expect(countDifferences(out.data, expected.data)).toBe(0);
    });
  }
});
