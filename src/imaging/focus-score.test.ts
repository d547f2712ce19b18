import { describe, expect, it } from 'vitest';
import { createImage } from '../core/image';
import { bestPlane, focusScores } from './focus-score';
import { loadSpots, readReferenceJson, referenceImage } from './stack-reference';

interface ScoreCase {
  source: string;
  sigma: number;
  scores: number[];
  best: number;
}
const manifest = readReferenceJson<{ scores: ScoreCase[]; region_planes: number[]; half: number }>('focus', 'manifest.json');

describe('focusScores', () => {
  it.each(manifest.scores.map((c) => [c.source, c.sigma, c] as const))('%s sigma %s matches numpy F.mean() per plane to 1e-12', (source, sigma, c) => {
    const image = source === 'spots' ? loadSpots() : referenceImage('focus', 'synthetic_stack.npy');
    const scores = focusScores(image, sigma);
    // float64 sums in a slightly different order: equal to ~1e-15 relative
    expect(scores.length).toBe(c.scores.length);
    c.scores.forEach((expected, p) => expect(Math.abs(scores[p] - expected) / expected, `plane ${p}`).toBeLessThan(1e-12));
    expect(bestPlane(scores)).toBe(c.best);
  });

  it('picks the known sharp plane of one region of the synthetic stack', () => {
    const stack = referenceImage('focus', 'synthetic_stack.npy');
    const { half, region_planes: regionPlanes } = manifest;
    // the top-right quadrant only: sharp in plane regionPlanes[1]
    const crop = createImage({ width: half, height: half, planes: stack.planes }, 'float32');
    for (let p = 0; p < stack.planes; p++) {
      for (let y = 0; y < half; y++) {
        const from = (p * 2 * half + y) * 2 * half + half;
        crop.data.set(stack.data.subarray(from, from + half), (p * half + y) * half);
      }
    }
    expect(bestPlane(focusScores(crop, 1))).toBe(regionPlanes[1]);
    expect(bestPlane(focusScores(crop, 2.5))).toBe(regionPlanes[1]);
  });

  it('scores a multi-channel stack on its channel mean', () => {
    // channels v, 2v, 3v (float64, so 3v is exact): mean 2v, whose scores are exactly twice v's
    const gray = referenceImage('focus', 'synthetic_stack.npy');
    const n = gray.width * gray.height;
    const rgb = createImage({ width: gray.width, height: gray.height, planes: gray.planes, channels: 3 }, 'float64');
    for (let p = 0; p < gray.planes; p++) {
      for (let c = 0; c < 3; c++) for (let i = 0; i < n; i++) rgb.data[(p * 3 + c) * n + i] = (c + 1) * gray.data[p * n + i];
    }
    expect(Array.from(focusScores(rgb, 1))).toEqual(Array.from(focusScores(gray, 1), (s) => 2 * s));
  });

  it('takes the first plane on ties', () => {
    expect(bestPlane(Float64Array.from([1, 3, 3, 2]))).toBe(1);
  });
});
