import { describe, expect, it } from 'vitest';
import { createImage, slice2d, type Image } from '../../src/core/image';
import { loadSpots, readReferenceJson } from '../../src/imaging/stack-reference';
import { testContext } from '../../src/testing/context';
import { bestFocusPlane } from './best-focus-plane';

const best = readReferenceJson<{ scores: { source: string; sigma: number; best: number }[] }>('focus', 'manifest.json')
  .scores.find((c) => c.source === 'spots' && c.sigma === 2.5)!.best;

describe('best-focus-plane node', () => {
  it('returns the sharpest plane of the real z-stack and its 0-based number', () => {
    const spots = loadSpots();
    const out = bestFocusPlane.run({ image: spots }, bestFocusPlane.params.parse({ sigma: 2.5 }), testContext()) as { image: Image; plane: number };
    expect(out.plane).toBe(best);
    expect(out.image.planes).toBe(1);
    expect(out.image.dtype).toBe('uint16');
    expect(Array.from(out.image.data)).toEqual(Array.from(slice2d(spots, best)));
  });

  it('keeps every channel of the chosen plane', () => {
    const spots = loadSpots();
    const n = spots.width * spots.height;
    // channel 0 the stack, channel 1 its copy: the channel mean is the stack, so the choice is the same
    const two = createImage({ width: spots.width, height: spots.height, planes: spots.planes, channels: 2 }, 'uint16');
    for (let p = 0; p < spots.planes; p++) for (let c = 0; c < 2; c++) two.data.set(slice2d(spots, p), (2 * p + c) * n);
    const out = bestFocusPlane.run({ image: two }, bestFocusPlane.params.parse({ sigma: 2.5 }), testContext()) as { image: Image; plane: number };
    expect(out.plane).toBe(best);
    expect([out.image.planes, out.image.channels]).toEqual([1, 2]);
    expect(Array.from(out.image.data.subarray(n))).toEqual(Array.from(slice2d(spots, best)));
  });
});
