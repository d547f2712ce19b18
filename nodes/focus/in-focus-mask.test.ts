import { describe, expect, it } from 'vitest';
import { createImage, type Mask } from '../../src/core/image';
import { referenceImage } from '../../src/imaging/stack-reference';
import { testContext } from '../../src/testing/context';
import { inFocusMask } from './in-focus-mask';

const run = (image: Parameters<typeof inFocusMask.run>[0]['image'], params: Record<string, unknown>) =>
  (inFocusMask.run({ image }, inFocusMask.params.parse(params), testContext()) as { mask: Mask }).mask;

describe('in-focus-mask node', () => {
  it('is the scipy focus map above the threshold', () => {
    const stack = referenceImage('focus', 'synthetic_stack.npy');
    const map = referenceImage('focus', 'synthetic_map_s1.0.npy');
    const mask = run(stack, { sigma: 1, threshold: 0.5 });
    expect(mask.planes).toBe(stack.planes);
    let mismatches = 0;
    for (let i = 0; i < mask.data.length; i++) if (mask.data[i] !== (map.data[i] > 0.5 ? 1 : 0)) mismatches++;
    expect(mismatches).toBe(0);
    // the sharp quadrant of plane 1 (top-left) is mostly in focus, its blurred plane 0 is not
    const half = 48;
    const fraction = (plane: number) => {
      let on = 0;
      for (let y = 8; y < half - 8; y++) for (let x = 8; x < half - 8; x++) on += mask.data[plane * 96 * 96 + y * 96 + x];
      return on / ((half - 16) * (half - 16));
    };
    expect(fraction(1)).toBeGreaterThan(0.9);
    expect(fraction(0)).toBe(0);
  });

  it('measures a 2-channel image on its channel mean', () => {
    // channels v and 3v: the mean 2v has the same scaled focus map as v
    const stack = referenceImage('focus', 'synthetic_stack.npy');
    const n = stack.width * stack.height;
    const two = createImage({ width: stack.width, height: stack.height, planes: stack.planes, channels: 2 }, 'float32');
    for (let p = 0; p < stack.planes; p++) {
      for (let i = 0; i < n; i++) {
        two.data[2 * p * n + i] = stack.data[p * n + i];
        two.data[(2 * p + 1) * n + i] = 3 * stack.data[p * n + i];
      }
    }
    expect(Array.from(run(two, { sigma: 1, threshold: 0.5 }).data)).toEqual(Array.from(run(stack, { sigma: 1, threshold: 0.5 }).data));
  });
});
