import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../testing/npy';
import { referencePath } from '../testing/paths';
import { colocalization } from './colocalization';

const ref = JSON.parse(readFileSync(referencePath('measure', 'coloc.json'), 'utf8')) as Record<'label' | 'pearson' | 'm1' | 'm2', number[]> & { fraction: number };

describe('colocalization', () => {
  it('exact cases: identical channels, anti-correlated, and Manders with thresholds', () => {
    const all = [0, 1, 2, 3];
    expect(colocalization([1, 2, 3, 4], [2, 4, 6, 8], all, 0).pearson).toBeCloseTo(1, 14);
    expect(colocalization([1, 2, 3, 4], [4, 3, 2, 1], all, 0).pearson).toBeCloseTo(-1, 14);
    // t1 = 0.5 · 10 = 5, t2 = 0.5 · 8 = 4: I1 > 5 at pixels 2, 3 (sum 16); both above at 3 only (10)
    const r = colocalization([1, 2, 6, 10], [8, 0, 1, 5], all, 0.5);
    expect(r.m1).toBe(10 / 16);
    expect(r.m2).toBe(5 / 13);
    expect(colocalization([1, 1], [1, 2], [0, 1], 0).pearson).toBeNaN();
  });

  it('matches scipy pearsonr and the CellProfiler Manders formula on the nuclei/tubulin image', () => {
    const arr = readNpy(referencePath('measure', 'stats_tubulin.npy'));
    const [, height, width] = arr.shape;
    const n = width * height;
    const a = (arr.data as Uint16Array).subarray(0, n);
    const b = (arr.data as Uint16Array).subarray(n, 2 * n);
    ref.label.forEach((label, k) => {
      const pixels: number[] = [];
      for (let i = 0; i < n; i++) {
        const x = i % width;
        const y = Math.floor(i / width);
        if (x < 120 && y < 120 && 1 + Math.floor(x / 20) + 6 * Math.floor(y / 20) === label) pixels.push(i);
      }
      const r = colocalization(a, b, pixels, ref.fraction);
      expect(r.pearson, `${label} pearson`).toBeCloseTo(ref.pearson[k], 10);
      expect(r.m1, `${label} m1`).toBeCloseTo(ref.m1[k], 12);
      expect(r.m2, `${label} m2`).toBeCloseTo(ref.m2[k], 12);
    });
  });
});
