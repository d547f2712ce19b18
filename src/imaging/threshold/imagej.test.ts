import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors';
import { referencePath } from '../../testing/paths';
import { renyiCombination } from './imagej-entropy';
import { imagejHistogram } from './imagej-histogram';
import { imagejLevel, thresholdImageJ, type ImageJMethod } from './imagej';

const histograms = JSON.parse(readFileSync(referencePath('threshold', 'histograms.json'), 'utf8')) as Record<string, number[]>;
const oracle = JSON.parse(readFileSync(referencePath('threshold', 'imagej.json'), 'utf8')) as Record<string, Record<string, number | string>>;
// image-js's intermodes is left out: it smooths a copy stored as 32-bit integers (truncating every
// smoothed value) over all 256 bins, where ImageJ smooths doubles over the occupied bins only.
const ORACLE_NAME: Partial<Record<ImageJMethod, string>> = {
  huang: 'huang', 'max-entropy': 'maxEntropy', 'min-error': 'minError', moments: 'moments', percentile: 'percentile', shanbhag: 'shanbhag',
};

/** A 256-bin histogram with the given counts at the given levels. */
function hist(entries: Record<number, number>): Float64Array {
  const h = new Float64Array(256);
  for (const [k, v] of Object.entries(entries)) h[Number(k)] = v;
  return h;
}

describe('ImageJ auto-threshold methods: hand-computed histograms', () => {
  it('percentile: the level with half of the pixels at or below it', () => {
    expect(imagejLevel('percentile', hist({ 10: 30, 20: 20, 200: 50 }))).toBe(20);
    expect(imagejLevel('percentile', hist({ 10: 49, 200: 51 }))).toBe(10); // 0.49 is closer to 0.5 than 1
  });

  it('intermodes: midway between two single-bin peaks (already bimodal, no smoothing)', () => {
    expect(imagejLevel('intermodes', hist({ 40: 5, 41: 10, 42: 5, 140: 5, 141: 9, 142: 5 }))).toBe(91); // ⌊(1 + 101)/2⌋ + 40
  });

  it('intermodes after smoothing: a mirror-symmetric histogram stays symmetric, so the peaks straddle its centre', () => {
    const half = [5, 9, 4, 8, 3, 1, 0, 0, 2, 0];
    const counts = new Float64Array(256);
    [...half, ...[...half].reverse()].forEach((v, i) => (counts[70 + i] = v)); // occupied bins 70..89, 4 peaks
    expect(imagejLevel('intermodes', counts)).toBe(70 + Math.floor(19 / 2));
  });

  it('default (IJ_IsoData): the first level past the mean of the class means; bins 0 and 255 ignored', () => {
    // 10 pixels at 50 and 10 at 150: the class means 50 and 150 average to 100; the loop stops at level 100
    expect(imagejLevel('imagej-default', hist({ 50: 10, 150: 10 }))).toBe(100);
    expect(imagejLevel('imagej-default', hist({ 0: 1000, 50: 10, 150: 10, 255: 1000 }))).toBe(100);
    // a dominant peak is capped at 1.5 × the second bin before iterating
    expect(imagejLevel('imagej-default', hist({ 20: 1000, 30: 10, 200: 10 }))).toBe(imagejLevel('imagej-default', hist({ 20: 15, 30: 10, 200: 10 })));
  });

  it('max-entropy and renyi: the level between two well-separated flat blocks', () => {
    const h = hist(Object.fromEntries([...Array(20)].flatMap((_, i) => [[30 + i, 10], [180 + i, 10]])));
    for (const m of ['max-entropy', 'renyi-entropy', 'shanbhag', 'huang', 'min-error'] as const) {
      const level = imagejLevel(m, h);
      expect(level, m).toBeGreaterThanOrEqual(49);
      expect(level, m).toBeLessThan(180);
    }
  });
});

describe('ImageJ auto-threshold methods: the same levels as image-js\'s port of AutoThresholder', () => {
  for (const [method, name] of Object.entries(ORACLE_NAME) as [ImageJMethod, string][]) {
    it.each(Object.keys(histograms))(`${method}: %s`, (h) => {
      const expected = oracle[h][name];
      const level = imagejLevel(method, Float64Array.from(histograms[h]));
      if (typeof expected === 'string') expect(level).toBe(-1); // the port gives up (no two peaks) where we return −1
      else expect(level).toBe(expected);
    });
  }
});

describe('renyi-entropy against image-js', () => {
  // image-js rounds Sahoo's combination where ImageJ truncates it: the combination itself must agree
  it.each(Object.keys(histograms))('%s', (h) => {
    const counts = Float64Array.from(histograms[h]);
    expect(Math.round(renyiCombination(counts))).toBe(oracle[h].renyiEntropy);
    expect(imagejLevel('renyi-entropy', counts)).toBe(Math.trunc(renyiCombination(counts)));
  });
});

describe('thresholdImageJ', () => {
  it('uint8 levels are values; other types map level k to the upper edge of bin k', () => {
    const u8 = Uint8Array.from([10, 10, 10, 200, 200, 200, 200, 200]);
    expect(thresholdImageJ('percentile', u8)).toBe(10);
    const f32 = Float32Array.from([0, 0, 0, 2.56, 2.56, 2.56, 2.56, 2.56]);
    const h = imagejHistogram(f32);
    expect(h.counts[0]).toBe(3);
    expect(h.counts[255]).toBe(5);
    expect(thresholdImageJ('percentile', f32)).toBe(Math.fround(2.56) / 256);
  });

  it('a constant image gives its value; no threshold found is a UserError', () => {
    expect(thresholdImageJ('huang', new Uint16Array([7, 7]))).toBe(7);
    const flat = new Uint8Array(256).map((_, i) => i); // one pixel per level: never bimodal
    expect(() => thresholdImageJ('intermodes', flat)).toThrow(UserError);
  });
});
