import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../io/csv';
import { CsvTableWriter } from './table-writer';

const dir = mkdtempSync(join(tmpdir(), 'cellgraph-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('csvCell', () => {
  it('writes numbers exactly, NaN and null as empty, and quotes only when needed', () => {
    expect(csvLine([1, 0.1 + 0.2, NaN, null, 'a', 'b,c', 'say "hi"', ' pad'])).toBe('1,0.30000000000000004,,,a,"b,c","say ""hi"""," pad"\n');
    expect(csvCell('line\nbreak')).toBe('line break');
    expect(csvCell(1e-7)).toBe('1e-7');
  });
});

describe('CsvTableWriter', () => {
  it('pads a body of more than one read chunk without breaking characters that straddle two chunks', () => {
    const path = join(dir, 'wide.csv');
    const w = new CsvTableWriter(path, ['image']);
    // 'é' is 2 bytes in UTF-8 and the lines have odd lengths, so some 1 MiB chunk boundary splits one
    const name = `x${'é'.repeat(500)}.tif`;
    const rows = Array.from({ length: 3000 }, (_, i) => [name, i]);
    w.append(['image', 'label'], rows);
    w.append(['image', 'label', 'area'], [['b.tif', 1, 5]]);
    w.finish();
    const expected = `image,label,area\n${rows.map(([n, i]) => `${n},${i},\n`).join('')}b.tif,1,5\n`;
    expect(Buffer.byteLength(expected)).toBeGreaterThan(2 << 20);
    expect(readFileSync(path, 'utf8') === expected).toBe(true);
  });

  it('appears only when finished, with the union of columns and shorter rows padded', () => {
    const path = join(dir, 'objects.csv');
    const w = new CsvTableWriter(path, ['image']);
    w.append(['image', 'label', 'area'], [['a.tif', 1, 10], ['a.tif', 2, 20]]);
    expect(readdirSync(dir).includes('objects.csv')).toBe(false);
    w.append(['image', 'label', 'area', 'area_um2'], [['b.tif', 1, 30, 1.2]]);
    w.append(['image', 'area', 'label'], [['c.tif', 40, 1]]);
    w.finish();
    expect(readFileSync(path, 'utf8')).toBe(
      'image,label,area,area_um2\na.tif,1,10,\na.tif,2,20,\nb.tif,1,30,1.2\nc.tif,1,40,\n',
    );
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('leaves nothing behind when aborted', () => {
    const path = join(dir, 'aborted.csv');
    const w = new CsvTableWriter(path, ['image']);
    w.append(['image', 'x'], [['a', 1]]);
    w.abort();
    expect(readdirSync(dir).filter((f) => f.startsWith('aborted'))).toEqual([]);
  });
});
