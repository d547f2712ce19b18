import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors';
import { referencePath } from '../../testing/paths';
import { loadSource } from '../preprocess-reference';
import { thresholdMinimum } from './minimum';

const reference = JSON.parse(readFileSync(referencePath('threshold', 'minimum.json'), 'utf8')) as Record<string, number | null | { values: number[]; threshold: number }>;

describe('thresholdMinimum (skimage threshold_minimum)', () => {
  it('the valley of a two-Gaussian histogram', () => {
    const tiny = reference.bimodal_u8 as { values: number[]; threshold: number };
    expect(thresholdMinimum(Uint8Array.from(tiny.values))).toBe(tiny.threshold);
  });

  for (const name of ['blobs_u8', 'dna_u8', 'dna_f32']) {
    it(`${name}: same threshold`, () => expect(thresholdMinimum(loadSource(name).data)).toBe(reference[name]));
  }

  it('no two peaks (skimage raises) is a UserError', () => {
    expect(reference.nuclei_u16).toBeNull();
    expect(() => thresholdMinimum(loadSource('nuclei_u16').data)).toThrow(UserError);
  });
});
