import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors';
import { referencePath } from '../../testing/paths';
import { loadSource } from '../preprocess-reference';
import { thresholdOtsu } from './otsu';
import { multiOtsuClasses, thresholdMultiOtsu } from './multi-otsu';

const reference = JSON.parse(readFileSync(referencePath('threshold', 'multiotsu.json'), 'utf8')) as Record<string, Record<string, number[] | number[][]>>;

describe('thresholdMultiOtsu (skimage threshold_multiotsu)', () => {
  it('four levels: exactly as many levels as classes gives the levels; fewer is a UserError', () => {
    const tiny = reference.tiny_4_levels;
    const values = Uint8Array.from((tiny.rows as number[][]).flat());
    for (const k of [2, 3, 4]) expect(thresholdMultiOtsu(values, k)).toEqual(tiny[String(k)]);
    expect(thresholdMultiOtsu(values, 4)).toEqual([0, 10, 20]);
    expect(() => thresholdMultiOtsu(values, 5)).toThrow(UserError);
  });

  for (const name of ['blobs_u8', 'dna_u8', 'dna_f32', 'nuclei_u16']) {
    it.each([2, 3, 4, 5])(`${name}, %i classes: same thresholds`, (k) => {
      expect(thresholdMultiOtsu(loadSource(name).data, k)).toEqual(reference[name][String(k)]);
    });
  }

  it('2 classes agree with Otsu on an 8-bit image', () => {
    const values = loadSource('dna_u8').data;
    expect(thresholdMultiOtsu(values, 2)).toEqual([thresholdOtsu(values)]);
  });

  it('classes count the thresholds strictly below each value', () => {
    expect(Array.from(multiOtsuClasses(Uint8Array.from([0, 10, 11, 20, 21]), [10, 20]))).toEqual([0, 0, 1, 1, 2]);
  });
});
