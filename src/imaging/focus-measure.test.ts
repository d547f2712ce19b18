import { describe, expect, it } from 'vitest';
import { createImage, imageFromRows, type Image } from '../core/image';
import { UserError } from '../core/errors';
import { channelMean, focusMap, focusMeasure } from './focus-measure';
import { gaussian } from './gaussian';
import { differences, loadSpots, maxAbsDifference, readReferenceJson, referenceImage } from './stack-reference';

interface MapCase {
  source: string;
  sigma: number;
  out: string;
}
const manifest = readReferenceJson<{ maps: MapCase[] }>('focus', 'manifest.json');
const sources: Record<string, () => Image> = { spots: loadSpots, synthetic: () => referenceImage('focus', 'synthetic_stack.npy') };

describe('focusMeasure', () => {
  it('is 0 on a flat image and the window standard deviation of a step', () => {
    expect(Array.from(focusMeasure(imageFromRows([[7, 7], [7, 7]]), 1))).toEqual([0, 0, 0, 0]);
    // a 0/100 step: the windows near the edge see both values, those far away only one
    const f = focusMeasure(imageFromRows([Array.from({ length: 40 }, (_, x) => (x < 20 ? 0 : 100))]), 1);
    expect(f[0]).toBeLessThan(1e-9);
    expect(f[39]).toBeLessThan(1e-9);
    expect(f[19]).toBeGreaterThan(40);
    expect(f[19]).toBeLessThanOrEqual(50); // a std of values in [0, 100] is at most 50
  });

  it('agrees with the float32 Gaussian blur: G(I) is the blur computed in float64', () => {
    // I with no variance along y: F² = G(I²) − G(I)²; check G(I) by the float32 kernel within float32 precision
    const img = imageFromRows([[1, 5, 2, 8, 3], [1, 5, 2, 8, 3]]);
    const blurred = gaussian(img, 1).data;
    const f = focusMeasure(img, 1);
    for (let x = 0; x < 5; x++) {
      const sq = imageFromRows([[1, 25, 4, 64, 9], [1, 25, 4, 64, 9]]);
      const g2 = gaussian(sq, 1).data[x];
      expect(f[x]).toBeCloseTo(Math.sqrt(g2 - blurred[x] * blurred[x]), 3);
    }
  });

  it('rejects a non-positive sigma', () => {
    expect(() => focusMeasure(imageFromRows([[1]]), 0)).toThrow(UserError);
  });
});

describe('channelMean', () => {
  it('averages the channels of each plane in float64 and passes a 1-channel image through', () => {
    const img = createImage({ width: 2, height: 1, planes: 2, channels: 3 }, 'uint8', Uint8Array.from([
      1, 2, 3, 4, 5, 7, // plane 0: channels (1, 2), (3, 4), (5, 7)
      0, 0, 0, 0, 1, 0, // plane 1
    ]));
    const mean = channelMean(img);
    expect([mean.channels, mean.planes, mean.dtype]).toEqual([1, 2, 'float64']);
    expect(Array.from(mean.data)).toEqual([3, 13 / 3, 1 / 3, 0]);
    const gray = imageFromRows([[1]]);
    expect(channelMean(gray)).toBe(gray);
  });
});

describe('focusMap', () => {
  it('scales so the maximum over all planes is 1, per channel', () => {
    const img = createImage({ width: 4, height: 1, planes: 2, channels: 2 }, 'float32', Float32Array.from([
      0, 10, 0, 10, 3, 3, 3, 3, // plane 0: channel 0 textured, channel 1 flat
      0, 20, 0, 20, 3, 3, 3, 3, // plane 1: channel 0 twice the contrast
    ]));
    const out = focusMap(img, 1);
    let max0 = 0;
    for (const p of [0, 1]) for (let x = 0; x < 4; x++) max0 = Math.max(max0, out.data[p * 8 + x]);
    expect(max0).toBe(1);
    expect(out.data[1]).toBeCloseTo(out.data[9] / 2, 6); // plane 0 has half plane 1's local std
    expect(Array.from(out.data.subarray(4, 8))).toEqual([0, 0, 0, 0]); // flat channel: 0, not NaN
  });

  it.each(manifest.maps.map((c) => [c.source, c.sigma, c.out] as const))(
    '%s sigma %s is within 1e-5 of scipy sqrt(G(I²) − G(I)²) / max',
    (source, sigma, out) => {
      const expected = referenceImage('focus', out);
      const got = focusMap(sources[source](), sigma);
      expect([got.width, got.height, got.planes]).toEqual([expected.width, expected.height, expected.planes]);
      const diff = maxAbsDifference(got.data, expected.data);
      expect(diff).toBeLessThan(1e-5);
      // the float64 arithmetic follows SciPy's order: nearly every sample is identical (the synthetic
      // stack has 2 of 55296 one float32 ulp apart, in flat regions where G(I²) − G(I)² cancels)
      expect(differences(got.data, expected.data, 100).length).toBeLessThanOrEqual(got.data.length / 10_000);
    },
  );
});
