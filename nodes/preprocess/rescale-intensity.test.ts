import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createImage, imageFromRows } from '../../src/core/image';
import { countDifferences, loadReferenceImage, loadSource, maxRelativeError, referenceCases } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { rescaleIntensityNode } from './rescale-intensity';

type RefIn = { mode: 'image' | 'percentiles' | 'values'; low?: number; high?: number };

function paramsOf(inRange: RefIn, outRange: unknown): Record<string, unknown> {
  const p: Record<string, unknown> = { inputRange: inRange.mode };
  if (inRange.mode !== 'image') Object.assign(p, { low: inRange.low, high: inRange.high });
  if (Array.isArray(outRange)) Object.assign(p, { output: 'range', outMin: outRange[0], outMax: outRange[1] });
  else p.output = outRange;
  return p;
}

describe('rescale-intensity node', () => {
  it('stretches min..max onto the type range and clips to given values', () => {
    const img = imageFromRows([[10, 20], [30, 110]], 'uint8');
    expect(Array.from(runNode(rescaleIntensityNode, { image: img }).image.data)).toEqual([0, 25, 51, 255]);
    const clipped = runNode(rescaleIntensityNode, { image: img }, { inputRange: 'values', low: 20, high: 30, output: 'range', outMin: -1, outMax: 1 });
    expect(clipped.image.dtype).toBe('float32');
    expect(Array.from(clipped.image.data)).toEqual([-1, -1, 1, 1]);
  });

  it.each(referenceCases('rescale'))('$out matches skimage rescale_intensity', (c) => {
    const { image } = runNode(rescaleIntensityNode, { image: loadSource(c.source) }, paramsOf(c.in as RefIn, c.outRange));
    const expected = loadReferenceImage(c.out);
    expect(image.dtype).toBe(expected.dtype);
    if (expected.dtype === 'float32') expect(maxRelativeError(image.data, expected.data, 1e-3).error).toBeLessThan(1e-6);
    else expect(countDifferences(image.data, expected.data)).toBe(0);
  });

  it('rescales each channel with its own range, shared by all planes', () => {
    // channel 0 spans 0..10 over both planes, channel 1 spans 100..200
    const data = Uint8Array.from([0, 5, 100, 150, 10, 10, 200, 200]);
    const img = createImage({ width: 2, height: 1, planes: 2, channels: 2 }, 'uint8', data);
    expect(Array.from(runNode(rescaleIntensityNode, { image: img }).image.data)).toEqual([0, 127, 0, 127, 255, 255, 255, 255]);
  });

  it('bad ranges are UserErrors naming the params', () => {
    const image = imageFromRows([[1, 2]], 'uint8');
    expect(() => runNode(rescaleIntensityNode, { image }, { inputRange: 'values', low: 5, high: 5 })).toThrow(UserError);
    expect(() => runNode(rescaleIntensityNode, { image }, { inputRange: 'percentiles', low: -1, high: 50 })).toThrow(/percentiles/);
    expect(() => runNode(rescaleIntensityNode, { image }, { output: 'range', outMin: 1, outMax: 0 })).toThrow(/Out min/);
  });
});
