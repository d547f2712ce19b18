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
import { fieldShown, fieldsOf } from '../../src/editor/params/fields';
import { classifyObjects, evenEdges, pairThresholds } from './classify-objects';
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

  // pair mode: a on 2 and b on 20 in rows 2-4; row 5 empty in a, row 6 empty in b
  const pairs = createTable(
    [
      { name: 'label', values: [1, 2, 3, 4, 5, 6, 7, 8] },
      { name: 'a', values: [1, 2, 1, 2, NaN, 3, 3, -1] },
      { name: 'b', values: [10, 20, 20, 19, 30, NaN, 25, 0] },
      { name: 'kind', values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] },
    ],
    emptyMeta('cells.tif'),
  );
  const pair = (table: Table, params: Record<string, unknown>) =>
    classify(table, { mode: 'pair', column: 'a', column_2: 'b', threshold_1: 'value', value_1: 2, threshold_2: 'value', value_2: 20, ...params });

  it('pair: high is value >= threshold (a value on it is high), 4 classes named <column>_low_<column 2>_high …; an empty value in either gives none', () => {
    const { table, counts } = pair(pairs, {});
    const names = ['a_low_b_low', 'a_low_b_high', 'a_high_b_low', 'a_high_b_high'];
    expect(table.columns.map((c) => c.name)).toEqual(['label', 'a', 'b', 'kind', 'class', ...names.map((n) => `class_${n}`)]);
    expect(classes(table)).toEqual(['a_low_b_low', 'a_high_b_high', 'a_low_b_high', 'a_high_b_low', '', '', 'a_high_b_high', 'a_low_b_low']);
    expect(numbers(table, 'class_a_high_b_high')).toEqual([0, 1, 0, 0, 0, 0, 1, 0]);
    expect(numbers(table, 'class_a_low_b_high')).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
    expect(table.meta.source).toBe('cells.tif');
    expect(counts.columns.map((c) => c.name)).toEqual([
      'count', ...names.map((n) => `class_${n}_count`), 'unclassified_count', ...names.map((n) => `class_${n}_fraction`),
      'class_threshold_1', 'class_threshold_2',
    ]);
    expect(numbers(counts, 'count')).toEqual([8]);
    expect(names.map((n) => numbers(counts, `class_${n}_count`)[0])).toEqual([2, 1, 1, 2]);
    expect(numbers(counts, 'unclassified_count')).toEqual([2]);
    expect(names.map((n) => numbers(counts, `class_${n}_fraction`)[0])).toEqual([2 / 8, 1 / 8, 1 / 8, 2 / 8]);
    expect([numbers(counts, 'class_threshold_1'), numbers(counts, 'class_threshold_2')]).toEqual([[2], [20]]);
    // a hair below the threshold is low
    const below = pair(pairs, { value_1: 2.000001, value_2: 20.000001 });
    expect(classes(below.table).slice(0, 4)).toEqual(['a_low_b_low', 'a_low_b_low', 'a_low_b_low', 'a_low_b_low']);
    // four names, in the order low_low, low_high, high_low, high_high (first word: Column)
    const named = pair(pairs, { class_names: 'LL, LH, HL, HH', name: 'group' });
    expect(classes(named.table, 'group')).toEqual(['LL', 'HH', 'LH', 'HL', '', '', 'HH', 'LL']);
    expect(named.counts.columns.map((c) => c.name).slice(1, 5)).toEqual(['group_LL_count', 'group_LH_count', 'group_HL_count', 'group_HH_count']);
    expect(numbers(named.counts, 'group_threshold_1')).toEqual([2]);
    // the single-mode params play no part in pair mode
    expect(classes(pair(pairs, { edges: 'nonsense', bin_names: 'x' }).table)).toEqual(classes(table));
  });

  it('pair: a mean or median threshold over the image\'s objects with a value (each measurement leaves out only its own empty values)', () => {
    // a without row 5: 1, 2, 1, 2, 3, 3, -1 → median 2, mean 11/7; b without row 6: 10, 20, 20, 19, 30, 25, 0 → median 20, mean 124/7
    const median = pair(pairs, { threshold_1: 'median', threshold_2: 'median', value_1: 100, value_2: 100 });
    expect(classes(median.table)).toEqual(classes(pair(pairs, {}).table));
    expect([numbers(median.counts, 'class_threshold_1'), numbers(median.counts, 'class_threshold_2')]).toEqual([[2], [20]]);
    const mean = pair(pairs, { threshold_1: 'mean', threshold_2: 'mean' });
    expect([numbers(mean.counts, 'class_threshold_1'), numbers(mean.counts, 'class_threshold_2')]).toEqual([[11 / 7], [124 / 7]]);
    expect(classes(mean.table)).toEqual(['a_low_b_low', 'a_high_b_high', 'a_low_b_high', 'a_high_b_high', '', '', 'a_high_b_high', 'a_low_b_low']);
    // mean is the default, as in CellProfiler; the value params are then unused
    const defaults = classify(pairs, { mode: 'pair', column: 'a', column_2: 'b' });
    expect(classes(defaults.table)).toEqual(classes(mean.table));
    // an even count's median is the mean of the two middle values
    expect(Array.from(pairThresholds(Float64Array.of(4, 1, NaN, 3, 10), undefined, 1, 'median', 0))).toEqual([3.5]);
    expect(Array.from(pairThresholds(Float64Array.of(NaN), undefined, 1, 'mean', 0))).toEqual([NaN]);
  });

  it('pair: a stack gets its mean or median thresholds plane by plane, and counts per plane', () => {
    const stack = createTable([
      { name: 'label', values: [1, 2, 3, 4, 5, 6] },
      { name: 'plane', values: [0, 0, 2, 2, 2, 3] },
      { name: 'a', values: [1, 3, 5, 6, 7, NaN] },
      { name: 'b', values: [10, 30, 1, 1, 2, 4] },
    ]);
    // plane 0: medians 2 (of 1, 3) and 20; plane 2: 6 and 1; plane 3: none in a, 4 in b
    const median = pair(stack, { threshold_1: 'median', threshold_2: 'median' });
    expect(classes(median.table)).toEqual(['a_low_b_low', 'a_high_b_high', 'a_low_b_high', 'a_high_b_high', 'a_high_b_high', '']);
    expect(numbers(median.counts, 'plane')).toEqual([0, 1, 2, 3]);
    expect(numbers(median.counts, 'count')).toEqual([2, 0, 3, 1]);
    expect(numbers(median.counts, 'class_a_low_b_low_count')).toEqual([1, 0, 0, 0]);
    expect(numbers(median.counts, 'class_a_low_b_high_count')).toEqual([0, 0, 1, 0]);
    expect(numbers(median.counts, 'class_a_high_b_high_count')).toEqual([1, 0, 2, 0]);
    expect(numbers(median.counts, 'unclassified_count')).toEqual([0, 0, 0, 1]);
    expect(numbers(median.counts, 'class_a_high_b_high_fraction')).toEqual([0.5, NaN, 2 / 3, 0]);
    expect(numbers(median.counts, 'class_threshold_1')).toEqual([2, NaN, 6, NaN]);
    expect(numbers(median.counts, 'class_threshold_2')).toEqual([20, NaN, 1, 4]);
    // plane 2's mean of b is 4/3: 1 is low there, though it is high by the median
    const mean = pair(stack, { threshold_1: 'mean', threshold_2: 'mean' });
    expect(numbers(mean.counts, 'class_threshold_2')).toEqual([20, NaN, 4 / 3, 4]);
    expect(classes(mean.table)).toEqual(['a_low_b_low', 'a_high_b_high', 'a_low_b_low', 'a_high_b_low', 'a_high_b_high', '']);
    // a number is the same for every plane
    expect(numbers(pair(stack, {}).counts, 'class_threshold_1')).toEqual([2, 2, 2, 2]);
    // an image without objects: count 0, empty fractions and mean / median
    const empty = pair(createTable([{ name: 'a', values: [] }, { name: 'b', values: [] }]), { threshold_1: 'median' });
    expect(column(empty.table, 'class').type).toBe('string');
    expect(numbers(empty.counts, 'count')).toEqual([0]);
    expect(numbers(empty.counts, 'class_a_low_b_low_fraction')).toEqual([NaN]);
    expect([numbers(empty.counts, 'class_threshold_1'), numbers(empty.counts, 'class_threshold_2')]).toEqual([[NaN], [20]]);
  });

  it('shows in the editor only the params of the chosen mode', () => {
    const fields = fieldsOf(classifyObjects.params);
    const shown = (params: Record<string, unknown>) => fields.filter((f) => fieldShown(f, params, fields)).map((f) => f.key);
    expect(shown({})).toEqual(['mode', 'column', 'bins', 'edges', 'bin_below', 'bin_above', 'bin_names', 'name']);
    expect(shown({ bins: 'even' })).toEqual(['mode', 'column', 'bins', 'bin_count', 'lower', 'upper', 'bin_below', 'bin_above', 'bin_names', 'name']);
    expect(shown({ mode: 'pair' })).toEqual(['mode', 'column', 'threshold_1', 'column_2', 'threshold_2', 'class_names', 'name']);
    expect(shown({ mode: 'pair', bins: 'even', threshold_2: 'value' })).toEqual([
      'mode', 'column', 'threshold_1', 'column_2', 'threshold_2', 'value_2', 'class_names', 'name',
    ]);
    expect(fields.find((f) => f.key === 'column_2')?.columnsFrom).toEqual(['table']);
    // an existing pipeline's params (no mode) still classify by one measurement
    expect(classifyObjects.params.parse({ column: 'area', edges: '0, 10' })).toMatchObject({ mode: 'single' });
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
    // single mode does not look at the pair params (column_2 defaults to mean_intensity, not in this table)
    expect(classes(classify(objects, { edges: '0, 10', column_2: 'volume', class_names: 'x' }).table)).toHaveLength(8);

    const pairFails = (table: Table, params: Record<string, unknown>) => fails(table, { mode: 'pair', column: 'a', column_2: 'b', ...params });
    expect(pairFails(pairs, { column: 'volume' })).toBe("classify-objects: param 'column': 'volume' is not a column of the table (number columns: label, a, b)");
    expect(pairFails(pairs, { column_2: 'volume' })).toBe("classify-objects: param 'column_2': 'volume' is not a column of the table (number columns: label, a, b)");
    expect(pairFails(pairs, { column_2: 'kind' })).toBe("classify-objects: param 'column_2': 'kind' holds text, not numbers (number columns: label, a, b)");
    expect(pairFails(pairs, { class_names: 'LL, LH, HL' })).toBe(
      'classify-objects: Class names gives 3 names for 4 classes (one per class, in the order low_low, low_high, high_low, high_high)',
    );
    expect(pairFails(pairs, { class_names: 'all' })).toMatch(/Class names gives 1 name for 4 classes \(/);
    expect(pairFails(pairs, { class_names: 'LL, LH, HL, HH, X' })).toMatch(/gives 5 names for 4 classes/);
    expect(pairFails(pairs, { class_names: 'LL, LH, LL, HH' })).toBe("classify-objects: Class names: 'LL' is given twice");
    expect(pairFails(pairs, { class_names: 'LL, LH, HL, H-H' })).toBe("classify-objects: Class names: 'H-H' may hold only letters, digits and _");
    expect(pairFails(pair(pairs, {}).table, {})).toBe("classify-objects: the table already has a column 'class': choose another Result name");
    expect(pairFails(pairs, { class_names: 'LL, LH, HL, kind', name: 'label' })).toMatch(/already has a column 'label'/);
    expect(pairFails(createTable([{ name: 'plane', values: ['z1'] }, { name: 'a', values: [1] }, { name: 'b', values: [1] }]), {})).toBe(
      "classify-objects: the table's 'plane' column holds text, not plane numbers",
    );
    expect(pairFails(createTable([{ name: 'plane', values: [-1] }, { name: 'a', values: [1] }, { name: 'b', values: [1] }]), {})).toBe(
      "classify-objects: the table's 'plane' column has -1 in row 1, not a plane number (0, 1, 2, …)",
    );
    expect(() => classifyObjects.params.parse({ mode: 'both' })).toThrow();
    expect(() => classifyObjects.params.parse({ mode: 'pair', threshold_1: 'max' })).toThrow();
    expect(() => classifyObjects.params.parse({ mode: 'pair', value_2: 'high' })).toThrow();
  });

  it('on the nuclei of dsb2018 256: CellProfiler\'s bins and counts (scripts/reference/classify_objects.py)', () => {
    type Case = { params: Record<string, unknown>; label: number[]; values: number[]; bin: number[]; count: number; bin_count: number[]; bin_fraction: number[]; on_edge: number };
    const reference = JSON.parse(readFileSync(referencePath('measure', 'classify_objects.json'), 'utf8')) as Record<string, Case>;
    const f = loadMeasureFixture('dsb256');
    const labels = createLabels({ width: f.width, height: f.height }, f.labels);
    const image = createImage({ width: f.width, height: f.height }, 'uint8', f.intensity);
    const measured = runNode(measureObjects, { labels, image }, {}).table;
    expect(Object.keys(reference)).toEqual([
      'area_custom', 'area_custom_no_outer', 'integrated_even', 'pair_area_value_intensity_median', 'pair_area_median_intensity_mean',
    ]);
    for (const [name, ref] of Object.entries(reference).filter(([key]) => !key.startsWith('pair_'))) {
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

  it('on the nuclei of dsb2018 256, pair mode: CellProfiler\'s thresholds, classes and counts (scripts/reference/classify_objects.py)', () => {
    type Case = {
      params: Record<string, unknown>; label: number[]; values_1: number[]; values_2: number[]; threshold_1: number; threshold_2: number;
      class: number[]; count: number; class_count: number[]; class_fraction: number[]; on_threshold_1: number; on_threshold_2: number;
    };
    const reference = JSON.parse(readFileSync(referencePath('measure', 'classify_objects.json'), 'utf8')) as Record<string, Case>;
    const f = loadMeasureFixture('dsb256');
    const labels = createLabels({ width: f.width, height: f.height }, f.labels);
    const image = createImage({ width: f.width, height: f.height }, 'uint8', f.intensity);
    const measured = runNode(measureObjects, { labels, image }, {}).table;
    const cases = Object.entries(reference).filter(([key]) => key.startsWith('pair_'));
    expect(cases).toHaveLength(2);
    for (const [name, ref] of cases) {
      const { table, counts } = classify(measured, ref.params);
      expect(numbers(table, 'label'), name).toEqual(ref.label);
      expect(numbers(table, 'area'), name).toEqual(ref.values_1);
      expect(numbers(table, 'mean_intensity'), name).toEqual(ref.values_2);
      const thresholds = [numbers(counts, 'class_threshold_1')[0], numbers(counts, 'class_threshold_2')[0]];
      [ref.threshold_1, ref.threshold_2].forEach((t, i) => {
        const kind = ref.params[`threshold_${i + 1}`];
        // numpy sums a mean pairwise, we in order: equal to the last bits; a number or median is exact
        if (kind === 'mean') {
          expect(thresholds[i], `${name} threshold ${i + 1}`).toBeCloseTo(t, 10);
          const values = i === 0 ? ref.values_1 : ref.values_2;
          expect(values.every((v) => Math.abs(v - t) > 1e-9), `${name}: no value near the mean`).toBe(true);
        } else {
          expect(thresholds[i], `${name} threshold ${i + 1}`).toBe(t);
          expect(i === 0 ? ref.on_threshold_1 : ref.on_threshold_2, `${name}: objects on threshold ${i + 1}`).toBeGreaterThan(0);
        }
      });
      const names = counts.columns.filter((c) => c.name.startsWith('class_') && c.name.endsWith('_count')).map((c) => c.name.slice(6, -6));
      expect(names, name).toHaveLength(4);
      expect(classes(table), name).toEqual(ref.class.map((k) => (k < 0 ? '' : names[k])));
      expect(numbers(counts, 'count'), name).toEqual([ref.count]);
      names.forEach((c, k) => {
        expect(numbers(counts, `class_${c}_count`), `${name} ${c}`).toEqual([ref.class_count[k]]);
        expect(numbers(counts, `class_${c}_fraction`), `${name} ${c}`).toEqual([ref.class_fraction[k]]);
      });
      expect(ref.class_count.every((n) => n > 0), `${name}: every class has nuclei`).toBe(true);
    }
    expect(classes(classify(measured, reference.pair_area_value_intensity_median.params).table)).toContain('area_high_mean_intensity_low');
    expect(classes(classify(measured, reference.pair_area_median_intensity_mean.params).table)).toContain('large_dim');
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
