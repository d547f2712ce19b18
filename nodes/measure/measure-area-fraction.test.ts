import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createMask, maskFromRows, type Mask, type Table } from '../../src/core/image';
import { column, tableRow } from '../../src/core/table';
import { testContext } from '../../src/testing/context';
import { countArea, measureAreaFraction } from './measure-area-fraction';

function measure(mask: Mask, region?: Mask): Table {
  return (measureAreaFraction.run({ mask, region }, {}, testContext()) as { table: Table }).table;
}

const COLUMNS = ['positive_pixels', 'total_pixels', 'area_fraction', 'positive_area', 'total_area'];

describe('measure-area-fraction', () => {
  it('counts the set pixels among all pixels', () => {
    const table = measure(maskFromRows([[1, 0, 0], [1, 1, 0]]));
    expect(table.columns.map((c) => c.name)).toEqual(COLUMNS);
    expect(tableRow(table, 0)).toEqual([3, 6, 0.5, NaN, NaN]);
    expect(column(table, 'positive_area')).toMatchObject({ unit: 'µm²' });
  });

  it('counts only inside the region, ignoring mask pixels outside it', () => {
    const mask = maskFromRows([[1, 1, 0], [1, 0, 0]]);
    const region = maskFromRows([[0, 1, 1], [1, 1, 0]]);
    expect(tableRow(measure(mask, region), 0).slice(0, 3)).toEqual([2, 4, 0.5]);
    expect(countArea(mask.data, region.data)).toEqual({ positive: 2, total: 4 });
  });

  it('gives an empty fraction for an empty region', () => {
    const row = tableRow(measure(maskFromRows([[1, 1]]), maskFromRows([[0, 0]])), 0);
    expect(row.slice(0, 3)).toEqual([0, 0, NaN]);
  });

  it('gives the areas in µm² from the pixel size', () => {
    const mask = maskFromRows([[1, 1, 0, 0]]);
    mask.meta.pixelSize = { x: 500, y: 250, unit: 'nm' };
    expect(tableRow(measure(mask), 0)).toEqual([2, 4, 0.5, 0.25, 0.5]);
  });

  it('counts every plane of a stack together', () => {
    const mask = createMask({ width: 2, height: 1, planes: 2 }, Uint8Array.from([1, 0, 1, 1]));
    expect(tableRow(measure(mask), 0).slice(0, 3)).toEqual([3, 4, 0.75]);
  });

  it('refuses a region of another size in one line', () => {
    const run = () => measure(maskFromRows([[1, 0]]), maskFromRows([[1, 0, 1]]));
    expect(run).toThrow(UserError);
    expect(run).toThrow("measure-area-fraction: the region (3×1, 1 planes) must have the mask's size (2×1, 1 planes)");
  });
});
