// The threshold node's optional region: the threshold of the pixels inside it, as
// skimage.filters.threshold_<method>(image[region]) (scripts/reference/threshold_region.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createMask, imageFromRows, labelsFromRows, maskFromRows, type Image, type Labels, type Mask } from '../../src/core/image';
import { decodeImageFile } from '../../src/io/decode';
import { imagePath, referencePath } from '../../src/testing/paths';
import { testContext } from '../../src/testing/context';
import { threshold } from './threshold';

const reference = JSON.parse(readFileSync(referencePath('threshold', 'region.json'), 'utf8')) as Record<string, Record<string, Record<string, number>>>;
const run = (image: Image, region: Mask | Labels | undefined, params: unknown) =>
  threshold.run({ image, region }, threshold.params.parse(params), testContext()) as { mask: Mask; threshold: number };

/** The disk of radius 0.4 × width around the centre, as the reference script draws it (or its complement). */
function disk(width: number, height: number, outside: boolean): Mask {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = (x - (width - 1) / 2) ** 2 + (y - (height - 1) / 2) ** 2 <= (0.4 * width) ** 2;
      data[y * width + x] = inside !== outside ? 1 : 0;
    }
  }
  return createMask({ width, height }, data);
}

describe('threshold within a region', () => {
  for (const name of ['dsb2018_512_uint16', 'dsb2018_256_uint8']) {
    const image = decodeImageFile(new Uint8Array(readFileSync(imagePath(`${name}.tif`))), name, { maxPixels: 2 ** 26 });
    for (const where of ['disk', 'outside'] as const) {
      it(`${name}, ${where}: the threshold skimage computes from the region's pixels; nothing outside it is foreground`, () => {
        const region = disk(image.width, image.height, where === 'outside');
        const expected = reference[name][where];
        expect(region.data.reduce((a, b) => a + b, 0)).toBe(expected.pixels);
        for (const method of ['otsu', 'li', 'triangle', 'yen', 'isodata', 'mean', 'minimum'] as const) {
          const r = run(image, region, { method });
          expect({ method, t: r.threshold }).toEqual({ method, t: expect.closeTo(expected[method], 9) });
          let outsideForeground = 0;
          let insideWrong = 0;
          for (let i = 0; i < region.data.length; i++) {
            if (!region.data[i]) outsideForeground += r.mask.data[i];
            else if (r.mask.data[i] !== (image.data[i] > r.threshold ? 1 : 0)) insideWrong++;
          }
          expect({ method, outsideForeground, insideWrong }).toEqual({ method, outsideForeground: 0, insideWrong: 0 });
        }
      });
    }
  }

  it('takes objects as the region too, and differs from the whole image\'s threshold', () => {
    // bright pixels only inside object 3: the region's Otsu splits 50 from 90, the whole image's 10 from the rest
    const image = imageFromRows([[10, 10, 10, 10, 50, 90]], 'uint8');
    const objects = labelsFromRows([[0, 0, 0, 0, 3, 3]]);
    const inRegion = run(image, objects, { method: 'otsu' });
    expect(Array.from(inRegion.mask.data)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(run(image, undefined, { method: 'otsu' }).threshold).toBeLessThan(inRegion.threshold);
  });

  it('refuses an empty region for an automatic method, and a region of another size, in one line', () => {
    const image = imageFromRows([[1, 2, 3]], 'uint8');
    expect(() => run(image, maskFromRows([[0, 0, 0]]), { method: 'li' })).toThrow(new UserError('threshold (li): the region is empty: there are no pixels to compute a threshold from'));
    expect(Array.from(run(image, maskFromRows([[0, 0, 0]]), { method: 'manual', value: 0 }).mask.data)).toEqual([0, 0, 0]);
    expect(() => run(image, maskFromRows([[1, 1]]), { method: 'otsu' })).toThrow(/threshold: the image \(3×1, 1 planes\) and the region \(2×1, 1 planes\) must have the same size/);
  });
});
