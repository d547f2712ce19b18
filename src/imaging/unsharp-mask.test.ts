import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../core/image';
import { unsharpMaskImage } from './unsharp-mask';
import { loadReferenceImage, loadSource, maxAbs, maxRelativeError, referenceCases } from './preprocess-reference';

describe('unsharpMaskImage (skimage unsharp_mask, preserve_range=True)', () => {
  it('sharpens an impulse with a reflect-border Gaussian', () => {
    const out = unsharpMaskImage(imageFromRows([[0, 0, 0], [0, 9, 0], [0, 0, 0]], 'uint8'), 1, 1);
    const expected = [-1.0867521881834934, 16.503239643001542, -1.0867521881834934];
    Array.from(out.data.subarray(3, 6)).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
  });

  for (const c of referenceCases('unsharp')) {
    it(`${c.out}: within 1e-5 relative`, () => {
      const expected = loadReferenceImage(c.out).data;
      const out = unsharpMaskImage(loadSource(c.source), c.radius as number, c.amount as number);
      expect(maxRelativeError(out.data, expected, 1e-3 * maxAbs(expected)).error).toBeLessThan(1e-5);
    });
  }
});
