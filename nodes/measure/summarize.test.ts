import { describe, expect, it } from 'vitest';
import { emptyMeta, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { createTable, numberColumn } from '../../src/core/table';
import { testContext } from '../../src/testing/context';
import { summarize } from './summarize';

const run = (table: Table, columns = '') => (summarize.run({ table }, { columns }, testContext()) as { table: Table }).table;
const objects = createTable([
  { name: 'label', values: [1, 2, 3, 4] },
  { name: 'area', values: [10, 20, 30, 100], unit: 'px²' },
  { name: 'score', values: [1, NaN, 3, 5] },
], emptyMeta('a.tif'));

describe('summarize', () => {
  it('gives count and mean/median/std of every number column but label, in one row', () => {
    const t = run(objects);
    expect(t.rows).toBe(1);
    expect(t.columns.map((c) => c.name)).toEqual(['count', 'area_mean', 'area_median', 'area_std', 'score_mean', 'score_median', 'score_std']);
    expect(numberColumn(t, 'count')[0]).toBe(4);
    expect(numberColumn(t, 'area_mean')[0]).toBe(40);
    expect(numberColumn(t, 'area_median')[0]).toBe(25);
    expect(numberColumn(t, 'area_std')[0]).toBeCloseTo(Math.sqrt((900 + 400 + 100 + 3600) / 4), 12);
    expect(t.columns[1]).toMatchObject({ unit: 'px²' });
    // NaN left out
    expect(numberColumn(t, 'score_mean')[0]).toBe(3);
    expect(numberColumn(t, 'score_median')[0]).toBe(3);
    expect(t.meta.source).toBe('a.tif');
  });

  it('summarizes only the chosen columns; an empty table gives count 0 and empty statistics', () => {
    expect(run(objects, 'score').columns.map((c) => c.name)).toEqual(['count', 'score_mean', 'score_median', 'score_std']);
    const empty = run(createTable([{ name: 'label', values: [] }, { name: 'area', values: [] }]), 'area');
    expect(numberColumn(empty, 'count')[0]).toBe(0);
    expect(numberColumn(empty, 'area_mean')[0]).toBeNaN();
  });

  it('names a missing column in one line', () => {
    expect(() => run(objects, 'area, perimeter')).toThrow(UserError);
    expect(() => run(objects, 'perimeter')).toThrow(/summarize: param 'columns': 'perimeter' is not a column of the table \(number columns: label, area, score\)/);
  });
});
