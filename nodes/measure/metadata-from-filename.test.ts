import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyMeta, imageFromRows, type Raster, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { column, createTable } from '../../src/core/table';
import { testContext } from '../../src/testing/context';
import { cellgraph } from '../../src/testing/cli';
import { readCsvRecords } from '../../src/testing/csv';
import { imagePath } from '../../src/testing/paths';
import { metadataFromFilename } from './metadata-from-filename';

const table = (source?: string, rows = 3) =>
  createTable([{ name: 'label', values: Array.from({ length: rows }, (_, i) => i + 1) }], emptyMeta(source));
const run = (t: Table, params: Record<string, unknown> = {}, image?: Raster) =>
  // the image port is optional, but its declared type does not say so
  (metadataFromFilename.run({ table: t, image: image as Raster }, metadataFromFilename.params.parse(params), testContext()) as { table: Table }).table;

describe('metadata-from-filename node', () => {
  it('adds one text column per named group, repeated on every row', () => {
    const out = run(table('plate1/P1_B03_s2.tif'));
    expect(out.columns.map((c) => c.name)).toEqual(['label', 'plate', 'well', 'site']);
    expect(column(out, 'well')).toEqual({ name: 'well', type: 'string', values: ['B03', 'B03', 'B03'] });
    expect(column(out, 'site').values).toEqual(['2', '2', '2']);
    expect(out.meta.extra).toMatchObject({ plate: 'P1', well: 'B03', site: '2' });
    expect(out.rows).toBe(3);
  });

  it('prefers the connected image\'s file name and keeps string columns on an empty table', () => {
    const image = imageFromRows([[0]]);
    image.meta.source = 'Q7_C11_s9.tif';
    const out = run(table('P1_B03_s2.tif', 0), {}, image);
    expect(column(out, 'plate')).toEqual({ name: 'plate', type: 'string', values: [] });
    expect(out.meta.extra.plate).toBe('Q7');
  });

  it('fails on a name that does not match, or fills empty values when asked', () => {
    expect(() => run(table('notes.tif'))).toThrow(UserError);
    expect(() => run(table('notes.tif'))).toThrow("the file name 'notes.tif' does not match the pattern");
    expect(column(run(table('notes.tif'), { no_match: 'empty' }), 'well').values).toEqual(['', '', '']);
  });

  it('names the param for a bad pattern or a group that clashes with a column', () => {
    expect(() => run(table('a.tif'), { pattern: '(?<x' })).toThrow("metadata-from-filename: param 'pattern' is not a valid regular expression");
    expect(() => run(table('1.tif'), { pattern: '(?<label>\\d)' })).toThrow("group 'label' has the name of an existing column");
  });

  it('says when there is no file name', () => {
    expect(() => run(table(undefined))).toThrow('metadata-from-filename: the image has no file name to read');
  });

  it('with Match folder-and-name, reads "<folder>/<file name>": the folder of the image, else of the table', () => {
    const withFolder = table('img_001.tif');
    withFolder.meta.folder = 'treated';
    const params = { pattern: '^(?<condition>[^/]+)/img_(?<n>\\d+)', match: 'folder-and-name' };
    expect(run(withFolder, params).meta.extra).toMatchObject({ condition: 'treated', n: '001' });
    const image = imageFromRows([[0]]);
    image.meta.source = 'img_007.tif';
    image.meta.folder = 'control';
    expect(column(run(withFolder, params, image), 'condition').values).toEqual(['control', 'control', 'control']);
    // the folder is only read when asked: by default the same pattern sees the file name alone
    expect(() => run(withFolder, { pattern: params.pattern })).toThrow("the file name 'img_001.tif' does not match");
    expect(() => run(table('img_001.tif'), params)).toThrow(
      "metadata-from-filename: the folder of 'img_001.tif' is not known (in the editor, add the images as a folder, not one by one)",
    );
  });
});

/** load → measure-image → metadata-from-filename (these params) → export 'stats'. */
const statsWithMetadata = (params: Record<string, unknown>) => ({
  format: 'cellgraph-pipeline', version: 1, name: 'stats with metadata',
  nodes: [
    { id: 'load', type: 'load-image', params: { channels: 'gray' } },
    { id: 'stats', type: 'measure-image', params: {} },
    { id: 'md', type: 'metadata-from-filename', params },
    { id: 'export', type: 'export-table', params: { name: 'stats' } },
  ],
  edges: [
    { from: { node: 'load', port: 'image' }, to: { node: 'stats', port: 'image' } },
    { from: { node: 'stats', port: 'table' }, to: { node: 'md', port: 'table' } },
    { from: { node: 'md', port: 'table' }, to: { node: 'export', port: 'table' } },
  ],
});

describe('metadata-from-filename in cellgraph run', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-metadata-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('two files of identical bytes and different names each get their own plate and well, with a node cache too', () => {
    // keyed by the bytes alone, the second file's load came from the cache with the first one's name
    mkdirSync(join(tmp, 'in'));
    for (const name of ['P1_B03_s1.tif', 'P2_C04_s2.tif']) copyFileSync(imagePath('blobs.tif'), join(tmp, 'in', name));
    writeFileSync(join(tmp, 'p.json'), JSON.stringify(statsWithMetadata({})));
    for (const extra of [['--cache', join(tmp, 'cache')], ['--no-cache']]) {
      const out = join(tmp, `out-${extra[0]}`);
      const r = cellgraph(['run', join(tmp, 'p.json'), join(tmp, 'in'), '--out', out, '--jobs', '1', ...extra]);
      expect(r.code, r.stderr).toBe(0);
      expect(readCsvRecords(join(out, 'stats.csv')).map((row) => [row.image, row.plate, row.well, row.site])).toEqual([
        ['P1_B03_s1.tif', 'P1', 'B03', '1'],
        ['P2_C04_s2.tif', 'P2', 'C04', '2'],
      ]);
    }
  });

  it('a folder per condition: the condition from the folder name; same-named files in two folders kept apart, also in the cache and on resume', () => {
    for (const [condition, file] of [['control', 'blobs.tif'], ['treated', 'dsb2018_256_uint8.tif']]) {
      mkdirSync(join(tmp, 'exp', condition), { recursive: true });
      copyFileSync(imagePath('blobs.tif'), join(tmp, 'exp', condition, 'img_000.tif')); // identical bytes in both
      copyFileSync(imagePath(file), join(tmp, 'exp', condition, 'img_001.tif'));
    }
    writeFileSync(join(tmp, 'conditions.json'), JSON.stringify(statsWithMetadata({ pattern: '^(?<condition>[^/]+)/', match: 'folder-and-name' })));
    const out = join(tmp, 'out-conditions');
    // run from the experiment's folder, as a user would type it; the folder names are the same from anywhere
    const args = ['run', join(tmp, 'conditions.json'), 'control', 'treated', '--out', out, '--jobs', '1', '--cache', join(tmp, 'cache2'), '--group-by', 'condition'];
    for (const pass of ['first', 'resumed']) {
      const r = cellgraph(args, join(tmp, 'exp'));
      expect(r.code, `${pass}: ${r.stderr}`).toBe(0);
      expect(readCsvRecords(join(out, 'stats.csv')).map((row) => [row.image, row.condition])).toEqual([
        ['control/img_000.tif', 'control'],
        ['control/img_001.tif', 'control'],
        ['treated/img_000.tif', 'treated'],
        ['treated/img_001.tif', 'treated'],
      ]);
      expect(readCsvRecords(join(out, 'stats_by_condition.csv')).map((row) => [row.condition, row.images])).toEqual([
        ['control', '2'],
        ['treated', '2'],
      ]);
    }
  });
});
