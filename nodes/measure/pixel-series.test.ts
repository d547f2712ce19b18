import { describe, expect, it } from 'vitest';
import { createImage, createMask, type Image, type Mask, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { numberColumn } from '../../src/core/table';
import { loadSpots, readReferenceJson, referenceArray } from '../../src/imaging/stack-reference';
import { testContext } from '../../src/testing/context';
import { pixelSeries } from './pixel-series';

const run = (image: Image, mask: Mask | undefined, params: Record<string, unknown>) =>
  // the port is optional, but its declared type does not say so
  (pixelSeries.run({ image, mask: mask as Mask }, pixelSeries.params.parse(params), testContext()) as { table: Table }).table;

describe('pixel-series node', () => {
  it('gives one row per masked pixel and one column per plane (ΔF/F0 of the real z-stack as numpy)', () => {
    const manifest = readReferenceJson<{ measure_over_planes: { labels: string }; pixel_series: { normalise: string; out: string }[] }>('stack', 'manifest.json');
    const labels = referenceArray('stack', manifest.measure_over_planes.labels);
    const [height, width] = labels.shape;
    const mask = createMask({ width, height }, Uint8Array.from(labels.data, (l) => (l > 0 ? 1 : 0)));
    const table = run(loadSpots(), mask, { normalise: 'dff', baseline_start: 0, baseline_end: 3 });
    const expected = referenceArray('stack', manifest.pixel_series.find((c) => c.normalise === 'dff')!.out);
    const [pixels, planes] = expected.shape;
    expect(table.rows).toBe(pixels);
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'y', ...Array.from({ length: planes }, (_, p) => `plane_${p}`)]);
    for (let p = 0; p < planes; p++) {
      const col = numberColumn(table, `plane_${p}`);
      for (let k = 0; k < pixels; k++) expect(col[k]).toBe(expected.data[k * planes + p]);
    }
  });

  it('names the baseline param that is out of range', () => {
    const stack = createImage({ width: 1, height: 1, planes: 3 }, 'uint8');
    expect(() => run(stack, undefined, { normalise: 'dff', baseline_end: 3 })).toThrow(UserError);
    expect(() => run(stack, undefined, { normalise: 'dff', baseline_end: 3 })).toThrow("param 'baseline_end' (3) is past the last plane (2)");
    expect(() => run(stack, undefined, { normalise: 'dff', baseline_start: 2, baseline_end: 1 })).toThrow("param 'baseline_start' (2) is after 'baseline_end' (1)");
    // raw ignores the baseline
    expect(run(stack, undefined, { baseline_end: 9 }).rows).toBe(1);
  });

  it('refuses a table too large to hold, suggesting a mask', () => {
    const big = createImage({ width: 2000, height: 1000, planes: 11 }, 'uint8');
    expect(() => run(big, undefined, {})).toThrow(/connect a mask/);
  });
});
