import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createImage, imageFromRows, type Image, type Mask } from '../../src/core/image';
import { sourceImage, thresholdsJson } from '../../src/imaging/reference-fixtures';
import { testContext } from '../../src/testing/context';
import { threshold } from './threshold';

const run = (image: Image, params: unknown) =>
  threshold.run({ image }, threshold.params.parse(params), testContext()) as { mask: Mask; threshold: number };

const AUTO = ['otsu', 'li', 'triangle', 'yen', 'isodata', 'mean'] as const;

describe('threshold node', () => {
  it('defaults to otsu, bright objects', () => {
    expect(threshold.params.parse({})).toEqual({ method: 'otsu', objects: 'bright', value: 0, correction: 1 });
    expect(threshold.params.safeParse({ method: 'magic' }).success).toBe(false);
    expect(threshold.params.safeParse({ objects: 'light' }).success).toBe(false);
  });

  it('manual: bright is value > t, dark is value <= t, and the threshold is an output', () => {
    const image = imageFromRows([[1, 2, 3], [4, 5, 6]], 'uint8');
    const bright = run(image, { method: 'manual', value: 3 });
    expect(Array.from(bright.mask.data)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(bright.threshold).toBe(3);
    const dark = run(image, { method: 'manual', value: 3, objects: 'dark' });
    expect(Array.from(dark.mask.data)).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it.each(AUTO)('%s on a real 16-bit image: the skimage 0.19 threshold, bright and dark complementary', (method) => {
    const image = sourceImage('nuclei16');
    const expected = thresholdsJson.raw.nuclei16[method] as number;
    const bright = run(image, { method, objects: 'bright' });
    // Li's threshold is a quotient of logarithms: libm and NumPy may differ in the last bit
    if (method === 'li') expect(Math.abs(bright.threshold - expected)).toBeLessThanOrEqual(1e-9 * expected);
    else expect(bright.threshold).toBe(expected);
    const dark = run(image, { method, objects: 'dark' });
    expect(dark.threshold).toBe(bright.threshold);
    let foreground = 0;
    for (let i = 0; i < image.data.length; i++) {
      expect(bright.mask.data[i]).toBe(image.data[i] > bright.threshold ? 1 : 0);
      expect(dark.mask.data[i]).toBe(1 - bright.mask.data[i]);
      foreground += bright.mask.data[i];
    }
    expect(foreground).toBeGreaterThan(0);
    expect(foreground).toBeLessThan(image.data.length);
  });

  it.each(AUTO)('%s on a float image (256 bins over [min, max]) equals skimage', (method) => {
    const out = run(sourceImage('synthetic_float'), { method });
    expect(out.threshold).toBe(thresholdsJson.raw.synthetic_float[method]);
  });

  it('one threshold for a whole stack, applied to every plane', () => {
    const polyp = sourceImage('polyp');
    const out = run(polyp, { method: 'otsu' });
    expect(out.threshold).toBe(thresholdsJson.raw.polyp.otsu);
    expect(out.mask.planes).toBe(3);
  });

  it('refuses a multi-channel image with one line saying what to do', () => {
    const rgb = createImage({ width: 2, height: 2, channels: 3 }, 'uint8');
    expect(() => run(rgb, {})).toThrow(UserError);
    expect(() => run(rgb, {})).toThrow(/single-channel image, got 3 channels: convert to gray/);
  });

  it('states its conventions', () => {
    for (const words of ['value > threshold', 'value <= threshold', 'one bin per intensity', '256 equal bins', 'scikit-image 0.19']) {
      expect(threshold.description).toContain(words);
    }
  });
});
