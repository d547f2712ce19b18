import { describe, expect, it } from 'vitest';
import { createImage, type Image } from '../core/image';
import { PROJECTIONS, projectPlanes } from './projection';
import { differences, loadSpots, readReferenceJson, referenceImage } from './stack-reference';

interface ProjectCase {
  source: string;
  method: (typeof PROJECTIONS)[number];
  out: string;
}
const cases = readReferenceJson<{ project: ProjectCase[] }>('stack', 'manifest.json').project;
const sources: Record<string, () => Image> = { spots: loadSpots, synth_f32: () => referenceImage('stack', 'synth_f32.npy') };

/** Planes [[1, 5], [2, 2], [9, 0]] of 1×2 pixels (uint8). */
const tiny = () => createImage({ width: 2, height: 1, planes: 3 }, 'uint8', Uint8Array.from([1, 5, 2, 2, 9, 0]));

describe('projectPlanes', () => {
  it('computes each projection on a tiny stack', () => {
    const values = (m: (typeof PROJECTIONS)[number]) => Array.from(projectPlanes(tiny(), m).data);
    expect(values('max')).toEqual([9, 5]);
    expect(values('min')).toEqual([1, 0]);
    expect(values('sum')).toEqual([12, 7]);
    expect(values('mean')).toEqual([4, Math.fround(7 / 3)]);
    // population std of (1, 2, 9): mean 4, squares 9 + 4 + 25 = 38, / 3
    expect(values('std')[0]).toBe(Math.fround(Math.sqrt(38 / 3)));
    expect(projectPlanes(tiny(), 'max').dtype).toBe('uint8');
    expect(projectPlanes(tiny(), 'sum').dtype).toBe('float64');
    expect(projectPlanes(tiny(), 'std').dtype).toBe('float32');
  });

  it('projects channels separately and gives one plane', () => {
    // 2 planes × 2 channels of one pixel: channel 0 = (1, 3), channel 1 = (10, 2)
    const img = createImage({ width: 1, height: 1, planes: 2, channels: 2 }, 'uint16', Uint16Array.from([1, 10, 3, 2]));
    const out = projectPlanes(img, 'max');
    expect([out.planes, out.channels]).toEqual([1, 2]);
    expect(Array.from(out.data)).toEqual([3, 10]);
  });

  it('drops the plane spacing but keeps the pixel size', () => {
    const img = tiny();
    img.meta.pixelSize = { x: 0.1, y: 0.1, z: 0.4, unit: 'µm' };
    expect(projectPlanes(img, 'mean').meta.pixelSize).toEqual({ x: 0.1, y: 0.1, unit: 'µm' });
    expect(img.meta.pixelSize.z).toBe(0.4);
  });

  it('decodes the real z-stack as 17 planes', () => {
    const spots = loadSpots();
    expect([spots.width, spots.height, spots.planes, spots.channels, spots.dtype]).toEqual([89, 88, 17, 1, 'uint16']);
  });

  it.each(cases.map((c) => [c.source, c.method, c.out] as const))('%s %s equals numpy exactly', (source, method, out) => {
    const expected = referenceImage('stack', out);
    const got = projectPlanes(sources[source](), method);
    expect(got.dtype).toBe(expected.dtype);
    expect([got.width, got.height, got.planes]).toEqual([expected.width, expected.height, 1]);
    expect(differences(got.data, expected.data)).toEqual([]);
  });
});
