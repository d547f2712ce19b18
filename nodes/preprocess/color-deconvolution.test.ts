import { describe, expect, it } from 'vitest';
import { loadReferenceImage, loadSource, maxRelativeError } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { colorDeconvolution } from './color-deconvolution';

describe('color-deconvolution node', () => {
  it('H, E and DAB outputs equal skimage rgb2hed channels', () => {
    const rgb = loadSource('hed_rgb_u8');
    const out = runNode(colorDeconvolution, { image: rgb });
    const expected = loadReferenceImage('hed/hed_rgb_u8_hed.npy');
    const n = rgb.width * rgb.height;
    [out.hematoxylin, out.eosin, out.dab].forEach((img, c) => {
      expect([img.width, img.height, img.channels, img.dtype]).toEqual([rgb.width, rgb.height, 1, 'float32']);
      expect(maxRelativeError(img.data, expected.data.subarray(c * n, (c + 1) * n), 1e-3).error).toBeLessThan(1e-6);
    });
  });

  it('finds the synthetic DAB square (rows > 40, columns > 36)', () => {
    const { dab } = runNode(colorDeconvolution, { image: loadSource('hed_rgb_u8') });
    const width = dab.width;
    expect(dab.data[50 * width + 50]).toBeGreaterThan(0.4);
    expect(dab.data[10 * width + 10]).toBeLessThan(0.1);
  });
});
