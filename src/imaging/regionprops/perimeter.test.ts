import { describe, expect, it } from 'vitest';
import { perimeterOfMask } from './perimeter';

/** A crop with its one-pixel background frame, as the kernels expect. */
function framed(rows: number[][]): { mask: Uint8Array; width: number; height: number } {
  const height = rows.length;
  const width = rows[0].length;
  const mask = new Uint8Array((width + 2) * (height + 2));
  rows.forEach((row, y) => row.forEach((v, x) => (mask[(y + 1) * (width + 2) + x + 1] = v)));
  return { mask, width, height };
}

function perimeter(rows: number[][]): number {
  const { mask, width, height } = framed(rows);
  return perimeterOfMask(mask, width, height, new Uint8Array(mask.length), new Int32Array(50));
}

describe('perimeterOfMask (skimage perimeter, 4-neighbourhood)', () => {
  it('counts 1 per straight border step', () => {
    expect(perimeter([[1, 1, 1], [1, 1, 1]])).toBe(6);
    expect(perimeter([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]])).toBe(10);
  });

  it('gives 0 to a single pixel and to line ends', () => {
    expect(perimeter([[1]])).toBe(0);
    // skimage: the two end pixels of an L weigh 0, the other three 1
    expect(perimeter([[1, 0, 0], [1, 0, 0], [1, 1, 1]])).toBe(3);
  });

  it('weighs diagonal steps √2', () => {
    // a diagonal line of 4 pixels: the two inner pixels have code 1 + 10 + 10 = 21
    expect(perimeter([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])).toBeCloseTo(2 * Math.SQRT2, 14);
  });

  it('ignores interior pixels (hole border counts)', () => {
    const ring = [[1, 1, 1], [1, 0, 1], [1, 1, 1]];
    // every pixel: two 4-neighbours on the border; corners have 0 diagonal, edges 2 → codes 5 and 25
    expect(perimeter(ring)).toBe(8);
  });
});
