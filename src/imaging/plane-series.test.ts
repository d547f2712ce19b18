import { describe, expect, it } from 'vitest';
import { createImage, createLabels, createMask, labelsFromRows } from '../core/image';
import { measureLabelsOverPlanes, pixelSeries, type SeriesNormalisation } from './plane-series';
import { loadSpots, maxAbsDifference, readReferenceJson, referenceArray } from './stack-reference';

interface SeriesRow {
  label: number;
  plane: number;
  area: number;
  mean_intensity: number;
  min_intensity: number;
  max_intensity: number;
  integrated_intensity: number;
}
interface Manifest {
  measure_over_planes: { labels: string; rows: SeriesRow[] };
  pixel_series: { normalise: SeriesNormalisation; baseline: [number, number] | null; out: string }[];
}
const manifest = readReferenceJson<Manifest>('stack', 'manifest.json');

function spotsLabels() {
  const { shape, data } = referenceArray('stack', manifest.measure_over_planes.labels);
  return createLabels({ width: shape[1], height: shape[0] }, Uint32Array.from(data));
}

describe('measureLabelsOverPlanes', () => {
  it('measures each object in each plane, objects first, skipping absent labels', () => {
    const labels = labelsFromRows([[1, 1, 0, 3]]);
    const image = createImage({ width: 4, height: 1, planes: 2 }, 'uint8', Uint8Array.from([2, 4, 9, 7, 10, 0, 9, 1]));
    const s = measureLabelsOverPlanes(labels, image);
    expect(Array.from(s.label)).toEqual([1, 1, 3, 3]);
    expect(Array.from(s.plane)).toEqual([0, 1, 0, 1]);
    expect(Array.from(s.area)).toEqual([2, 2, 1, 1]);
    expect(Array.from(s.mean)).toEqual([3, 5, 7, 1]);
    expect(Array.from(s.min)).toEqual([2, 0, 7, 1]);
    expect(Array.from(s.max)).toEqual([4, 10, 7, 1]);
    expect(Array.from(s.sum)).toEqual([6, 10, 7, 1]);
  });

  it('equals numpy on the objects of the real z-stack in all 17 planes', () => {
    const s = measureLabelsOverPlanes(spotsLabels(), loadSpots());
    const rows = manifest.measure_over_planes.rows;
    expect(s.label.length).toBe(rows.length);
    rows.forEach((r, i) => {
      expect([s.label[i], s.plane[i], s.area[i], s.min[i], s.max[i], s.sum[i], s.mean[i]]).toEqual([
        r.label, r.plane, r.area, r.min_intensity, r.max_intensity, r.integrated_intensity, r.mean_intensity,
      ]);
    });
  });
});

describe('pixelSeries', () => {
  it('normalises a tiny series: raw, ΔF/F0 and z-score', () => {
    // one pixel, planes 2, 4, 6
    const image = createImage({ width: 1, height: 1, planes: 3 }, 'uint8', Uint8Array.from([2, 4, 6]));
    const col = (norm: SeriesNormalisation, baseline?: [number, number]) => pixelSeries(image, undefined, norm, baseline).values.map((v) => v[0]);
    expect(col('raw')).toEqual([2, 4, 6]);
    expect(col('dff', [0, 1])).toEqual([-1 / 3, 1 / 3, 1]); // F0 = 3
    const std = Math.sqrt(8 / 3);
    expect(col('zscore')).toEqual([-2 / std, 0, 2 / std]);
  });

  it('gives NaN where F0 or the std is 0, and keeps only masked pixels in row-major order', () => {
    const image = createImage({ width: 2, height: 2, planes: 2 }, 'float32', Float32Array.from([0, 1, 5, 5, 3, 2, 5, 5]));
    const mask = createMask({ width: 2, height: 2 }, Uint8Array.from([1, 0, 0, 1]));
    const s = pixelSeries(image, mask, 'dff', [0, 0]);
    expect([Array.from(s.x), Array.from(s.y)]).toEqual([[0, 1], [0, 1]]);
    expect(s.values.map((v) => v[0])).toEqual([NaN, NaN]);
    expect(s.values.map((v) => v[1])).toEqual([0, 0]);
    expect(pixelSeries(image, mask, 'zscore').values.map((v) => v[1])).toEqual([NaN, NaN]);
  });

  it.each(manifest.pixel_series.map((c) => [c.normalise, c] as const))('%s equals numpy on the objects of the real z-stack', (_norm, c) => {
    const labels = spotsLabels();
    const mask = createMask(labels, Uint8Array.from(labels.data, (l) => (l > 0 ? 1 : 0)));
    const s = pixelSeries(loadSpots(), mask, c.normalise, c.baseline ?? undefined);
    const { shape, data } = referenceArray('stack', c.out); // (pixels, planes)
    expect([s.x.length, s.values.length]).toEqual(shape);
    const got = new Float64Array(data.length);
    s.values.forEach((plane, p) => plane.forEach((v, k) => (got[k * shape[1] + p] = v)));
    // raw and ΔF/F0 are exact; the z-score's sum of squares is added in another order by numpy (1 ulp)
    if (c.normalise === 'zscore') expect(maxAbsDifference(got, data)).toBeLessThan(1e-12);
    else expect(maxAbsDifference(got, data)).toBe(0);
  });
});
