import { describe, expect, it } from 'vitest';
import type { BatchRecord } from '../core/batch-record';
import type { Provenance } from '../core/image';
import { batchFiles, BatchTables } from './batch-tables';
import { CsvTableText } from './csv-table';

const provenance = (image: string): Provenance => ({ cellgraph: '0.1.0', pipeline: 'P', steps: [{ id: 'export', type: 'export-table', version: 1, params: { name: 'cells' } }], inputs: [{ name: image, hash: `h-${image}` }] });

const records: BatchRecord[] = [
  {
    image: 'a.tif', status: 'ok', summary: { 'label.count': 2, 'threshold.threshold': 0.5 }, durationMs: 12,
    tables: { cells: { columns: [{ name: 'label' }, { name: 'area', unit: 'px' }], rows: [[1, 10], [2, null]], provenance: provenance('a.tif') } },
  },
  { image: 'bad, file.tif', status: 'error', error: "node 'load': not a TIFF", summary: {}, tables: {}, durationMs: 3 },
  {
    image: 'c.tif', status: 'ok', summary: { 'label.count': 1, 'threshold.threshold': null }, durationMs: 7,
    tables: {
      cells: { columns: [{ name: 'label' }, { name: 'area', unit: 'px' }, { name: 'well' }], rows: [[1, 30, 'B2']], provenance: provenance('c.tif') },
      // a table the pipeline does not export is not written
      other: { columns: [{ name: 'x' }], rows: [[1]] },
    },
  },
];

describe('batchFiles', () => {
  it('each table as one CSV, image first, columns united, rows in record order; images.csv one row per image', () => {
    const files = batchFiles(records, ['cells'], ['threshold.threshold', 'label.count'], { name: 'P' });
    expect(files.map((f) => f.fileName)).toEqual(['cells.csv', 'cells.provenance.json', 'images.csv']);
    expect(files[0].text).toBe('image,label,area,well\na.tif,1,10,\na.tif,2,,\nc.tif,1,30,B2\n');
    expect(files[2].text).toBe(
      'image,status,error,threshold.threshold,label.count,duration_ms\n' +
        'a.tif,ok,,0.5,2,12\n' +
        '"bad, file.tif",error,node \'load\': not a TIFF,,,3\n' +
        'c.tif,ok,,,1,7\n',
    );
    const sidecar = JSON.parse(files[1].text);
    expect(sidecar).toMatchObject({ table: 'cells.csv', name: 'P', pipeline: { name: 'P' } });
    expect(sidecar.images).toEqual([{ image: 'a.tif', inputs: [{ name: 'a.tif', hash: 'h-a.tif' }] }, { image: 'c.tif', inputs: [{ name: 'c.tif', hash: 'h-c.tif' }] }]);
    expect(sidecar.columns).toEqual([{ name: 'label', type: 'number' }, { name: 'area', type: 'number', unit: 'px' }, { name: 'well', type: 'string' }]);
  });

  it('a table no image reached is its header alone', () => {
    const files = batchFiles([records[1]], ['cells'], [], undefined);
    expect(files[0].text).toBe('image\n');
    expect(files[2].text).toBe('image,status,error,duration_ms\n"bad, file.tif",error,node \'load\': not a TIFF,3\n');
  });
});

describe('BatchTables', () => {
  it('hands each table\'s rows to its sink as they come', () => {
    const appended: string[][] = [];
    const tables = new BatchTables(['cells'], [], () => ({ append: (columns: string[]) => void appended.push(columns) }));
    tables.add(records[0]);
    tables.add(records[2]);
    expect(appended).toEqual([['image', 'label', 'area'], ['image', 'label', 'area', 'well']]);
    expect(new BatchTables(['cells'], [], () => new CsvTableText(['image'])).tables.get('cells')!.text()).toBe('image\n');
  });
});
