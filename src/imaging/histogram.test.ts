import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { histogram } from './histogram';
import { compareArrays, manifest, npy } from './reference-fixtures';
import type { PixelArray } from '../core/image';

describe('histogram', () => {
  it('integer images: one bin per value from min to max', () => {
    const h = histogram(new Int16Array([-2, 0, 0, 3]));
    expect(Array.from(h.centers)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(Array.from(h.counts)).toEqual([1, 0, 2, 0, 0, 1]);
  });

  it('float images: 256 bins over [min, max], last bin closed', () => {
    const h = histogram(new Float32Array([0, 0.5, 1, 1]));
    expect(h.counts.length).toBe(256);
    expect(h.counts[0]).toBe(1);
    expect(h.counts[128]).toBe(1);
    expect(h.counts[255]).toBe(2);
    expect(h.centers[0]).toBe(Math.fround(1 / 512));
  });

  it('rejects NaN and infinite values', () => {
    expect(() => histogram(new Float32Array([1, NaN]))).toThrow(UserError);
    expect(() => histogram(new Float64Array([1, Infinity]))).toThrow(UserError);
  });

  it.each(manifest.hist.map((h) => [h.name, h] as const))('%s matches skimage.exposure.histogram', (name, entry) => {
    const source = manifest.gaussian.find((g) => `${g.source}_sigma${g.sigma}` === name)?.file ?? manifest.sources[name].file;
    const values = npy(source).data as PixelArray;
    const h = histogram(values);
    expect(compareArrays(h.counts, npy(entry.counts).data as Uint32Array).differ).toBe(0);
    expect(compareArrays(h.centers, npy(entry.centers).data as Float64Array).differ).toBe(0);
  });
});
