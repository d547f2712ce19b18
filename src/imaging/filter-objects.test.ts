import { describe, expect, it } from 'vitest';
import { labelsFromRows } from '../core/image';
import { UserError } from '../core/errors';
import { filterObjectsByArea, objectAreas } from './filter-objects';
import { labelsFromNpy, manifest } from './reference-fixtures';

describe('filterObjectsByArea', () => {
  const labels = labelsFromRows([
    [1, 1, 0, 3],
    [1, 0, 0, 3],
    [0, 5, 5, 3],
    [0, 5, 5, 3],
  ]);

  it('counts areas per label', () => {
    expect(Array.from(objectAreas(labels))).toEqual([5, 3, 0, 4, 0, 4]);
  });

  it('keeps min <= area <= max and renumbers in label order', () => {
    const out = filterObjectsByArea(labels, 4, 4);
    expect(out.count).toBe(2);
    expect(Array.from(out.data)).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0, 2, 2, 1, 0, 2, 2, 1]);
    expect(filterObjectsByArea(labels, 0, 1e9).count).toBe(3);
    expect(filterObjectsByArea(labels, 5, 10).count).toBe(0);
  });

  it('min_area > max_area is a UserError naming both', () => {
    expect(() => filterObjectsByArea(labels, 10, 5)).toThrow(UserError);
    expect(() => filterObjectsByArea(labels, 10, 5)).toThrow(/min_area.*max_area/);
  });

  it.each(manifest.seg.map((c) => [c.case, c] as const))('%s matches the reference', (_name, c) => {
    const out = filterObjectsByArea(labelsFromNpy(c.labels8), c.min_area, c.max_area);
    expect(out.count).toBe(c.count_filtered);
    expect(Array.from(out.data)).toEqual(Array.from(labelsFromNpy(c.filtered).data));
  });
});
