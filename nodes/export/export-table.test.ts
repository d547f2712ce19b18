// export-table passes its table on and names the CSV; the runner gathers every image's rows into
// <out>/<name>.csv with a first column `image`. The CSV itself is checked through the built CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTable } from '../../src/core/table';
import { testContext } from '../../src/testing/context';
import { imagePath, REPO_ROOT } from '../../src/testing/paths';
import { exportTable } from './export-table';

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-export-table-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('export-table node', () => {
  it('takes a file name without folders, default "table"', () => {
    expect(exportTable.params.parse({})).toEqual({ name: 'table' });
    expect(exportTable.params.parse({ name: 'nuclei_2024-06.v2' })).toEqual({ name: 'nuclei_2024-06.v2' });
    for (const bad of ['../x', 'a/b', 'a\\b', '', '.hidden', 'x'.repeat(101)]) {
      expect(exportTable.params.safeParse({ name: bad }).success, bad).toBe(false);
    }
    expect(exportTable.sink).toBe('table');
  });

  it('passes the table through unchanged', () => {
    const table = createTable([{ name: 'area', values: [1, 2] }]);
    const out = exportTable.run({ table }, exportTable.params.parse({}), testContext()) as { table: unknown };
    expect(out.table).toBe(table);
  });

  it('the runner writes <out>/<name>.csv: column image first, every image in input order, numbers exact', () => {
    const pipeline = JSON.parse(readFileSync(join(REPO_ROOT, 'pipelines', 'nuclei-count.json'), 'utf8'));
    pipeline.nodes.find((n: { id: string }) => n.id === 'export').params.name = 'objects';
    const file = join(tmp, 'p.json');
    writeFileSync(file, JSON.stringify(pipeline));
    const inputs = [imagePath('dsb2018_256_uint8.tif'), imagePath('blobs.tif')];
    const out = join(tmp, 'out');
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'cellgraph.mjs'), 'run', file, ...inputs, '--out', out, '--no-cache'], {
      encoding: 'utf8', timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(out, 'objects.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 3)).toEqual(['image', 'label', 'area']);
    const images = lines.slice(1).map((l) => l.split(',')[0]);
    const firstBlobs = images.indexOf('blobs.tif');
    expect(firstBlobs).toBeGreaterThan(0);
    expect(images.slice(0, firstBlobs).every((n) => n === 'dsb2018_256_uint8.tif')).toBe(true);
    expect(images.slice(firstBlobs).every((n) => n === 'blobs.tif')).toBe(true);
    // labels restart at 1 for each image, and numbers are written in shortest exact form
    expect(lines[1].split(',')[1]).toBe('1');
    expect(lines[firstBlobs + 1].split(',')[1]).toBe('1');
    const eccentricity = lines[1].split(',')[header.indexOf('eccentricity')];
    expect(String(Number(eccentricity))).toBe(eccentricity);
  });

  it('states its conventions', () => {
    for (const words of ['<name>.csv', '`image`', 'full precision', 'empty cells']) expect(exportTable.description).toContain(words);
  });
});
