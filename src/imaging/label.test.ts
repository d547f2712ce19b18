import { describe, expect, it } from 'vitest';
import { createMask, maskFromRows } from '../core/image';
import { labelComponents } from './label';
import { labelsFromNpy, manifest, maskFromNpy } from './reference-fixtures';

describe('labelComponents', () => {
  it('a diagonal pair is one object with 8-connectivity and two with 4', () => {
    const pair = maskFromRows([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    const l8 = labelComponents(pair, 8);
    expect(l8.count).toBe(1);
    expect(Array.from(l8.data)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0]);
    const l4 = labelComponents(pair, 4);
    expect(l4.count).toBe(2);
    expect(Array.from(l4.data)).toEqual([1, 0, 0, 0, 2, 0, 0, 0, 0]);
  });

  it('numbers objects in raster order of their first pixel, merging U shapes', () => {
    const m = maskFromRows([
      [0, 0, 0, 1, 0, 1],
      [1, 0, 0, 1, 0, 1],
      [1, 0, 0, 1, 1, 1],
      [1, 1, 0, 0, 0, 0],
    ]);
    expect(Array.from(labelComponents(m, 4).data)).toEqual([
      0, 0, 0, 1, 0, 1,
      2, 0, 0, 1, 0, 1,
      2, 0, 0, 1, 1, 1,
      2, 2, 0, 0, 0, 0,
    ]);
  });

  it('an anti-diagonal chain joins through the NE neighbour', () => {
    const m = maskFromRows([
      [0, 0, 1],
      [0, 1, 0],
      [1, 0, 1],
    ]);
    expect(Array.from(labelComponents(m, 8).data)).toEqual([0, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(labelComponents(m, 4).count).toBe(4);
  });

  it('continues numbering across planes', () => {
    const m = createMask({ width: 2, height: 1, planes: 2 }, new Uint8Array([1, 0, 1, 1]));
    const l = labelComponents(m, 8);
    expect(Array.from(l.data)).toEqual([1, 0, 2, 2]);
    expect(l.count).toBe(2);
  });

  it('an empty mask has no objects', () => {
    expect(labelComponents(createMask({ width: 4, height: 3 }), 8).count).toBe(0);
  });

  it.each(manifest.seg.flatMap((c) => [[c.case, 4, c] as const, [c.case, 8, c] as const]))(
    '%s connectivity %s equals skimage.measure.label',
    (_name, connectivity, c) => {
      const labels = labelComponents(maskFromNpy(c.filled), connectivity);
      const expected = labelsFromNpy(connectivity === 4 ? c.labels4 : c.labels8);
      expect(labels.count).toBe(connectivity === 4 ? c.count4 : c.count8);
      expect(Buffer.compare(Buffer.from(labels.data.buffer), Buffer.from(expected.data.buffer))).toBe(0);
    },
  );
});
