import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createImage, createLabels, emptyMeta, type Table } from '../../src/core/image';
import { column, createTable, numberColumn } from '../../src/core/table';
import { loadMeasureFixture } from '../../src/imaging/regionprops/reference-fixtures';
import { referencePath } from '../../src/testing/paths';
import { runNode } from '../../src/testing/run-node';
import { runExample } from '../../src/testing/run-example';
import { nodeRegistry } from '../index';
import { classifyObjects, evenEdges } from './classify-objects';
import { measureObjects } from './measure-objects';
import { summarize } from './summarize';

const classify = (table: Table, params: Record<string, unknown>) => runNode(classifyObjects, { table }, params);
const classes = (t: Table, name = 'class') => column(t, name).values as string[];
const numbers = (t: Table, name: string) => Array.from(numberColumn(t, name));

// values on, between, below and above the edges 0, 10, 20, and an empty one
const objects = createTable(
  [
    { name: 'label', values: [1, 2, 3, 4, 5, 6, 7, 8] },
    { name: 'area', values: [5, 10, 10.5, 20, 20.5, 0, -1, NaN], unit: 'px' },
    { name: 'kind', values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] },
  ],
  emptyMeta('cells.tif'),
);

describe('classify-objects', () => {
  it('bins between edges as lower < value <= upper: a value on an edge goes to the bin below, the lowest edge to none', () => {
    const { table, counts } = classify(objects, { column: 'area', edges: '0, 10, 20' });
    expect(table.columns.map((c) => c.name)).toEqual(['label', 'area', 'kind', 'class', 'class_bin_1', 'class_bin_2']);
    expect(classes(table)).toEqual(['bin_1', 'bin_1', 'bin_2', 'bin_2', '', '', '', '']);
    expect(numbers(table, 'class_bin_1')).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    expect(numbers(table, 'class_bin_2')).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
    expect(table.columns[1]).toMatchObject({ unit: 'px' });
    expect(table.meta.source).toBe('cells.tif');
    expect(counts.columns.map((c) => c.name)).toEqual([
      'count', 'class_bin_1_count', 'class_bin_2_count', 'unclassified_count', 'class_bin_1_fraction', 'class_bin_2_fraction',
    ]);
    expect(counts.rows).toBe(1);
    expect(numbers(counts, 'count')).toEqual([8]);
    expect(numbers(counts, 'class_bin_1_count')).toEqual([2]);
    expect(numbers(counts, 'class_bin_2_count')).toEqual([2]);
    expect(numbers(counts, 'unclassified_count')).toEqual([4]);
    // over all objects, the unclassified and the empty one included (CellProfiler's PctObjectsPerBin / 100)
    expect(numbers(counts, 'class_bin_1_fraction')).toEqual([0.25]);
    expect(counts.meta.source).toBe('cells.tif');
  });

  it('gives values <= the lowest edge and > the highest their own bins when asked; an empty value stays without class', () => {
    const both = classify(objects, { column: 'area', edges: '0, 10, 20', bin_below: true, bin_above: true, bin_names: 'low, a, b, high' });
    expect(classes(both.table)).toEqual(['a', 'a', 'b', 'b', 'high', 'low', 'low', '']);
    expect(numbers(both.table, 'class_low')).toEqual([0, 0, 0, 0, 0, 1, 1, 0]);
    expect(numbers(both.table, 'class_high')).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
    expect(numbers(both.counts, 'class_low_count')).toEqual([2]);
    expect(numbers(both.counts, 'class_high_count')).toEqual([1]);
    expect(numbers(both.counts, 'unclassified_count')).toEqual([1]);
    expect(numbers(both.counts, 'class_high_fraction')).toEqual([1 / 8]);
    // default names count every bin from the lowest, the bin below included
    const below = classify(objects, { column: 'area', edges: '0, 10, 20', bin_below: true });
    expect(classes(below.table)).toEqual(['bin_2', 'bin_2', 'bin_3', 'bin_3', '', 'bin_1', 'bin_1', '']);
    const above = classify(objects, { column: 'area', edges: '0, 10, 20', bin_above: true });
    expect(classes(above.table)).toEqual(['bin_1', 'bin_1', 'bin_2', 'bin_2', 'bin_3', '', '', '']);
    // one edge is enough with a bin on either side: the single-threshold case
    const split = classify(objects, { column: 'area', edges: '10', bin_below: true, bin_above: true, bin_names: 'dim, bright' });
    expect(classes(split.table)).toEqual(['dim', 'dim', 'bright', 'bright', 'bright', 'dim', 'dim', '']);
  });

  it('makes even bins with CellProfiler\'s edges arange(n + 1) · (upper − lower) / n + lower', () => {
    // numpy: np.arange(6) * (2.3 - (-1.1)) / 5.0 + (-1.1)
    expect(evenEdges(5, -1.1, 2.3)).toEqual([-1.1, -0.42000000000000015, 0.2599999999999998, 0.94, 1.6199999999999997, 2.3]);
    expect(evenEdges(3, 0.1, 0.7)).toEqual([0.1, 0.3, 0.5, 0.7]);
    const t = createTable([{ name: 'score', values: [0, 0.25, 0.3, 1, 1.5, 0.75, -0.1] }]);
    const { table, counts } = classify(t, { column: 'score', bins: 'even', bin_count: 4, lower: 0, upper: 1, edges: 'ignored' });
    expect(classes(table)).toEqual(['', 'bin_1', 'bin_2', 'bin_4', '', 'bin_3', '']);
    expect(numbers(counts, 'unclassified_count')).toEqual([3]);
    const outer = classify(t, { column: 'score', bins: 'even', bin_count: 2, lower: 0, upper: 1, bin_below: true, bin_above: true });
    expect(classes(outer.table)).toEqual(['bin_1', 'bin_2', 'bin_2', 'bin_3', 'bin_4', 'bin_3', 'bin_1']);
  });

  it('counts a stack plane by plane, a plane without objects (before the last) with count 0', () => {
    const stack = createTable([
      { name: 'label', values: [1, 2, 3, 4, 5, 6] },
      { name: 'plane', values: [0, 0, 2, 2, 2, 3] },
      { name: 'area', values: [5, 15, 5, 5, 15, NaN] },
    ]);
    const { table, counts } = classify(stack, { column: 'area', edges: '0, 10, 20', bin_names: 'small, large' });
    expect(classes(table)).toEqual(['small', 'large', 'small', 'small', 'large', '']);
    expect(counts.columns[0].name).toBe('plane');
    expect(numbers(counts, 'plane')).toEqual([0, 1, 2, 3]);
    expect(numbers(counts, 'count')).toEqual([2, 0, 3, 1]);
    expect(numbers(counts, 'class_small_count')).toEqual([1, 0, 2, 0]);
    expect(numbers(counts, 'class_large_count')).toEqual([1, 0, 1, 0]);
    expect(numbers(counts, 'unclassified_count')).toEqual([0, 0, 0, 1]);
    expect(numbers(counts, 'class_small_fraction')).toEqual([0.5, NaN, 2 / 3, 0]);
  });

  it('gives an image without objects a row of count 0 and empty fractions, and keeps the class column text', () => {
    const empty = createTable([{ name: 'label', values: [] }, { name: 'area', values: [] }]);
    const { table, counts } = classify(empty, { column: 'area', edges: '0, 10' });
    expect(table.rows).toBe(0);
    expect(column(table, 'class').type).toBe('string');
    expect(numbers(counts, 'count')).toEqual([0]);
    expect(numbers(counts, 'class_bin_1_count')).toEqual([0]);
    expect(numbers(counts, 'class_bin_1_fraction')).toEqual([NaN]);
  });

  it('chains: a second classification under another Result name; summarize\'s mean of a bin column is its fraction', () => {
    const first = classify(objects, { column: 'area', edges: '0, 10, 20', bin_below: true, bin_above: true, bin_names: 'low, a, b, high' }).table;
    const second = classify(first, { column: 'label', edges: '4', bin_below: true, bin_above: true, bin_names: 'early, late', name: 'order' });
    expect(second.table.columns.map((c) => c.name).slice(-3)).toEqual(['order', 'order_early', 'order_late']);
    expect(classes(second.table, 'class')).toEqual(classes(first, 'class'));
    expect(numbers(second.counts, 'order_early_count')).toEqual([4]);
    const summary = runNode(summarize, { table: first }, { columns: 'class_low, class_a, class_high' }).table;
    const counts = classify(objects, { column: 'area', edges: '0, 10, 20', bin_below: true, bin_above: true, bin_names: 'low, a, b, high' }).counts;
    for (const bin of ['low', 'a', 'high']) expect(numbers(summary, `class_${bin}_mean`)).toEqual(numbers(counts, `class_${bin}_fraction`));
  });

  it('names the param or column at fault in one line', () => {
    const fails = (table: Table, params: Record<string, unknown>) => {
      try {
        classify(table, params);
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        expect((err as Error).message).not.toContain('\n');
        return (err as Error).message;
      }
      throw new Error('no error');
    };
    expect(fails(objects, { column: 'volume' })).toBe("classify-objects: param 'column': 'volume' is not a column of the table (number columns: label, area)");
    expect(fails(objects, { column: 'kind' })).toBe("classify-objects: param 'column': 'kind' holds text, not numbers (number columns: label, area)");
    expect(fails(objects, { edges: '0, 20, 10' })).toBe('classify-objects: Edges must be in ascending order, each larger than the one before, but 10 follows 20');
    expect(fails(objects, { edges: '0, 10, 10' })).toMatch(/ascending order.*but 10 follows 10$/);
    expect(fails(objects, { edges: '0, ten' })).toBe("classify-objects: Edges: 'ten' is not a number (give ascending numbers separated by commas, e.g. 100, 300)");
    expect(fails(objects, { edges: '1,,2' })).toMatch(/Edges: '' is not a number/);
    expect(fails(objects, { edges: '0x10' })).toMatch(/Edges: '0x10' is not a number/);
    expect(fails(objects, { edges: ' ' })).toBe('classify-objects: Edges is empty: give ascending numbers separated by commas, e.g. 100, 300');
    expect(fails(objects, { edges: '10' })).toBe("classify-objects: Edges '10' make no bin: give two or more edges, or switch on Bin below or Bin above");
    expect(fails(objects, { edges: '0, 10, 20', bin_names: 'G1, S, G2' })).toBe('classify-objects: Bin names gives 3 names for 2 bins (one name per bin, lowest first)');
    expect(fails(objects, { edges: '10', bin_below: true, bin_names: 'a, b' })).toMatch(/gives 2 names for 1 bin \(/);
    expect(fails(objects, { edges: '0, 10, 20', bin_names: 'G1, G1' })).toBe("classify-objects: Bin names: 'G1' is given twice");
    expect(fails(objects, { edges: '0, 10, 20', bin_names: 'G1, G2/M' })).toBe("classify-objects: Bin names: 'G2/M' may hold only letters, digits and _");
    expect(fails(objects, { bins: 'even', lower: 5, upper: 5 })).toBe('classify-objects: Lower limit (5) must be below Upper limit (5)');
    expect(fails(objects, { bins: 'even', lower: 6, upper: 5 })).toMatch(/Lower limit \(6\) must be below Upper limit \(5\)/);
    const classified = classify(objects, { edges: '0, 10, 20' }).table;
    expect(fails(classified, { edges: '0, 10, 20' })).toBe("classify-objects: the table already has a column 'class': choose another Result name");
    expect(fails(objects, { edges: '0, 10, 20', bin_names: 'kind, x', name: 'area' })).toMatch(/already has a column 'area'/);
    const textPlane = createTable([{ name: 'plane', values: ['z1'] }, { name: 'area', values: [1] }]);
    expect(fails(textPlane, {})).toBe("classify-objects: the table's 'plane' column holds text, not plane numbers");
    const oddPlane = createTable([{ name: 'plane', values: [0, 1.5] }, { name: 'area', values: [1, 2] }]);
    expect(fails(oddPlane, {})).toBe("classify-objects: the table's 'plane' column has 1.5 in row 2, not a plane number (0, 1, 2, …)");
    expect(() => classifyObjects.params.parse({ bin_count: 0 })).toThrow();
    expect(() => classifyObjects.params.parse({ name: '2x' })).toThrow();
  });

  it('on the nuclei of dsb2018 256: CellProfiler\'s bins and counts (scripts/reference/classify_objects.py)', () => {
    type Case = { params: Record<string, unknown>; label: number[]; values: number[]; bin: number[]; count: number; bin_count: number[]; bin_fraction: number[]; on_edge: number };
    const reference = JSON.parse(readFileSync(referencePath('measure', 'classify_objects.json'), 'utf8')) as Record<string, Case>;
    const f = loadMeasureFixture('dsb256');
    const labels = createLabels({ width: f.width, height: f.height }, f.labels);
    const image = createImage({ width: f.width, height: f.height }, 'uint8', f.intensity);
    const measured = runNode(measureObjects, { labels, image }, {}).table;
    expect(Object.keys(reference)).toEqual(['area_custom', 'area_custom_no_outer', 'integrated_even']);
    for (const [name, ref] of Object.entries(reference)) {
      expect(ref.on_edge, name).toBeGreaterThan(0); // objects lie exactly on edges, so the inclusive side is tested
      const { table, counts } = classify(measured, ref.params);
      expect(numbers(table, 'label'), name).toEqual(ref.label);
      expect(numbers(table, String(ref.params.column)), name).toEqual(ref.values);
      const names = counts.columns.filter((c) => c.name.endsWith('_count') && c.name.startsWith('class_')).map((c) => c.name.slice(6, -6));
      expect(names, name).toHaveLength(ref.bin_count.length);
      expect(classes(table), name).toEqual(ref.bin.map((k) => (k < 0 ? '' : names[k])));
      expect(numbers(counts, 'count'), name).toEqual([ref.count]);
      names.forEach((bin, k) => {
        expect(numbers(counts, `class_${bin}_count`), `${name} ${bin}`).toEqual([ref.bin_count[k]]);
        expect(numbers(counts, `class_${bin}_fraction`), `${name} ${bin}`).toEqual([ref.bin_fraction[k]]);
      });
    }
  });

  it('in a pipeline on real nuclei (nuclei-count on dsb2018 256): counts by a direct count over the measured areas', async () => {
    const result = await runExample(nodeRegistry, 'nuclei-count', 'dsb2018_256_uint8.tif', {
      nodes: [
        { id: 'classify', type: 'classify-objects', params: { column: 'area', edges: '50, 85, 150', bin_below: true, bin_names: 'debris, small, medium' } },
        { id: 'summary', type: 'summarize', params: { columns: 'class_debris, class_small, class_medium' } },
      ],
      edges: [
        { from: { node: 'measure', port: 'table' }, to: { node: 'classify', port: 'table' } },
        { from: { node: 'classify', port: 'table' }, to: { node: 'summary', port: 'table' } },
      ],
    });
    expect(result.error).toBeUndefined();
    const areas = numbers(result.values.get('measure')!.table as Table, 'area');
    const expected = {
      debris: areas.filter((a) => a <= 50).length,
      small: areas.filter((a) => a > 50 && a <= 85).length,
      medium: areas.filter((a) => a > 85 && a <= 150).length,
    };
    expect(areas.filter((a) => a === 50 || a === 85).length).toBeGreaterThan(0); // nuclei exactly on edges
    expect(expected.debris).toBeGreaterThan(0);
    expect(expected.small).toBeGreaterThan(0);
    expect(areas.filter((a) => a > 150).length).toBeGreaterThan(0); // some left without class
    const counts = result.values.get('classify')!.counts as Table;
    const summary = result.values.get('summary')!.table as Table;
    expect(numbers(counts, 'count')).toEqual([areas.length]);
    for (const [bin, n] of Object.entries(expected)) {
      expect(numbers(counts, `class_${bin}_count`), bin).toEqual([n]);
      expect(numbers(counts, `class_${bin}_fraction`)[0], bin).toBe(n / areas.length);
      expect(numbers(summary, `class_${bin}_mean`)[0], bin).toBeCloseTo(n / areas.length, 12);
    }
    expect(numbers(counts, 'unclassified_count')).toEqual([areas.length - expected.debris - expected.small - expected.medium]);
  });
});
