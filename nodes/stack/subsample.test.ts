import { describe, expect, it } from 'vitest';
import type { Image } from '../../src/core/image';
import { loadSpots, referenceImage } from '../../src/imaging/stack-reference';
import { testContext } from '../../src/testing/context';
import { subsample } from './subsample';

describe('subsample node', () => {
  it('equals numpy a[::2, ::3, ::2] on the real z-stack', () => {
    const params = subsample.params.parse({ x: 2, y: 3, planes: 2 });
    const out = (subsample.run({ image: loadSpots() }, params, testContext()) as { image: Image }).image;
    expect(Array.from(out.data)).toEqual(Array.from(referenceImage('stack', 'spots_subsample_2_3_2.npy').data));
  });

  it('defaults to keeping everything and refuses a stride of 0', () => {
    expect(subsample.params.parse({})).toEqual({ x: 1, y: 1, planes: 1 });
    expect(() => subsample.params.parse({ x: 0 })).toThrow();
  });
});
