import { describe, expect, it } from 'vitest';
import { CsvTableLayout, CsvTableText } from './csv-table';

describe('CsvTableText', () => {
  it('the union of the columns in first-seen order; rows written before a column appeared are padded', () => {
    const t = new CsvTableText(['image']);
    t.append(['image', 'label', 'area'], [['a.tif', 1, 10], ['a.tif', 2, 20]]);
    t.append(['image', 'label', 'area', 'area_um2'], [['b.tif', 1, 30, 1.2]]);
    t.append(['image', 'area', 'label'], [['c.tif', 40, 1]]);
    // the same case as the runner's CsvTableWriter test (cli/table-writer.test.ts): one layout, one text
    expect(t.text()).toBe('image,label,area,area_um2\na.tif,1,10,\na.tif,2,20,\nb.tif,1,30,1.2\nc.tif,1,40,\n');
  });

  it('pads each run of rows by its own width', () => {
    const t = new CsvTableText(['image']);
    t.append(['image', 'x'], [['a', 1]]);
    t.append(['image', 'x', 'y'], [['b', 2, 3], ['b', 4, 5]]);
    t.append(['image', 'z'], [['c', 6]]);
    t.append(['image', 'x'], [['d', 7]]);
    expect(t.text()).toBe('image,x,y,z\na,1,,\nb,2,3,\nb,4,5,\nc,,,6\nd,7,,\n');
  });

  it('a table with no rows still adds its columns; no rows at all is the header alone', () => {
    const t = new CsvTableText(['image']);
    t.append(['image', 'label'], []);
    expect(t.text()).toBe('image,label\n');
    t.append(['image', 'area'], [['a', 5]]);
    expect(t.text()).toBe('image,label,area\na,,5\n');
    expect(new CsvTableText(['image']).text()).toBe('image\n');
  });

  it('quotes and empties cells as csvLine does', () => {
    const t = new CsvTableText(['image']);
    t.append(['image', 'v', 'name'], [['a,b.tif', NaN, 'say "hi"'], ['c.tif', null, 'two\nlines']]);
    expect(t.text()).toBe('image,v,name\n"a,b.tif",,"say ""hi"""\nc.tif,,two lines\n');
  });
});

describe('CsvTableLayout', () => {
  it('needs no padding while every row is as wide as the header', () => {
    const layout = new CsvTableLayout(['image']);
    expect(layout.rowsText(['image', 'x'], [['a', 1]])).toBe('a,1\n');
    expect(layout.needsPadding).toBe(false);
    expect(layout.rowsText(['x', 'image'], [[2, 'b']])).toBe('b,2\n');
    layout.rowsText(['image', 'y'], []);
    expect(layout.needsPadding).toBe(true);
    expect(layout.header()).toBe('image,x,y\n');
    const pad = layout.padder();
    expect([pad('a,1'), pad('b,2')]).toEqual(['a,1,', 'b,2,']);
  });
});
