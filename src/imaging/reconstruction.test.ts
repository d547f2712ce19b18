import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePath } from '../testing/paths';
import { reconstructByDilation, type Connectivity } from './reconstruction';

interface Case { name: string; width: number; height: number; connectivity: Connectivity; seed: number[]; mask: number[]; out: number[] }

describe('reconstructByDilation', () => {
  // a bright ring of 5s around a 1, a diagonal 5 bridge, and a separate 4-plateau: the seed marks only the corner
  const mask = [
    5, 5, 0, 4,
    0, 0, 5, 4,
    0, 0, 0, 4,
  ];
  const seed = [
    5, 0, 0, 0,
    0, 0, 0, 0,
    0, 0, 0, 0,
  ];

  it('8-connected: the seed floods across the diagonal bridge, and on into the plateau', () => {
    expect(Array.from(reconstructByDilation(seed, mask, 4, 3, 8))).toEqual([5, 5, 0, 4, 0, 0, 5, 4, 0, 0, 0, 4]);
  });

  it('4-connected (the 3 × 3 cross): a diagonal step does not connect', () => {
    expect(Array.from(reconstructByDilation(seed, mask, 4, 3, 4))).toEqual([5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('leaves its inputs alone and refuses a seed above the mask, as skimage', () => {
    const s = Float64Array.from(seed);
    reconstructByDilation(s, mask, 4, 3, 4);
    expect(Array.from(s)).toEqual(seed);
    expect(() => reconstructByDilation([6, 0, 0, 0], [5, 5, 5, 5], 2, 2)).toThrow(/above the mask/);
  });

  const ref = JSON.parse(readFileSync(referencePath('measure', 'granularity.json'), 'utf8')) as { reconstruction: Case[] };
  for (const c of ref.reconstruction) {
    it(`equals skimage.morphology.reconstruction exactly: ${c.name}`, () => {
      expect(Array.from(reconstructByDilation(c.seed, c.mask, c.width, c.height, c.connectivity))).toEqual(c.out);
    });
  }
});
