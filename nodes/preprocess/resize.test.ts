import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../../src/core/image';
import { loadReferenceImage, loadSource, maxRelativeError, referenceCases } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { resize } from './resize';

describe('resize node', () => {
  it('bin averages each factor × factor block and scales the pixel size', () => {
    const image = imageFromRows([[1, 3, 5, 7], [1, 3, 5, 7]], 'uint8');
    image.meta.pixelSize = { x: 0.25, y: 0.5, unit: 'µm' };
    const out = runNode(resize, { image }, { method: 'bin', factor: 2 }).image;
    expect([out.width, out.height, out.dtype]).toEqual([2, 1, 'float32']);
    expect(Array.from(out.data)).toEqual([2, 6]);
    expect(out.meta.pixelSize).toEqual({ x: 0.5, y: 1, unit: 'µm' });
    expect(image.meta.pixelSize).toEqual({ x: 0.25, y: 0.5, unit: 'µm' });
  });

  it('bilinear doubles a ramp with aligned pixel centres', () => {
    const out = runNode(resize, { image: imageFromRows([[0, 4]]) }, { method: 'bilinear', width: 4, height: 1 }).image;
    expect(Array.from(out.data)).toEqual([0, 1, 3, 4]);
  });

  it('bilinear: Scale, or one side given keeps the aspect ratio', () => {
    const image = loadSource('blobs_u8');
    const half = runNode(resize, { image }, { method: 'bilinear' }).image;
    expect([half.width, half.height]).toEqual([64, 64]);
    const wide = runNode(resize, { image }, { method: 'bilinear', width: 32 }).image;
    expect([wide.width, wide.height]).toEqual([32, 32]);
  });

  it.each(referenceCases('bin'))('bin: $out matches skimage downscale_local_mean', (c) => {
    const out = runNode(resize, { image: loadSource(c.source) }, { method: 'bin', factor: c.factor as number }).image;
    expect(maxRelativeError(out.data, loadReferenceImage(c.out).data).error).toBeLessThan(1e-6);
  });

  it.each(referenceCases('bilinear'))('bilinear: $out matches skimage resize(order=1)', (c) => {
    const params = { method: 'bilinear', width: c.width as number, height: c.height as number };
    const out = runNode(resize, { image: loadSource(c.source) }, params).image;
    const expected = loadReferenceImage(c.out);
    expect([out.width, out.height]).toEqual([expected.width, expected.height]);
    expect(maxRelativeError(out.data, expected.data).error).toBeLessThan(1e-5);
  });
});
