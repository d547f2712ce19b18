// image-to-objects: label images made elsewhere read as objects; regions and foreground against
// skimage.measure.label on a crop of the hand-annotated DSB2018 label image and a synthetic case
// (scripts/reference/image_to_objects.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createImage, imageFromRows, type DType, type Image, type Labels } from '../../src/core/image';
import { decodeImageFile } from '../../src/io/decode';
import { testContext } from '../../src/testing/context';
import { readNpy } from '../../src/testing/npy';
import { imagePath, referencePath } from '../../src/testing/paths';
import { imageToObjects } from './image-to-objects';

const toObjects = (image: Image, params: Record<string, unknown> = {}): Labels =>
  (imageToObjects.run({ image }, imageToObjects.params.parse(params), testContext()) as { labels: Labels }).labels;
const fixture = (name: string) => readNpy(referencePath('segment', `to_objects_${name}.npy`));

describe('image-to-objects', () => {
  for (const name of ['dsb512crop', 'synthetic']) {
    const input = fixture(name);
    const [height, width] = input.shape;
    const image = createImage({ width, height }, 'uint16', Uint16Array.from(input.data as Uint16Array));

    it(`${name}: values keeps every pixel's number; regions and foreground are skimage.measure.label's`, () => {
      const kept = toObjects(image);
      expect(Array.from(kept.data)).toEqual(Array.from(input.data as Uint16Array));
      expect(kept.count).toBe(Math.max(...(input.data as Uint16Array)));
      for (const from of ['regions', 'foreground'] as const) {
        for (const [connectivity, c] of [[4, 1], [8, 2]] as const) {
          const expected = fixture(`${name}_${from}_c${c}`).data as Uint16Array;
          const got = toObjects(image, { from, connectivity });
          expect(Array.from(got.data), `${from} c${c}`).toEqual(Array.from(expected));
          expect(got.count).toBe(Math.max(...expected));
        }
      }
    });
  }

  it('the synthetic case tells the modes apart: a number in two pieces, touching numbers, corner-only contacts', () => {
    const image = createImage({ width: 12, height: 12 }, 'uint16', Uint16Array.from(fixture('synthetic').data as Uint16Array));
    const objects = (l: Labels) => new Set(Array.from(l.data).filter((v) => v > 0)).size;
    expect(objects(toObjects(image))).toBe(3);
    expect(objects(toObjects(image, { from: 'regions', connectivity: 4 }))).toBe(6);
    expect(objects(toObjects(image, { from: 'regions', connectivity: 8 }))).toBe(4);
    expect(objects(toObjects(image, { from: 'foreground', connectivity: 8 }))).toBe(3);
  });

  it('reads any whole-number pixel type, float included; a stack plane by plane, region numbers going on', () => {
    for (const dtype of ['uint8', 'int32', 'float32', 'float64'] as DType[]) {
      expect(Array.from(toObjects(imageFromRows([[0, 5], [5, 2]], dtype)).data), dtype).toEqual([0, 5, 5, 2]);
    }
    const stack = createImage({ width: 2, height: 1, planes: 2 }, 'uint16', Uint16Array.from([4, 0, 0, 4]));
    expect(Array.from(toObjects(stack).data)).toEqual([4, 0, 0, 4]);
    const regions = toObjects(stack, { from: 'regions' });
    expect({ data: Array.from(regions.data), count: regions.count, planes: regions.planes }).toEqual({ data: [1, 0, 0, 2], count: 2, planes: 2 });
  });

  it('a real 8-bit label TIFF (NEUBIAS mitocheck reference labels): one object per number', () => {
    const image = decodeImageFile(new Uint8Array(readFileSync(imagePath('xy_8bit__mitocheck_incenp_t1_mask.tif'))), 'mask.tif', { maxPixels: 2 ** 26 });
    const numbers = new Set(Array.from(image.data).filter((v) => v > 0));
    const labels = toObjects(image);
    expect(new Set(Array.from(labels.data).filter((v) => v > 0))).toEqual(numbers);
    expect(labels.meta.source).toBe(image.meta.source);
  });

  it('refuses what is not a label image in one line, naming the pixel', () => {
    const fails = (image: Image) => {
      try {
        toObjects(image);
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        return (err as Error).message;
      }
      throw new Error('no error');
    };
    expect(fails(imageFromRows([[0, 1], [2, 0.5]], 'float32'))).toBe(
      'image-to-objects: the pixel at x 1, y 1 holds 0.5, not an object number (a whole number from 0 to 4294967295): is this a label image?',
    );
    expect(fails(imageFromRows([[0, -3]], 'int16'))).toMatch(/at x 1, y 0 holds -3/);
    expect(fails(imageFromRows([[NaN]], 'float32'))).toMatch(/holds NaN/);
    expect(fails(createImage({ width: 1, height: 1, channels: 3 }, 'uint8'))).toBe(
      'image-to-objects: the image has 3 channels; a label image has one (pick it with split-channels)',
    );
  });
});
