import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/core/image';
import { runExample } from '../../src/testing/run-example';
import { nodeRegistry } from '../index';
import { UserError } from '../../src/core/errors';
import { createTable, numberColumn } from '../../src/core/table';
import { testContext } from '../../src/testing/context';
import { calculateMath } from './calculate-math';

const run = (a: Table, params: Record<string, unknown>, b?: Table) =>
  (calculateMath.run({ a, b }, calculateMath.params.parse(params), testContext()) as { table: Table }).table;

const nuclei = createTable([
  { name: 'label', values: [1, 2, 3, 4] },
  { name: 'area', values: [10, 20, 0, 8], unit: 'px' },
  { name: 'mean_intensity', values: [50, 30, 12, NaN] },
]);
const cytoplasm = createTable([
  { name: 'label', values: [4, 2, 1] }, // another order, and object 3 missing
  { name: 'mean_intensity', values: [2, 10, 25] },
]);

describe('calculate-math', () => {
  it('combines two columns of one table row by row, keeping the table and adding the result last', () => {
    const t = run(nuclei, { a: 'mean_intensity', operation: 'multiply', b: 'area', name: 'integrated' });
    expect(t.columns.map((c) => c.name)).toEqual(['label', 'area', 'mean_intensity', 'integrated']);
    expect(Array.from(numberColumn(t, 'integrated'))).toEqual([500, 600, 0, NaN]);
    expect(t.columns[1]).toMatchObject({ unit: 'px' });
    expect(Array.from(numberColumn(run(nuclei, { a: 'area', operation: 'subtract', b: 'mean_intensity', name: 'd' }), 'd'))).toEqual([-40, -10, -12, NaN]);
  });

  it('divides by zero to an empty value, and uses the constant when B is empty', () => {
    const perArea = run(nuclei, { a: 'mean_intensity', operation: 'divide', b: 'area', name: 'per_px' });
    expect(Array.from(numberColumn(perArea, 'per_px'))).toEqual([5, 1.5, NaN, NaN]);
    const scaled = run(nuclei, { a: 'area', operation: 'multiply', constant: 0.25, name: 'area_um2' });
    expect(Array.from(numberColumn(scaled, 'area_um2'))).toEqual([2.5, 5, 0, 2]);
    expect(Array.from(numberColumn(run(nuclei, { a: 'area', operation: 'add', constant: 1, name: 'x' }), 'x'))).toEqual([11, 21, 1, 9]);
  });

  it('matches the rows of a second table by label; objects missing from it get an empty value', () => {
    const t = run(nuclei, { a: 'mean_intensity', operation: 'divide', b: 'mean_intensity', name: 'nc_ratio' }, cytoplasm);
    expect(Array.from(numberColumn(t, 'nc_ratio'))).toEqual([2, 3, NaN, NaN]);
  });

  it('matches by label and plane for stacks, and per-image tables of one row to each other', () => {
    const a = createTable([{ name: 'label', values: [1, 1] }, { name: 'plane', values: [0, 1] }, { name: 'v', values: [6, 8] }]);
    const b = createTable([{ name: 'label', values: [1, 1] }, { name: 'plane', values: [1, 0] }, { name: 'w', values: [4, 3] }]);
    expect(Array.from(numberColumn(run(a, { a: 'v', b: 'w', name: 'r' }, b), 'r'))).toEqual([2, 2]);
    const s1 = createTable([{ name: 'count', values: [12] }]);
    const s2 = createTable([{ name: 'count', values: [4] }]);
    expect(Array.from(numberColumn(run(s1, { a: 'count', b: 'count', name: 'ratio' }, s2), 'ratio'))).toEqual([3]);
  });

  it('classifies: greater (or equal) gives 1 or 0, empty where a value is missing', () => {
    const t = run(nuclei, { a: 'mean_intensity', operation: 'greater', constant: 30, name: 'bright' });
    expect(Array.from(numberColumn(t, 'bright'))).toEqual([1, 0, 0, NaN]);
    const ge = run(nuclei, { a: 'mean_intensity', operation: 'greater-or-equal', constant: 30, name: 'bright' });
    expect(Array.from(numberColumn(ge, 'bright'))).toEqual([1, 1, 0, NaN]);
    const vsCytoplasm = run(nuclei, { a: 'mean_intensity', operation: 'greater', b: 'mean_intensity', name: 'brighter' }, cytoplasm);
    expect(Array.from(numberColumn(vsCytoplasm, 'brighter'))).toEqual([1, 1, NaN, NaN]);
  });

  it('on real nuclei: summarize\'s mean of the class is the positive fraction of the image', async () => {
    // nuclei-count with a classification and a per-image summary appended
    const result = await runExample(nodeRegistry, 'nuclei-count', 'dsb2018_256_uint8.tif', {
      nodes: [
        { id: 'classify', type: 'calculate-math', params: { a: 'mean_intensity', operation: 'greater', constant: 100, name: 'bright' } },
        { id: 'summary', type: 'summarize', params: { columns: 'bright' } },
      ],
      edges: [
        { from: { node: 'measure', port: 'table' }, to: { node: 'classify', port: 'a' } },
        { from: { node: 'classify', port: 'table' }, to: { node: 'summary', port: 'table' } },
      ],
    });
    expect(result.error).toBeUndefined();
    const objects = result.values.get('measure')!.table as Table;
    const intensity = Array.from(numberColumn(objects, 'mean_intensity'));
    const positive = intensity.filter((v) => v > 100).length;
    expect(positive).toBeGreaterThan(0);
    expect(positive).toBeLessThan(intensity.length);
    const summary = result.values.get('summary')!.table as Table;
    expect(numberColumn(summary, 'count')[0]).toBe(intensity.length);
    expect(numberColumn(summary, 'bright_mean')[0]).toBeCloseTo(positive / intensity.length, 12);
  });

  it('names the column, table or name at fault in one line', () => {
    const fails = (a: Table, params: Record<string, unknown>, b?: Table) => {
      try {
        run(a, params, b);
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        return (err as Error).message;
      }
      throw new Error('no error');
    };
    expect(fails(nuclei, { a: 'volume', name: 'r' })).toBe("calculate-math: param 'a': 'volume' is not a column of table A (number columns: label, area, mean_intensity)");
    expect(fails(nuclei, { a: 'area', b: 'solidity', name: 'r' }, cytoplasm)).toMatch(/param 'b': 'solidity' is not a column of table B \(number columns: label, mean_intensity\)/);
    expect(fails(nuclei, { a: 'area', name: 'area' })).toMatch(/already has a column 'area'/);
    const twice = createTable([{ name: 'label', values: [1, 1] }, { name: 'mean_intensity', values: [1, 2] }]);
    expect(fails(nuclei, { a: 'area', b: 'mean_intensity', name: 'r' }, twice)).toMatch(/table B has two rows for object 1/);
    expect(fails(nuclei, { a: 'area', b: 'count', name: 'r' }, createTable([{ name: 'count', values: [1] }]))).toMatch(/both need a 'label' column/);
    expect(() => calculateMath.params.parse({ name: '2x' })).toThrow();
  });
});
