import { describe, expect, it } from 'vitest';
import { convexHullArea, convexHullRows } from './convex-hull';

/** A crop with its one-pixel background frame, as the kernels expect. */
function framed(rows: number[][]): { mask: Uint8Array; width: number; height: number } {
  const height = rows.length;
  const width = rows[0].length;
  const mask = new Uint8Array((width + 2) * (height + 2));
  rows.forEach((row, y) => row.forEach((v, x) => (mask[(y + 1) * (width + 2) + x + 1] = v)));
  return { mask, width, height };
}

function hullImage(rows: number[][]): number[][] {
  const { mask, width, height } = framed(rows);
  const { lo, hi } = convexHullRows(mask, width, height);
  return rows.map((row, y) => row.map((_, x) => (x >= lo[y] && x <= hi[y] ? 1 : 0)));
}

describe('convexHullRows (skimage convex_hull_image)', () => {
  it('fills the concave corner of an L (pixel centres on the hull edge count)', () => {
    expect(hullImage([[1, 0, 0], [1, 0, 0], [1, 1, 1]])).toEqual([[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
  });

  it('is the object itself for convex objects', () => {
    expect(hullImage([[1, 1, 1], [1, 1, 1]])).toEqual([[1, 1, 1], [1, 1, 1]]);
    expect(hullImage([[1]])).toEqual([[1]]);
    const diagonal = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
    expect(hullImage(diagonal)).toEqual(diagonal);
  });

  it('bridges two separate pieces', () => {
    const { mask, width, height } = framed([[1, 0, 0, 1], [0, 0, 0, 0], [1, 0, 0, 1]]);
    expect(convexHullArea(mask, width, height)).toBe(12);
  });

  it('ignores an empty crop', () => {
    const { mask, width, height } = framed([[0, 0], [0, 0]]);
    expect(convexHullArea(mask, width, height)).toBe(0);
  });
});
