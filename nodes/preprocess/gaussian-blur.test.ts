import { describe, expect, it } from 'vitest';
import { createImage, imageFromRows, type Image } from '../../src/core/image';
import { compareArrays, manifest, npy, sourceImage } from '../../src/imaging/reference-fixtures';
import { testContext } from '../../src/testing/context';
import { gaussianBlur } from './gaussian-blur';

const blur = (image: Image, params: unknown): Image =>
  (gaussianBlur.run({ image }, gaussianBlur.params.parse(params), testContext()) as { image: Image }).image;

describe('gaussian-blur node', () => {
  it('defaults to sigma 2 and accepts only 0 < sigma <= 100', () => {
    expect(gaussianBlur.params.parse({})).toEqual({ sigma: 2 });
    for (const bad of [0, -1, 101, 'two']) expect(gaussianBlur.params.safeParse({ sigma: bad }).success).toBe(false);
  });

  it('gives float32 in the input units, keeping the metadata, constant stays constant up to the border', () => {
    const image = imageFromRows([[200, 200, 200], [200, 200, 200]], 'uint8');
    image.meta = { source: 'a.tif', pixelSize: { x: 0.5, y: 0.5, unit: 'µm' }, extra: {} };
    const out = blur(image, { sigma: 1.5 });
    expect(out.dtype).toBe('float32');
    for (const v of out.data) expect(v).toBeCloseTo(200, 4);
    expect(out.meta.source).toBe('a.tif');
    expect(out.meta.pixelSize).toEqual({ x: 0.5, y: 0.5, unit: 'µm' });
  });

  it('does not mix planes or channels', () => {
    const image = createImage({ width: 4, height: 4, planes: 2, channels: 2 }, 'uint16');
    image.data[16 * 3 + 5] = 1000; // plane 1, channel 1
    const out = blur(image, { sigma: 1 });
    expect(out.data.subarray(0, 48).every((v) => v === 0)).toBe(true);
    expect(out.data[48 + 5]).toBeGreaterThan(0);
  });

  it('equals scipy.ndimage.gaussian_filter(mode="nearest", truncate=4) on a real image, through the node', () => {
    const ref = manifest.gaussian.find((g) => g.source === 'dsb512_crop' && g.sigma === 2)!;
    const out = blur(sourceImage(ref.source), { sigma: 2 });
    expect(compareArrays(out.data, npy(ref.file).data as Float32Array)).toEqual({ differ: 0, maxRel: 0 });
  });

  it('states its conventions', () => {
    for (const words of ["mode='nearest'", 'truncate=4.0', 'int(4·sigma + 0.5)', 'edge pixel is repeated', '32-bit float']) {
      expect(gaussianBlur.description).toContain(words);
    }
  });
});
