import { describe, expect, it } from 'vitest';
import { distanceTransformEdt, featureTransform } from './distance-transform';

/** Exact distances by brute force: the nearest zero pixel over the whole image. */
function bruteForce(mask: Uint8Array, width: number, height: number): Float64Array {
  const zeros: [number, number][] = [];
  for (let p = 0; p < mask.length; p++) if (!mask[p]) zeros.push([Math.floor(p / width), p % width]);
  return Float64Array.from({ length: mask.length }, (_, p) => {
    const y = Math.floor(p / width);
    const x = p % width;
    let best = Infinity;
    for (const [zy, zx] of zeros) best = Math.min(best, (zy - y) ** 2 + (zx - x) ** 2);
    return Math.sqrt(best);
  });
}

describe('distanceTransformEdt against brute force', () => {
  it('equals the brute-force distances on a 101 × 37 mask with blobs, a full-height foreground band and a single-pixel background', () => {
    const width = 101;
    const height = 37;
    const mask = new Uint8Array(width * height).fill(1);
    // sparse background speckle left of x = 40; columns 40..79 are all foreground except one pixel
    for (let p = 0; p < mask.length; p++) if (p % width < 40 && (p * 2654435761) % 97 < 6) mask[p] = 0;
    mask[20 * width + 60] = 0;
    expect(Array.from(distanceTransformEdt(mask, width, height))).toEqual(Array.from(bruteForce(mask, width, height)));
  });

  it('with no background anywhere every feature is row −1, column 0 (as SciPy leaves it)', () => {
    const width = 70;
    const height = 5;
    const ft = featureTransform(new Uint8Array(width * height).fill(1), width, height);
    expect(new Set(ft.rows)).toEqual(new Set([-1]));
    expect(new Set(ft.cols)).toEqual(new Set([0]));
  });
});
