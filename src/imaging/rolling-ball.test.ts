import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../core/image';
import { morphologyCases, morphologyImage } from './morphology-reference';
import { countDifferences, loadReferenceImage, loadSource, maxRelativeError, referenceCases } from './preprocess-reference';
import { ballKernel, rollingBallBackground, rollingBallErosion, rollingBallImage } from './rolling-ball';

/** skimage casts its result to the input's type (truncation for integers). */
function asSkimage(values: Float64Array, dtype: string): ArrayLike<number> {
  if (dtype === 'float32') return Float32Array.from(values);
  return values.map(Math.trunc);
}

/** The definition, pixel by pixel: min (or max) over the ball of f(p + k) ± d(k), outside ignored. */
function bruteBallPass(f: Float64Array, width: number, height: number, radius: number, erode: boolean): Float64Array {
  const { R, deficits } = ballKernel(radius);
  const side = 2 * R + 1;
  const out = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let best = erode ? Infinity : -Infinity;
      for (let dy = -R; dy <= R; dy++) {
        for (let dx = -R; dx <= R; dx++) {
          const d = deficits[(dy + R) * side + dx + R];
          const yy = y + dy, xx = x + dx;
          if (d === Infinity || yy < 0 || yy >= height || xx < 0 || xx >= width) continue;
          best = erode ? Math.min(best, f[yy * width + xx] + d) : Math.max(best, f[yy * width + xx] - d);
        }
      }
      out[y * width + x] = best;
    }
  }
  return out;
}

describe('rolling ball', () => {
  it.each([['blobs_u8', 7], ['dna_f32', 12.5], ['nuclei_u16', 4]] as const)(
    'the divide-and-conquer passes equal the brute-force definition exactly: %s, radius %s',
    (name, radius) => {
      const img = loadSource(name);
      const f = Float64Array.from(img.data);
      const { width: w, height: h } = img;
      expect(countDifferences(rollingBallErosion(f, w, h, radius), bruteBallPass(f, w, h, radius, true))).toBe(0);
      const opening = bruteBallPass(bruteBallPass(f, w, h, radius, true), w, h, radius, false);
      expect(countDifferences(rollingBallBackground(f, w, h, radius, false), opening)).toBe(0);
    },
  );

  it('the ball (radius 1) lifts a single-pixel peak by at most its deficit', () => {
    // 1-D profile: the ball of radius 1 spans 3 pixels; deficit 1 at the sides
    const img = imageFromRows([[0, 0, 10, 0, 0]]);
    expect(Array.from(rollingBallErosion(img.data, 5, 1, 1))).toEqual([0, 0, 1, 0, 0]);
    // opening: union of the balls; the peak's background is the apex, its neighbours stay 0
    expect(Array.from(rollingBallBackground(img.data, 5, 1, 1, false))).toEqual([0, 0, 1, 0, 0]);
  });

  it('a ball wider than a bright plateau removes it; a flat image is its own background', () => {
    const rows = [0, 1, 2, 3, 4, 5, 6].map((y) => [0, 1, 2, 3, 4, 5, 6].map((x) => (Math.abs(x - 3) <= 1 && Math.abs(y - 3) <= 1 ? 50 : 7)));
    const bg = rollingBallBackground(imageFromRows(rows).data, 7, 7, 10, false);
    expect(Math.max(...bg)).toBeLessThan(7 + 0.5); // the ball cannot enter the 3×3 plateau
    expect(Array.from(rollingBallBackground(new Float32Array(12).fill(4), 4, 3, 3, false))).toEqual(new Array(12).fill(4));
  });

  it.each(referenceCases('rolling_ball').filter((c) => !c.light))('erosion = skimage rolling_ball: $out', (c) => {
    const img = loadSource(c.source);
    const expected = loadReferenceImage(c.out);
    const ours = asSkimage(rollingBallErosion(img.data, img.width, img.height, c.radius as number), img.dtype);
    if (img.dtype === 'float32') expect(maxRelativeError(ours, expected.data).error).toBeLessThan(1e-6);
    else expect(countDifferences(ours, expected.data)).toBe(0);
  });

  it.each(referenceCases('rolling_ball').filter((c) => c.light))('light: skimage\'s invert–roll–invert recipe = erosion of the inverted image: $out', (c) => {
    const img = loadSource(c.source);
    const top = img.dtype === 'uint8' ? 255 : 65535; // skimage.util.invert
    const inverted = Float64Array.from(img.data, (v) => top - v);
    const eroded = rollingBallErosion(inverted, img.width, img.height, c.radius as number);
    const ours = eroded.map((v) => top - Math.trunc(v));
    expect(countDifferences(ours, loadReferenceImage(c.out).data)).toBe(0);
  });

  it.each(morphologyCases('rolling_ball_opening'))('background = scipy grey_opening with the ball: $out', (c) => {
    const out = rollingBallImage(loadSource(c.source), c.radius as number, c.light as boolean);
    expect(maxRelativeError(out.data, morphologyImage(c.out).data).error).toBeLessThan(1e-6);
  });
});
