import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { createImage } from '../core/image';
import { RGB_FROM_HED, colorDeconvolution, invert3x3, rgbToHed } from './color-deconvolution';
import { loadReferenceImage, loadSource, maxRelativeError } from './preprocess-reference';

describe('colour deconvolution (skimage.color.rgb2hed)', () => {
  it('the inverse stain matrix times the matrix is the identity', () => {
    const inv = invert3x3(RGB_FROM_HED);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const v = RGB_FROM_HED[i][0] * inv[0][j] + RGB_FROM_HED[i][1] * inv[1][j] + RGB_FROM_HED[i][2] * inv[2][j];
        expect(v).toBeCloseTo(i === j ? 1 : 0, 14);
      }
    }
  });

  it('white is no stain; a pure haematoxylin colour is haematoxylin only', () => {
    const out = new Float64Array(6);
    // optical density 0.5 of haematoxylin: rgb = 1e-6 ^ (0.5 · rgb_from_hed[0])
    const [hr, hg, hb] = RGB_FROM_HED[0].map((k) => 1e-6 ** (0.5 * k));
    rgbToHed([1, hr], [1, hg], [1, hb], out);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(0.5, 12);
    expect(out[3]).toBeCloseTo(0, 12);
    expect(out[5]).toBeCloseTo(0, 12);
  });

  it('matches skimage on the synthetic H&E-DAB image to 1e-12 (float64)', () => {
    const rgb = loadSource('hed_rgb_u8');
    const expected = loadReferenceImage('hed/hed_rgb_u8_hed_f64.npy').data;
    const n = rgb.width * rgb.height;
    const r = Float64Array.from(rgb.data.subarray(0, n), (v) => v / 255);
    const g = Float64Array.from(rgb.data.subarray(n, 2 * n), (v) => v / 255);
    const b = Float64Array.from(rgb.data.subarray(2 * n), (v) => v / 255);
    const out = new Float64Array(3 * n);
    rgbToHed(r, g, b, out);
    expect(maxRelativeError(out, expected, 1e-3).error).toBeLessThan(1e-12);
    const image = colorDeconvolution(rgb);
    expect(image.channels).toBe(3);
    expect(maxRelativeError(image.data, loadReferenceImage('hed/hed_rgb_u8_hed.npy').data, 1e-3).error).toBeLessThan(1e-6);
  });

  it('needs 3 or 4 channels', () => {
    expect(() => colorDeconvolution(createImage({ width: 1, height: 1, channels: 2 }, 'uint8'))).toThrow(UserError);
  });
});
