import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImage, createMask, labelsFromRows, maskFromRows, type Image } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { autoThreshold } from '../../src/imaging/threshold';
import { decodeImageFile } from '../../src/io/decode';
import { imagePath } from '../../src/testing/paths';
import { testContext } from '../../src/testing/context';
import { maskImage } from './mask-image';

const run = (image: Image, region: Parameters<typeof maskImage.run>[0]['region'], invert = false) =>
  (maskImage.run({ image, region }, { invert }, testContext()) as { image: Image }).image;

describe('mask-image', () => {
  it('keeps the pixels inside a mask or objects and zeroes the rest, or the reverse with invert', () => {
    const image = createImage({ width: 3, height: 2, channels: 2 }, 'uint16', Uint16Array.from([1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60]));
    const mask = maskFromRows([
      [1, 0, 0],
      [0, 1, 1],
    ]);
    expect(Array.from(run(image, mask).data)).toEqual([1, 0, 0, 0, 5, 6, 10, 0, 0, 0, 50, 60]);
    expect(Array.from(run(image, mask, true).data)).toEqual([0, 2, 3, 4, 0, 0, 0, 20, 30, 40, 0, 0]);
    const objects = labelsFromRows([
      [0, 7, 0],
      [2, 0, 0],
    ]);
    const byObjects = run(image, objects);
    expect(Array.from(byObjects.data)).toEqual([0, 2, 0, 4, 0, 0, 0, 20, 0, 40, 0, 0]);
    expect(byObjects.dtype).toBe('uint16');
    expect(Array.from(image.data)).toEqual([1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60]); // the input is untouched
  });

  it('on a real image: inside the Otsu foreground the values are the image\'s, outside 0', () => {
    const image = decodeImageFile(new Uint8Array(readFileSync(imagePath('dsb2018_256_uint8.tif'))), 'dsb', { maxPixels: 2 ** 26 });
    const t = autoThreshold('otsu', image.data);
    const mask = createMask({ width: 256, height: 256 }, Uint8Array.from(image.data, (v) => (v > t ? 1 : 0)));
    const out = run(image, mask);
    let inside = 0;
    let wrong = 0;
    out.data.forEach((v, i) => {
      if (v !== (mask.data[i] ? image.data[i] : 0)) wrong++;
      inside += mask.data[i];
    });
    expect({ wrong, someInside: inside > 1000, someOutside: inside < 65536 - 1000 }).toEqual({ wrong: 0, someInside: true, someOutside: true });
  });

  it('masks each plane of a stack with its own plane of the region', () => {
    const stack = createImage({ width: 2, height: 1, planes: 2 }, 'float32', Float32Array.from([1.5, 2.5, 3.5, 4.5]));
    expect(Array.from(run(stack, createMask({ width: 2, height: 1, planes: 2 }, Uint8Array.from([1, 0, 0, 1]))).data)).toEqual([1.5, 0, 0, 4.5]);
  });

  it('refuses a region of another size in one line', () => {
    const image = createImage({ width: 2, height: 1 }, 'uint8');
    expect(() => run(image, maskFromRows([[1, 0, 1]]))).toThrow(UserError);
    expect(() => run(image, maskFromRows([[1, 0, 1]]))).toThrow('mask-image: the image (2×1, 1 planes) and the region (3×1, 1 planes) must have the same size');
  });
});
