import { describe, expect, it } from 'vitest';
import { labelsFromRows, type Labels } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { testContext } from '../../src/testing/context';
import { tertiaryObjects } from './tertiary-objects';

const run = (cells: Labels, nuclei: Labels) => (tertiaryObjects.run({ cells, nuclei }, {}, testContext()) as { cytoplasm: Labels }).cytoplasm;

describe('tertiary-objects', () => {
  it('removes the nuclei from the cells, keeping the cell labels', () => {
    const cells = labelsFromRows([
      [2, 2, 2, 0, 5, 5],
      [2, 2, 2, 0, 5, 5],
    ]);
    const nuclei = labelsFromRows([
      [0, 2, 0, 0, 5, 5],
      [0, 2, 0, 0, 5, 5],
    ]);
    const out = run(cells, nuclei);
    expect(Array.from(out.data)).toEqual([2, 0, 2, 0, 0, 0, 2, 0, 2, 0, 0, 0]);
    expect(out.count).toBe(5); // cell 5 has no cytoplasm: its label is simply absent
  });

  it('refuses images of different sizes', () => {
    expect(() => run(labelsFromRows([[1, 1]]), labelsFromRows([[1]]))).toThrow(UserError);
  });
});
