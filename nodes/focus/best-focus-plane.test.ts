import { describe, expect, it } from 'vitest';
import { slice2d, type Image } from '../../src/core/image';
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
});
