import { describe, expect, it } from 'vitest';
import { createMask, maskFromRows } from '../core/image';
import { fillHoles } from './fill-holes';
import { manifest, maskFromNpy } from './reference-fixtures';

const rows = (m: { width: number; data: Uint8Array }) =>
  Array.from({ length: m.data.length / m.width }, (_, y) => Array.from(m.data.subarray(y * m.width, (y + 1) * m.width)));

describe('fillHoles', () => {
  it('fills the hole of a ring', () => {
    const ring = maskFromRows([
      [0, 0, 0, 0, 0],
      [0, 1, 1, 1, 0],
      [0, 1, 0, 1, 0],
      [0, 1, 1, 1, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(rows(fillHoles(ring))).toEqual([
      [0, 0, 0, 0, 0],
      [0, 1, 1, 1, 0],
      [0, 1, 1, 1, 0],
      [0, 1, 1, 1, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('background touching the border, or leaking diagonally, is not a hole (4-connected background)', () => {
    const open = maskFromRows([
      [1, 1, 1, 0],
      [1, 0, 1, 0],
      [1, 1, 0, 0],
    ]);
    // the centre pixel reaches the border only diagonally, so scipy fills it
    expect(rows(fillHoles(open))).toEqual([
      [1, 1, 1, 0],
      [1, 1, 1, 0],
      [1, 1, 0, 0],
    ]);
    const edge = maskFromRows([
      [1, 0, 1],
      [1, 0, 1],
      [1, 1, 1],
    ]);
    expect(rows(fillHoles(edge))).toEqual(rows(edge));
  });

  it('fills each plane separately', () => {
    const m = createMask({ width: 3, height: 3, planes: 2 });
    m.data.set([1, 1, 1, 1, 0, 1, 1, 1, 1], 0);
    m.data.set([0, 0, 0, 0, 0, 0, 0, 0, 0], 9);
    const out = fillHoles(m);
    expect(Array.from(out.data)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it.each(manifest.seg.map((c) => [c.case, c] as const))('%s equals scipy binary_fill_holes', (_name, c) => {
    const filled = fillHoles(maskFromNpy(c.mask));
    expect(Buffer.compare(filled.data, maskFromNpy(c.filled).data)).toBe(0);
  });
});
