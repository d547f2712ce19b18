import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { labelsFromRows, type Labels } from '../../src/core/image';
import { labelsFromNpy, manifest } from '../../src/imaging/reference-fixtures';
import { testContext } from '../../src/testing/context';
import { filterObjects, NO_MAX_AREA } from './filter-objects';

const filter = (labels: Labels, params: unknown): Labels =>
  (filterObjects.run({ labels }, filterObjects.params.parse(params), testContext()) as { labels: Labels }).labels;

describe('filter-objects node', () => {
  // areas: label 1 → 1 px, 2 → 3 px, 3 → 2 px, 4 → 4 px
  const labels = labelsFromRows([
    [1, 0, 2, 2],
    [0, 0, 2, 0],
    [3, 3, 0, 4],
    [0, 4, 4, 4],
  ]);

  it('defaults keep everything; areas must be whole, non-negative numbers', () => {
    expect(filterObjects.params.parse({})).toMatchObject({ min_area: 0, max_area: NO_MAX_AREA, remove_border: false });
    expect(Array.from(filter(labels, {}).data)).toEqual(Array.from(labels.data));
    for (const bad of [{ min_area: -1 }, { min_area: 2.5 }, { max_area: 'big' }]) {
      expect(filterObjects.params.safeParse(bad).success).toBe(false);
    }
  });

  it('keeps min_area <= area <= max_area (both ends included) and renumbers 1..n in order', () => {
    const out = filter(labels, { min_area: 2, max_area: 3 });
    expect(Array.from(out.data)).toEqual([0, 0, 1, 1, 0, 0, 1, 0, 2, 2, 0, 0, 0, 0, 0, 0]);
    expect(out.count).toBe(2);
  });

  it('refuses min_area > max_area with one line naming both', () => {
    expect(() => filter(labels, { min_area: 5, max_area: 2 })).toThrow(UserError);
    expect(() => filter(labels, { min_area: 5, max_area: 2 })).toThrow(/min_area \(5\) must not be larger than max_area \(2\)/);
  });

  it.each(manifest.seg.map((c) => [c.case, c] as const))('%s equals the skimage reference', (_name, c) => {
    const out = filter(labelsFromNpy(c.labels8), { min_area: c.min_area, max_area: c.max_area });
    expect(out.count).toBe(c.count_filtered);
    expect(Array.from(out.data)).toEqual(Array.from(labelsFromNpy(c.filtered).data));
  });

  it('states its conventions', () => {
    for (const words of ['min_area <= area <= max_area', 'number of pixels', '1, 2, 3']) {
      expect(filterObjects.description).toContain(words);
    }
  });
});
