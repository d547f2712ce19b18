import { describe, expect, it } from 'vitest';
import { labelsFromRows, type Labels, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { createTable, numberColumn } from '../../src/core/table';
import { testContext } from '../../src/testing/context';
import { relateObjects } from './relate-objects';

const run = (parents: Labels, children: Labels, measurements?: Table) =>
  relateObjects.run({ parents, children, measurements }, {}, testContext()) as { children: Table; parents: Table };

describe('relate-objects', () => {
  it('gives each child the parent it overlaps most, and each parent its child count', () => {
    const parents = labelsFromRows([
      [1, 1, 1, 0, 4, 4, 4, 7],
      [1, 1, 1, 0, 4, 4, 4, 7],
    ]);
    const children = labelsFromRows([
      [3, 3, 0, 0, 0, 9, 0, 0],
      [0, 0, 6, 6, 6, 6, 0, 0],
    ]);
    // child 6 covers 1 pixel of parent 1 and 2 of parent 4; child 9 one of parent 4
    const r = run(parents, children);
    expect(Array.from(numberColumn(r.children, 'label'))).toEqual([3, 6, 9]);
    expect(Array.from(numberColumn(r.children, 'parent'))).toEqual([1, 4, 4]);
    expect(Array.from(numberColumn(r.children, 'overlap'))).toEqual([2, 2, 1]);
    expect(Array.from(numberColumn(r.parents, 'label'))).toEqual([1, 4, 7]);
    expect(Array.from(numberColumn(r.parents, 'children'))).toEqual([1, 2, 0]);
  });

  it('a child outside every parent has parent 0; ties go to the lower parent label', () => {
    const r = run(labelsFromRows([[0, 0, 5, 2]]), labelsFromRows([[1, 0, 8, 8]]));
    expect(Array.from(numberColumn(r.children, 'parent'))).toEqual([0, 2]);
  });

  it('refuses images of different sizes', () => {
    expect(() => run(labelsFromRows([[1, 1]]), labelsFromRows([[1]]))).toThrow(UserError);
  });

  describe('with the children\'s measurements', () => {
    // parents 1 | 4 | 7; children 3 (in 1), 6 and 9 (in 4), none in 7
    const parents = labelsFromRows([[1, 1, 1, 0, 4, 4, 4, 7]]);
    const children = labelsFromRows([[3, 3, 0, 0, 6, 0, 9, 0]]);

    it('adds each parent\'s mean of every numeric column, NaN for a parent without children', () => {
      const m = createTable([
        { name: 'label', values: [9, 3, 6] },
        { name: 'area', values: [1, 2, 5], unit: 'px' },
        { name: 'mean_intensity', values: [0.25, 0.5, NaN] },
        { name: 'kind', values: ['a', 'b', 'c'] },
      ]);
      const r = run(parents, children, m);
      expect(r.parents.columns.map((c) => c.name)).toEqual(['label', 'children', 'mean_area', 'mean_mean_intensity']);
      expect(Array.from(numberColumn(r.parents, 'mean_area'))).toEqual([2, 3, NaN]);
      // child 6's missing intensity is skipped: parent 4's mean is child 9's alone
      expect(Array.from(numberColumn(r.parents, 'mean_mean_intensity'))).toEqual([0.5, 0.25, NaN]);
      expect(r.parents.columns.find((c) => c.name === 'mean_area')).toMatchObject({ unit: 'px' });
      // without measurements the tables are as before
      expect(run(parents, children).parents.columns.map((c) => c.name)).toEqual(['label', 'children']);
    });

    it('does not average the plane number of a stack\'s rows', () => {
      const m = createTable([{ name: 'label', values: [3, 6] }, { name: 'plane', values: [0, 0] }, { name: 'area', values: [2, 4] }]);
      expect(run(parents, children, m).parents.columns.map((c) => c.name)).toEqual(['label', 'children', 'mean_area']);
    });

    it('refuses measurements of other objects, or without labels, in one line', () => {
      const other = createTable([{ name: 'label', values: [3, 12] }, { name: 'area', values: [1, 1] }]);
      expect(() => run(parents, children, other)).toThrow(/label 12, which is not an object of the children image/);
      expect(() => run(parents, children, other)).toThrow(UserError);
      const unlabelled = createTable([{ name: 'area', values: [1] }]);
      expect(() => run(parents, children, unlabelled)).toThrow(/no numeric 'label' column \(columns: area\)/);
    });
  });
});
