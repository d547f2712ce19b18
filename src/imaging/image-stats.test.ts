import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../testing/npy';
import { referencePath } from '../testing/paths';
import { imageStats, micronsPerUnit, pixelSizeInMicrons } from './image-stats';

describe('imageStats', () => {
  it('computes min, max, mean and population std exactly on small data', () => {
    expect(imageStats(Uint8Array.from([1, 2, 3, 4]))).toEqual({ min: 1, max: 4, mean: 2.5, std: Math.sqrt(1.25) });
    expect(imageStats(Float32Array.from([-2, -2]))).toEqual({ min: -2, max: -2, mean: -2, std: 0 });
  });

  it('keeps precision under a large offset', () => {
    const data = Float64Array.from({ length: 1000 }, (_, i) => 1e9 + (i % 2 === 0 ? 0.5 : -0.5));
    const s = imageStats(data);
    expect(s.mean).toBe(1e9);
    expect(s.std).toBe(0.5);
  });

  it('turns a NaN sample into NaN statistics, as numpy does', () => {
    const s = imageStats(Float32Array.from([1, NaN, 3]));
    expect([s.min, s.max, s.mean, s.std]).toEqual([NaN, NaN, NaN, NaN]);
  });

  type Expected = Record<string, { shape: number[]; min: number; max: number; mean: number; std: number }>;
  const expected = JSON.parse(readFileSync(referencePath('measure', 'image_stats.json'), 'utf8')) as Expected;

  it.each(Object.keys(expected))('matches numpy on %s', (file) => {
    const array = readNpy(referencePath('measure', file));
    expect(array.shape).toEqual(expected[file].shape);
    const s = imageStats(array.data as ArrayLike<number>);
    const e = expected[file];
    expect(s.min).toBe(e.min);
    expect(s.max).toBe(e.max);
    expect(Math.abs(s.mean - e.mean) / Math.abs(e.mean)).toBeLessThan(1e-13);
    expect(Math.abs(s.std - e.std) / e.std).toBeLessThan(1e-12);
  });
});

describe('pixel sizes in µm', () => {
  it('converts the usual length units', () => {
    expect(micronsPerUnit('µm')).toBe(1);
    expect(micronsPerUnit('micron')).toBe(1);
    expect(micronsPerUnit('nm')).toBe(1e-3);
    expect(micronsPerUnit('mm')).toBe(1e3);
    expect(micronsPerUnit('\u212B')).toBe(1e-4);
    expect(micronsPerUnit('\u00C5')).toBe(1e-4);
    expect(micronsPerUnit('pixel')).toBeUndefined();
    expect(pixelSizeInMicrons({ x: 100, y: 200, unit: 'nm' })).toEqual({ x: 0.1, y: 0.2 });
    expect(pixelSizeInMicrons({ x: 1, y: 1, unit: 'pixel' })).toBeUndefined();
    expect(pixelSizeInMicrons(undefined)).toBeUndefined();
  });
});
