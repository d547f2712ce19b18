// join-tables: measurements of the same objects side by side (a left join on label, and plane for stacks).
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createImage, createLabels, emptyMeta, type Image, type Labels, type Table } from '../../src/core/image';
import { column, createTable } from '../../src/core/table';
import { loadMeasureFixture } from '../../src/imaging/regionprops/reference-fixtures';
import { runNode } from '../../src/testing/run-node';
import { joinTables } from './join-tables';
import { measureGranularity } from './measure-granularity';
import { measureObjects } from './measure-objects';
import { measureRadialDistribution } from './measure-radial-distribution';
import { measureTexture } from './measure-texture';

const join = (tables: { a: Table; b: Table; c?: Table; d?: Table }, params: Record<string, unknown> = {}) => runNode(joinTables, tables, params).table;
const values = (t: Table, name: string) => Array.from(column(t, name).values as ArrayLike<number | string>);

describe('join-tables', () => {
  const shape = createTable(
    [
      { name: 'label', values: [3, 1, 2] },
      { name: 'area', values: [30, 10, 20], unit: 'px²' },
      { name: 'mean_intensity', values: [0.3, 0.1, 0.2] },
    ],
    emptyMeta('cells.tif'),
  );
  const texture = createTable([
    { name: 'label', values: [1, 2, 4] },
    { name: 'contrast', values: [5, 6, 7] },
    { name: 'mean_intensity', values: [9, 8, 7] },
  ]);
  const classes = createTable([
    { name: 'label', values: [2, 3] },
    { name: 'class', values: ['big', 'huge'] },
  ]);

  it("keeps A's rows and order; others join by label, missing cells empty, objects only in B left out", () => {
    const t = join({ a: shape, b: texture, c: classes });
    expect(t.columns.map((c) => c.name)).toEqual(['label', 'area', 'mean_intensity', 'contrast', 'mean_intensity_b', 'class']);
    expect(values(t, 'label')).toEqual([3, 1, 2]);
    expect(values(t, 'contrast')).toEqual([NaN, 5, 6]);
    expect(values(t, 'mean_intensity_b')).toEqual([NaN, 9, 8]);
    expect(values(t, 'class')).toEqual(['huge', '', 'big']);
    expect(t.columns[1]).toMatchObject({ unit: 'px²' });
    expect(t.meta.source).toBe('cells.tif');
  });

  it('matches by plane too when both tables have one (stacks); per-image tables of one row join', () => {
    const a = createTable([{ name: 'label', values: [1, 1] }, { name: 'plane', values: [0, 1] }, { name: 'x', values: [1, 2] }]);
    const b = createTable([{ name: 'label', values: [1, 1] }, { name: 'plane', values: [1, 0] }, { name: 'y', values: [20, 10] }]);
    expect(values(join({ a, b }), 'y')).toEqual([10, 20]);
    const perImage = join({ a: createTable([{ name: 'count', values: [7] }]), b: createTable([{ name: 'area_mean', values: [3.5] }]) });
    expect(perImage.columns.map((c) => [c.name, c.values[0]])).toEqual([['count', 7], ['area_mean', 3.5]]);
  });

  it('refuses, in one line, a table with an object twice, a taken name without a suffix, and tables that cannot match', () => {
    const fails = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        return (err as Error).message;
      }
      throw new Error('no error');
    };
    const twice = createTable([{ name: 'label', values: [1, 1] }, { name: 'z', values: [1, 2] }]);
    expect(fails(() => join({ a: shape, b: twice }))).toBe('join-tables: table B has two rows for object 1');
    expect(fails(() => join({ a: shape, b: texture }, { suffix_b: '' }))).toBe(
      "join-tables: column 'mean_intensity' of table B is also in an earlier table: give Suffix B to tell them apart",
    );
    expect(fails(() => join({ a: shape, b: createTable([{ name: 'count', values: [1] }]) }))).toMatch(/both need a 'label' column/);
  });

  it('on the 65 annotated DSB2018 nuclei: shape, texture, radial distribution and granularity in one row per nucleus, values as each table', () => {
    const f = loadMeasureFixture('dsb256');
    const labels: Labels = createLabels({ width: f.width, height: f.height }, f.labels);
    const image: Image = createImage({ width: f.width, height: f.height }, 'uint8', Uint8Array.from(f.intensity as ArrayLike<number>));
    const objects = runNode(measureObjects, { labels, image }, {}).table;
    const texture = runNode(measureTexture, { labels, image }, {}).table;
    const radial = runNode(measureRadialDistribution, { labels, image }, {}).table;
    const granularity = runNode(measureGranularity, { labels, image }, {}).objects;
    const joined = join({ a: objects, b: texture, c: radial, d: granularity });
    expect(joined.rows).toBe(65);
    for (const [source, name] of [[texture, texture.columns[1].name], [radial, 'frac_at_d_1of4'], [granularity, 'granularity_3']] as const) {
      const byLabel = new Map(values(source, 'label').map((l, i) => [l, column(source, name).values[i]]));
      expect(values(joined, name), name).toEqual(values(joined, 'label').map((l) => byLabel.get(l)));
    }
    expect(joined.columns.length).toBe(objects.columns.length + texture.columns.length + radial.columns.length + granularity.columns.length - 3);
  });
});
