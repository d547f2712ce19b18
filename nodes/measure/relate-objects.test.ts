import { describe, expect, it } from 'vitest';
import { labelsFromRows, type Labels, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { numberColumn } from '../../src/core/table';
import { testContext } from '../../src/testing/context';
import { relateObjects } from './relate-objects';

const run = (parents: Labels, children: Labels) =>
  relateObjects.run({ parents, children }, {}, testContext()) as { children: Table; parents: Table };

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
});
