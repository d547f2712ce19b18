import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { imageFromRows } from '../../src/core/image';
import { autoThreshold } from '../../src/imaging/threshold';
import { loadSource } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { threshold } from './threshold';

describe('threshold node: correction factor and bounds', () => {
  const image = loadSource('blobs_u8');
  const otsu = autoThreshold('otsu', image.data);

  it('params written before the correction options give the same threshold and mask', () => {
    const out = runNode(threshold, { image }, { method: 'otsu', objects: 'bright' });
    expect(out.threshold).toBe(otsu);
    expect(out.mask.data.reduce((a, b) => a + b, 0)).toBe(image.data.filter((v) => v > otsu).length);
  });

  it('multiplies by the correction factor, then clips to the bounds', () => {
    expect(runNode(threshold, { image }, { correction: 1.5 }).threshold).toBe(otsu * 1.5);
    expect(runNode(threshold, { image }, { correction: 1.5, upperBound: 150 }).threshold).toBe(150);
    expect(runNode(threshold, { image }, { correction: 0.1, lowerBound: 40 }).threshold).toBe(40);
    const strict = runNode(threshold, { image }, { correction: 1.5 }).mask.data.reduce((a, b) => a + b, 0);
    expect(strict).toBe(image.data.filter((v) => v > otsu * 1.5).length);
  });

  it('the manual value is not corrected', () => {
    expect(runNode(threshold, { image: imageFromRows([[1, 2]]) }, { method: 'manual', value: 3, correction: 2, upperBound: 1 }).threshold).toBe(3);
  });

  it('bounds the wrong way round are a UserError', () => {
    expect(() => runNode(threshold, { image }, { lowerBound: 5, upperBound: 4 })).toThrow(UserError);
  });
});
