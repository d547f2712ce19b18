import { describe, expect, it } from 'vitest';
import { createImage, type Image } from '../core/image';
import { differences, loadSpots, readReferenceJson, referenceImage } from './stack-reference';
import { subsample } from './subsample';

interface SubsampleCase {
  source: string;
  stride_planes: number;
  stride_y: number;
  stride_x: number;
  out: string;
}
const cases = readReferenceJson<{ subsample: SubsampleCase[] }>('stack', 'manifest.json').subsample;
const sources: Record<string, () => Image> = { spots: loadSpots, synth_f32: () => referenceImage('stack', 'synth_f32.npy') };

describe('subsample', () => {
  it('keeps the first sample and every k-th after it, per channel', () => {
    // 5×1, 2 channels: channel 0 = 0..4, channel 1 = 10..14
    const img = createImage({ width: 5, height: 1, channels: 2 }, 'int16', Int16Array.from([0, 1, 2, 3, 4, 10, 11, 12, 13, 14]));
    img.meta.pixelSize = { x: 0.5, y: 0.5, unit: 'µm' };
    const out = subsample(img, { x: 2, y: 1, planes: 1 });
    expect([out.width, out.channels, out.dtype]).toEqual([3, 2, 'int16']);
    expect(Array.from(out.data)).toEqual([0, 2, 4, 10, 12, 14]);
    expect(out.meta.pixelSize).toEqual({ x: 1, y: 0.5, unit: 'µm' });
  });

  it.each(cases.map((c) => [c.source, c] as const))('%s equals numpy a[::2, ::3, ::2]', (source, c) => {
    const expected = referenceImage('stack', c.out);
    const got = subsample(sources[source](), { x: c.stride_x, y: c.stride_y, planes: c.stride_planes });
    expect([got.width, got.height, got.planes, got.dtype]).toEqual([expected.width, expected.height, expected.planes, expected.dtype]);
    expect(differences(got.data, expected.data)).toEqual([]);
  });

  it('multiplies the plane spacing of the real stack by the stride', () => {
    const spots = loadSpots();
    const z = spots.meta.pixelSize?.z;
    expect(z).toBeCloseTo(0.4, 12);
    expect(subsample(spots, { x: 1, y: 1, planes: 3 }).meta.pixelSize?.z).toBeCloseTo(1.2, 12);
  });
});
