import { describe, expect, it } from 'vitest';
import type { Image } from '../../src/core/image';
import { loadSpots, maxAbsDifference, referenceImage } from '../../src/imaging/stack-reference';
import { testContext } from '../../src/testing/context';
import { focusStack } from './focus-stack';

describe('focus-stack node', () => {
  it('gives the numpy composite and index map of the real z-stack', () => {
    const params = focusStack.params.parse({ sigma: 2, smoothing: 4 });
    const out = focusStack.run({ image: loadSpots() }, params, testContext()) as { composite: Image; index: Image };
    expect(maxAbsDifference(out.composite.data, referenceImage('focus', 'spots_s2.0_m4.0_composite.npy').data)).toBe(0);
    expect(maxAbsDifference(out.index.data, referenceImage('focus', 'spots_s2.0_m4.0_depth.npy').data)).toBe(0);
    // the in-focus spots sit in the middle planes (focus scores peak at plane 6)
    const index = Float32Array.from(out.index.data);
    expect(index.reduce((a, b) => Math.min(a, b), Infinity)).toBeGreaterThanOrEqual(0);
    expect(index.reduce((a, b) => Math.max(a, b), -Infinity)).toBeLessThanOrEqual(16);
    expect(out.composite.meta.pixelSize?.z).toBeUndefined();
  });

  it('defaults to sigma 2 and smoothing 4', () => {
    expect(focusStack.params.parse({})).toEqual({ sigma: 2, smoothing: 4 });
  });
});
