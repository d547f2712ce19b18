import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../core/image';
import { uniformFilterImage } from './uniform-filter';
import { loadReferenceImage, loadSource, maxRelativeError, referenceCases } from './preprocess-reference';

describe('uniformFilterImage (scipy uniform_filter, mode nearest)', () => {
  it('an even box reaches size/2 back and size/2 − 1 forward', () => {
    const out = uniformFilterImage(imageFromRows([[1, 2, 3, 4, 10]], 'uint8'), 4);
    expect(out.dtype).toBe('float32');
    expect(Array.from(out.data)).toEqual([1.25, 1.75, 2.5, 4.75, 6.75]);
  });

  for (const c of referenceCases('mean')) {
    it(`${c.out}: within 1e-6 relative`, () => {
      const out = uniformFilterImage(loadSource(c.source), c.size as number);
      expect(maxRelativeError(out.data, loadReferenceImage(c.out).data).error).toBeLessThan(1e-6);
    });
  }
});
