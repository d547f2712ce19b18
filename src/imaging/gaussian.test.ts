import { describe, expect, it } from 'vitest';
import { createImage, imageFromRows } from '../core/image';
import { UserError } from '../core/errors';
import { gaussian, gaussianRadius, gaussianWeights } from './gaussian';
import { compareArrays, manifest, npy, sourceImage } from './reference-fixtures';

describe('gaussian', () => {
  it('radius is int(4 sigma + 0.5) and the weights sum to 1', () => {
    expect(gaussianRadius(0.5)).toBe(2);
    expect(gaussianRadius(1)).toBe(4);
    expect(gaussianRadius(3.7)).toBe(15);
    const w = gaussianWeights(2);
    expect(w.length).toBe(9);
    let sum = w[0];
    for (let k = 1; k < w.length; k++) sum += 2 * w[k];
    expect(sum).toBeCloseTo(1, 15);
  });

  it('keeps a constant image and replicates edges (mode nearest)', () => {
    const flat = gaussian(imageFromRows([[5, 5, 5], [5, 5, 5]], 'uint8'), 3);
    expect(flat.dtype).toBe('float32');
    for (const v of flat.data) expect(v).toBeCloseTo(5, 5);
    // a step at the border: 'nearest' extends the edge value, so the left column stays below the mean
    const step = gaussian(imageFromRows([[0, 0, 10, 10]]), 1);
    expect(step.data[0]).toBeLessThan(step.data[1]);
    expect(step.data[0] + step.data[3]).toBeCloseTo(10, 5);
  });

  it('blurs each plane and channel on its own', () => {
    const img = createImage({ width: 3, height: 3, planes: 2, channels: 2 }, 'uint8');
    img.data[4] = 100; // plane 0 channel 0 centre only
    const out = gaussian(img, 1);
    expect(out.data[4]).toBeGreaterThan(0);
    expect(Array.from(out.data.subarray(9))).toEqual(new Array(27).fill(0));
  });

  it('rejects a non-positive sigma', () => {
    expect(() => gaussian(imageFromRows([[1]]), 0)).toThrow(UserError);
  });

  it.each(manifest.gaussian.map((g) => [g.source, g.sigma, g.file] as const))(
    '%s sigma %s equals scipy.ndimage.gaussian_filter bit for bit',
    (source, sigma, file) => {
      const expected = npy(file).data as Float32Array;
      const out = gaussian(sourceImage(source), sigma);
      expect(compareArrays(out.data, expected)).toEqual({ differ: 0, maxRel: 0 });
    },
  );
});
