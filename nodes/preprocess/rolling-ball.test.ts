import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../../src/core/image';
import { fourSlicesU8, loadSource, maxRelativeError } from '../../src/imaging/preprocess-reference';
import { morphologyCases, morphologyImage } from '../../src/imaging/morphology-reference';
import { perSliceDifferences, runNode } from '../../src/testing/run-node';
import { rollingBall } from './rolling-ball';

describe('rolling-ball node', () => {
  it('a spot on a ramp: the ramp is background (within half a grey level), the spot is kept', () => {
    const rows = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((y) => [0, 1, 2, 3, 4, 5, 6, 7, 8].map((x) => 0.25 * x + (x === 4 && y === 4 ? 100 : 0)));
    const { image, background } = runNode(rollingBall, { image: imageFromRows(rows, 'float32') }, { radius: 3 });
    expect(image.dtype).toBe('float32');
    expect(image.data[4 * 9 + 4]).toBeGreaterThan(99); // spot kept (the ball of radius 3 lifts it < 1)
    for (let i = 0; i < 81; i++) if (i !== 40) expect(Math.abs(background.data[i] - rows[Math.floor(i / 9)][i % 9])).toBeLessThan(0.5);
  });

  it.each(morphologyCases('rolling_ball_opening'))('$out: background and subtraction match the scipy opening', (c) => {
    const source = loadSource(c.source);
    const { image, background } = runNode(rollingBall, { image: source }, { radius: c.radius as number, light: c.light as boolean });
    const expected = morphologyImage(c.out).data;
    expect(maxRelativeError(background.data, expected).error).toBeLessThan(1e-6);
    const subtracted = Float64Array.from(expected, (b, i) => (c.light ? b - source.data[i] : source.data[i] - b));
    expect(maxRelativeError(image.data, subtracted).error).toBeLessThan(1e-5);
    expect(Math.min(...image.data)).toBeGreaterThanOrEqual(0);
  });

  it('filters each plane and channel on its own', () => {
    expect(perSliceDifferences((image) => runNode(rollingBall, { image }, { radius: 4 }).image, fourSlicesU8())).toBe(0);
  });
});
