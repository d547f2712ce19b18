import { describe, expect, it } from 'vitest';
import { estimateIllumination } from './illumination';
import { loadReferenceImage, loadSource, maxRelativeError, referenceCases } from './preprocess-reference';

describe('estimateIllumination (CellProfiler CorrectIlluminationCalculate, one image)', () => {
  it('a constant field is its own estimate, 1 when normalised', () => {
    const flat = new Float64Array(12).fill(40);
    expect(Array.from(estimateIllumination(flat, 4, 3, 'gaussian', 2, 'none'))).toEqual(new Array(12).fill(40));
    expect(Array.from(estimateIllumination(flat, 4, 3, 'median', 1, 'mean'))).toEqual(new Array(12).fill(1));
  });

  it('the median ignores a speck the Gaussian spreads', () => {
    const values = new Float64Array(25).fill(10);
    values[12] = 1000;
    expect(estimateIllumination(values, 5, 5, 'median', 1, 'none')[12]).toBe(10);
    expect(estimateIllumination(values, 5, 5, 'gaussian', 1, 'none')[12]).toBeGreaterThan(100);
  });

  it.each(referenceCases('illumination'))('$out matches scipy', (c) => {
    const img = loadSource(c.source);
    const size = c.size as number;
    const out = estimateIllumination(Float64Array.from(img.data), img.width, img.height, c.method as 'gaussian' | 'median', size, c.normalize as 'none' | 'mean' | 'median');
    expect(maxRelativeError(Float32Array.from(out), loadReferenceImage(c.out).data, 1e-3).error).toBeLessThan(1e-6);
  });
});
