import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../../testing/npy';
import { referencePath } from '../../testing/paths';
import { dtypeLimits } from '../dtype-range';
import { dtypeOf, type PixelArray } from '../../core/image';
import { localThreshold, windowMeanStd, type LocalMethod } from './local';

interface LocalCase { source: string; method: LocalMethod; block: number; offset?: number; k?: number; r?: number; out: string }
const cases = (JSON.parse(readFileSync(referencePath('threshold', 'manifest.json'), 'utf8')) as { local: LocalCase[] }).local;
const npy = (rel: string) => readNpy(referencePath('threshold', rel));

describe('local thresholds (skimage threshold_local / sauvola / niblack)', () => {
  it('window mean and std of a 3 × 3 window with mirrored borders', () => {
    const input = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const { mean, std } = windowMeanStd(input, 3, 3, 3);
    // the corner window mirrors to [5 4 5; 2 1 2; 5 4 5]
    expect(mean[0]).toBeCloseTo(33 / 9, 14);
    expect(mean[4]).toBe(5);
    expect(std[4]).toBeCloseTo(Math.sqrt(60 / 9), 14);
  });

  it.each(cases)('$out: same thresholds as skimage (1e-9 of the range) and the same mask', (c) => {
    const source = npy(c.source);
    const values = source.data as PixelArray;
    const [height, width] = source.shape;
    const [lo, hi] = dtypeLimits(dtypeOf(values));
    const r = c.r ?? 0.5 * (hi - lo);
    const t = localThreshold(Float64Array.from(values), width, height, { method: c.method, block: c.block, offset: c.offset ?? 0, k: c.k ?? 0.2, r });
    const expected = npy(c.out).data as Float64Array;
    let worst = 0;
    let maskDiffs = 0;
    for (let i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs(t[i] - expected[i]));
      if (values[i] > t[i] !== values[i] > expected[i]) maskDiffs++;
    }
    expect(worst).toBeLessThan(1e-9 * 65535);
    expect(maskDiffs).toBe(0);
  });
});
