import { describe, expect, it } from 'vitest';
import type { Image } from '../../src/core/image';
import { loadSpots, maxAbsDifference, referenceImage } from '../../src/imaging/stack-reference';
import { testContext } from '../../src/testing/context';
import { focusMap } from './focus-map';

describe('focus-map node', () => {
  it('matches scipy within 1e-5 on the real z-stack, maximum 1', () => {
    const out = (focusMap.run({ image: loadSpots() }, focusMap.params.parse({ sigma: 2.5 }), testContext()) as { image: Image }).image;
    expect(maxAbsDifference(out.data, referenceImage('focus', 'spots_map_s2.5.npy').data)).toBeLessThan(1e-5);
    expect(Float32Array.from(out.data).reduce((a, b) => Math.max(a, b), 0)).toBe(1);
    expect(out.planes).toBe(17);
  });

  it('defaults to sigma 2 and refuses sigma 0', () => {
    expect(focusMap.params.parse({})).toEqual({ sigma: 2 });
    expect(() => focusMap.params.parse({ sigma: 0 })).toThrow();
  });
});
