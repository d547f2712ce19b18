import { describe, expect, it } from 'vitest';
import { createImage, type Image, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { numberColumn } from '../../src/core/table';
import { gaussian } from '../../src/imaging/gaussian';
import { loadMeasureFixture } from '../../src/imaging/regionprops/reference-fixtures';
import { testContext } from '../../src/testing/context';
import { measureImageQuality } from './measure-image-quality';

const run = (image: Image, tile = 64) => (measureImageQuality.run({ image }, { tile }, testContext()) as { table: Table }).table;

describe('measure-image-quality', () => {
  it('a blurred copy of a real image scores lower focus; 8-bit values are scaled to 0-1', () => {
    const f = loadMeasureFixture('dsb256');
    const image = createImage({ width: f.width, height: f.height }, 'uint8', f.intensity as Uint8Array);
    const sharp = run(image);
    // the blur is float32 in 0..255 (not rescaled): compare it with the same pixels as float32
    const sharpFloat = run(createImage(image, 'float32', Float32Array.from(f.intensity)));
    const blurred = run(gaussian(image, 3));
    expect(numberColumn(sharpFloat, 'focus_score')[0]).toBeGreaterThan(10 * numberColumn(blurred, 'focus_score')[0]);
    expect(numberColumn(sharp, 'focus_score')[0]).toBeCloseTo(numberColumn(sharpFloat, 'focus_score')[0] / 255 ** 2, 12);
    expect(numberColumn(sharp, 'local_focus_min')[0]).toBeLessThanOrEqual(numberColumn(sharp, 'local_focus_max')[0]);
    expect(numberColumn(sharp, 'percent_maximal')[0]).toBeGreaterThan(0);
  });

  it('one row per plane; refuses several channels', () => {
    const stack = createImage({ width: 4, height: 4, planes: 3 }, 'float32');
    expect(run(stack, 2).rows).toBe(3);
    expect(() => run(createImage({ width: 2, height: 2, channels: 2 }, 'uint8'))).toThrow(UserError);
  });
});
