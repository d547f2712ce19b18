import { describe, expect, it } from 'vitest';
import { createImage, createLabels, labelsFromRows, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { numberColumn } from '../../src/core/table';
import { loadSpots, readReferenceJson, referenceArray } from '../../src/imaging/stack-reference';
import { testContext } from '../../src/testing/context';
import { measureOverPlanes } from './measure-over-planes';

const run = (labels: Parameters<typeof measureOverPlanes.run>[0]['labels'], image: Parameters<typeof measureOverPlanes.run>[0]['image']) =>
  (measureOverPlanes.run({ labels, image }, {}, testContext()) as { table: Table }).table;

describe('measure-over-planes node', () => {
  it('writes the long table of the real z-stack as numpy computes it', () => {
    const ref = readReferenceJson<{ measure_over_planes: { labels: string; rows: Record<string, number>[] } }>('stack', 'manifest.json').measure_over_planes;
    const { shape, data } = referenceArray('stack', ref.labels);
    const table = run(createLabels({ width: shape[1], height: shape[0] }, Uint32Array.from(data)), loadSpots());
    expect(table.columns.map((c) => c.name)).toEqual(['label', 'plane', 'area', 'mean_intensity', 'min_intensity', 'max_intensity', 'integrated_intensity']);
    expect(table.rows).toBe(ref.rows.length);
    for (const name of ['label', 'plane', 'area', 'mean_intensity', 'min_intensity', 'max_intensity', 'integrated_intensity']) {
      expect(Array.from(numberColumn(table, name)), name).toEqual(ref.rows.map((r) => r[name]));
    }
    expect(table.meta.source).toBe('xyz_16bit__spots.ome.tif');
  });

  it('refuses 3-D labels and a stack of another size, in one line', () => {
    const stack = createImage({ width: 2, height: 1, planes: 3 }, 'uint8');
    const labels3d = createLabels({ width: 2, height: 1, planes: 3 }, new Uint32Array(6));
    expect(() => run(labels3d, stack)).toThrow(UserError);
    expect(() => run(labelsFromRows([[1, 1, 1]]), stack)).toThrow(/must have 1 channel and the labels' size \(3×1\)/);
  });
});
