import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../core/image';
import { DOG_DEFAULT_RATIO, differenceOfGaussiansImage } from './difference-of-gaussians';
import { loadReferenceImage, loadSource, maxAbs, maxRelativeError, referenceCases } from './preprocess-reference';

describe('differenceOfGaussiansImage (skimage difference_of_gaussians, mode nearest)', () => {
  it('scales uint8 to 0..1 first (img_as_float), as skimage', () => {
    const out = differenceOfGaussiansImage(imageFromRows([[0, 0, 0], [0, 255, 0], [0, 0, 0]], 'uint8'), 1, 1.6);
    const expected = [0.045389607636838816, 0.09698142611534323, 0.045389607636838816];
    Array.from(out.data.subarray(3, 6)).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  for (const c of referenceCases('dog')) {
    it(`${c.out}: within 1e-5 of the image's largest response`, () => {
      const expected = loadReferenceImage(c.out).data;
      const low = c.low as number;
      const high = (c.high as number | null) ?? low * DOG_DEFAULT_RATIO;
      const out = differenceOfGaussiansImage(loadSource(c.source), low, high);
      expect(maxRelativeError(out.data, expected, maxAbs(expected)).error).toBeLessThan(1e-5);
    });
  }
});
