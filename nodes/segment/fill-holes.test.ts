import { describe, expect, it } from 'vitest';
import { createMask, maskFromRows, type Mask } from '../../src/core/image';
import { manifest, maskFromNpy } from '../../src/imaging/reference-fixtures';
import { testContext } from '../../src/testing/context';
import { fillHoles } from './fill-holes';

const fill = (mask: Mask): Mask => (fillHoles.run({ mask }, fillHoles.params.parse({}), testContext()) as { mask: Mask }).mask;

describe('fill-holes node', () => {
  it('fills enclosed background; a diagonal gap does not let the background out (4-connected)', () => {
    const ring = maskFromRows([
      [0, 0, 0, 0, 0],
      [0, 1, 1, 1, 0],
      [0, 1, 0, 1, 0],
      [0, 1, 1, 1, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(fill(ring).data[12]).toBe(1);
    // the hole touches the corner pixels only diagonally: background moves 4-connected, so it is a hole
    const diagonal = maskFromRows([
      [0, 0, 0, 0],
      [0, 0, 1, 0],
      [0, 1, 0, 1],
      [0, 0, 1, 0],
    ]);
    expect(fill(diagonal).data[2 * 4 + 2]).toBe(1);
  });

  it('leaves a hole open where it reaches the border', () => {
    const open = maskFromRows([
      [1, 1, 1],
      [1, 0, 1],
      [1, 0, 1],
    ]);
    expect(Array.from(fill(open).data)).toEqual(Array.from(open.data));
  });

  it('fills each plane on its own', () => {
    const stack = createMask({ width: 3, height: 3, planes: 2 });
    // plane 0: a ring around (1,1); plane 1: empty
    [0, 1, 2, 3, 5, 6, 7, 8].forEach((i) => (stack.data[i] = 1));
    const out = fill(stack);
    expect(out.data[4]).toBe(1);
    expect(out.data.subarray(9).every((v) => v === 0)).toBe(true);
  });

  it.each(manifest.seg.map((c) => [c.case, c] as const))('%s equals scipy.ndimage.binary_fill_holes', (_name, c) => {
    const out = fill(maskFromNpy(c.mask));
    expect(Buffer.from(out.data).equals(Buffer.from(maskFromNpy(c.filled).data))).toBe(true);
  });

  it('states its conventions', () => {
    expect(fillHoles.description).toContain('4-connected');
    expect(fillHoles.description).toContain('binary_fill_holes');
  });
});
