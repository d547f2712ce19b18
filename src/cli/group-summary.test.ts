// --group-by summaries: a tiny exact case, then end to end with metadata-from-filename over copies of
// real images named like a plate (P1_A01_s1.tif …), checked against the exported table itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellgraph } from '../testing/cli';
import { writePlate } from '../testing/plate';
import { describeValues, GroupSummary, groupFileName } from './group-summary';
import { readCsvRecords } from '../testing/csv';

describe('GroupSummary', () => {
  it('counts images and rows per group; mean, median and n-1 std of numeric columns, empty cells skipped', () => {
    const g = new GroupSummary('well');
    g.add('a.tif', ['label', 'area', 'well', 'note'], [[1, 10, 'A01', 'x'], [2, 20, 'A01', 'y'], [3, NaN, 'A01', null]]);
    g.add('b.tif', ['label', 'area', 'well', 'note'], [[1, 30, 'B02', 'z']]);
    g.add('c.tif', ['label', 'area', 'well'], [[1, 40, 'A01'], [2, null, 'A01']]);
    expect(g.result()).toEqual({
      header: ['well', 'images', 'rows', 'label_mean', 'label_median', 'label_std', 'area_mean', 'area_median', 'area_std'],
      rows: [
        ['A01', 2, 5, 9 / 5, 2, Math.sqrt(((1 - 1.8) ** 2 * 2 + (2 - 1.8) ** 2 * 2 + (3 - 1.8) ** 2) / 4), 70 / 3, 20, Math.sqrt(((10 - 70 / 3) ** 2 + (20 - 70 / 3) ** 2 + (40 - 70 / 3) ** 2) / 2)],
        ['B02', 1, 1, 1, 1, null, 30, 30, null],
      ],
    });
  });

  it('groups by the value as the CSV writes it; rows with no value belong to no group (as pandas dropna)', () => {
    const g = new GroupSummary('site');
    g.add('a.tif', ['label', 'site'], [[1, 1], [2, '1'], [3, null], [4, ''], [5, NaN]]);
    g.add('b.tif', ['label'], [[1]]);
    g.add('c.tif', ['label', 'site'], [[1, '2']]);
    expect(g.result()).toEqual({
      header: ['site', 'images', 'rows', 'label_mean', 'label_median', 'label_std'],
      rows: [
        [1, 1, 2, 1.5, 1.5, Math.SQRT1_2],
        ['2', 1, 1, 1, 1, null],
      ],
    });
  });

  it('a column with text in any row is not summarised, also when that row has no group', () => {
    const g = new GroupSummary('well');
    g.add('a.tif', ['well', 'area', 'note'], [['A01', 5, 7]]);
    g.add('b.tif', ['area', 'note'], [[6, 'bad']]);
    expect(g.result()!.header).toEqual(['well', 'images', 'rows', 'area_mean', 'area_median', 'area_std']);
  });

  it('gives no table when no row has the column', () => {
    const g = new GroupSummary('well');
    g.add('a.tif', ['area'], [[1]]);
    expect(g.result()).toBeUndefined();
  });

  it('describeValues: even-length median, one value has no std, none has nothing', () => {
    expect(describeValues([4, 1, 3, 2])).toEqual([2.5, 2.5, Math.sqrt(5 / 3)]);
    expect(describeValues([7])).toEqual([7, 7, null]);
    expect(describeValues([])).toEqual([null, null, null]);
    expect(groupFileName('nuclei', 'well id')).toBe('nuclei_by_well_id.csv');
  });
});

describe('cellgraph run --group-by well on a plate of real images', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-group-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const out = join(tmp, 'out');
  let result: { code: number | null; stderr: string; stdout: string };

  beforeAll(() => {
    const plate = writePlate(tmp);
    result = cellgraph(['run', plate.pipeline, plate.images, '--out', out, '--group-by', 'well', '--group-by', 'site']);
  });

  const csv = (file: string) => readCsvRecords(join(out, file));

  it('succeeds and writes one summary per column', () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nuclei_by_well.csv');
    expect(result.stdout).toContain('nuclei_by_site.csv');
  });

  it('the per-well numbers are those of the exported rows of each well', () => {
    const nuclei = csv('nuclei.csv');
    const byWell = csv('nuclei_by_well.csv');
    expect(byWell.map((r) => r.well)).toEqual(['A01', 'B02']);
    for (const row of byWell) {
      const areas = nuclei.filter((n) => n.well === row.well).map((n) => Number(n.area));
      expect(Number(row.rows)).toBe(areas.length);
      expect(Number(row.images)).toBe(row.well === 'A01' ? 2 : 1);
      const mean = areas.reduce((a, b) => a + b, 0) / areas.length;
      expect(Number(row.area_mean)).toBeCloseTo(mean, 9);
      const sorted = [...areas].sort((a, b) => a - b);
      const mid = sorted.length / 2;
      expect(Number(row.area_median)).toBe(sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2);
      const std = Math.sqrt(areas.reduce((a, v) => a + (v - mean) ** 2, 0) / (areas.length - 1));
      expect(Number(row.area_std)).toBeCloseTo(std, 9);
    }
  });

  it('groups by site too (s1 holds two images, one from each well)', () => {
    const bySite = csv('nuclei_by_site.csv');
    expect(bySite.map((r) => [r.site, r.images])).toEqual([['1', '2'], ['2', '1']]);
  });
});
