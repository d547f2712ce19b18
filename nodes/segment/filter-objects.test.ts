import { describe, expect, it } from 'vitest';
import { imageFromRows, labelsFromRows, type Labels, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { createTable } from '../../src/core/table';
import { testContext } from '../../src/testing/context';
import { measureObjects } from '../measure/measure-objects';
import { filterObjects } from './filter-objects';

const DEFAULTS = filterObjects.params.parse({});

function filter(labels: Labels, params: Partial<typeof DEFAULTS>, measurements?: Table): Labels {
  const inputs = { labels, measurements } as { labels: Labels; measurements: Table };
  return (filterObjects.run(inputs, { ...DEFAULTS, ...params }, testContext()) as { labels: Labels }).labels;
}

const LABELS = [
  [1, 1, 0, 0, 0, 0],
  [1, 0, 0, 2, 2, 0],
  [0, 0, 0, 2, 2, 0],
  [0, 4, 0, 0, 0, 0],
  [0, 0, 0, 0, 5, 5],
];

describe('filter-objects', () => {
  it('by area, as before: keeps min_area <= area <= max_area, renumbered in order', () => {
    const out = filter(labelsFromRows(LABELS), { min_area: 2, max_area: 3 });
    expect(out.count).toBe(2);
    expect(Array.from(out.data)).toEqual([
      1, 1, 0, 0, 0, 0,
      1, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 2, 2,
    ]);
  });

  it('removes whole objects touching the image edge', () => {
    const out = filter(labelsFromRows(LABELS), { remove_border: true });
    expect(out.count).toBe(2); // 2 and 4 stay; 1 (top-left corner) and 5 (bottom edge) go
    expect(out.data[1 * 6 + 3]).toBe(1);
    expect(out.data[3 * 6 + 1]).toBe(2);
  });

  it('by any measured column, from measure-objects\' table', () => {
    const labels = labelsFromRows(LABELS);
    const image = imageFromRows(LABELS.map((r) => r.map((v) => v * 10)), 'uint8');
    const { table } = measureObjects.run({ labels, image } as never, measureObjects.params.parse({}), testContext()) as { table: Table };
    // mean intensity is 10 × label: keep 20..45 → labels 2 and 4
    const out = filter(labels, { measurement: 'mean_intensity', min_value: 20, max_value: 45 }, table);
    expect(out.count).toBe(2);
    expect(out.data[1 * 6 + 3]).toBe(1);
    expect(out.data[3 * 6 + 1]).toBe(2);
    // one bound only
    expect(filter(labels, { measurement: 'area', min_value: 3 }, table).count).toBe(2);
    expect(filter(labels, { measurement: 'area', max_value: 1 }, table).count).toBe(1);
  });

  it('removes objects missing from the table or with an empty value', () => {
    const labels = labelsFromRows(LABELS);
    const table = createTable([{ name: 'label', values: [1, 2, 4] }, { name: 'score', values: [1, NaN, 1] }]);
    const out = filter(labels, { measurement: 'score', min_value: 0 }, table);
    expect(out.count).toBe(2); // 1 and 4 kept; 2 is NaN, 5 is missing
  });

  it('says what is wrong in one line', () => {
    const labels = labelsFromRows(LABELS);
    expect(() => filter(labels, { measurement: 'area' })).toThrow(new UserError("filter-objects: Measurement is 'area' but no measurements table is connected"));
    const table = createTable([{ name: 'label', values: [1] }, { name: 'area', values: [3] }]);
    expect(() => filter(labels, { measurement: 'solidity' }, table)).toThrow(/filter-objects: param 'measurement': 'solidity' is not a column of the table \(number columns: label, area\)/);
    expect(() => filter(labels, { measurement: 'area', min_value: 5, max_value: 1 }, table)).toThrow(UserError);
    expect(() => filter(labels, { min_area: 5, max_area: 1 })).toThrow(UserError);
  });
});
