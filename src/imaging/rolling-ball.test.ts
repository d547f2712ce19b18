import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../core/image';
import { morphologyCases, morphologyImage } from './morphology-reference';
import { countDifferences, loadReferenceImage, loadSource, maxRelativeError, referenceCases } from './preprocess-reference';
import { rollingBallBackground, rollingBallErosion, rollingBallImage } from './rolling-ball';

/** skimage casts its result to the input's type (truncation for integers). */
function asSkimage(values: Float64Array, dtype: string): ArrayLike<number> {
  if (dtype === 'float32') return Float32Array.from(values);
  return values.map(Math.trunc);
}

describe('rolling ball', () => {
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

  it.each(morphologyCases('rolling_ball_opening'))('background = scipy grey_opening with the ball: $out', (c) => {
    const out = rollingBallImage(loadSource(c.source), c.radius as number, c.light as boolean);
    expect(maxRelativeError(out.data, morphologyImage(c.out).data).error).toBeLessThan(1e-6);
  });
});
