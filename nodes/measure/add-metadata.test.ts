import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createTable } from '../../src/core/table';
import { runNode } from '../../src/testing/run-node';
import { addMetadata, parseEntries } from './add-metadata';

const objects = () => createTable([{ name: 'label', values: [1, 2, 3] }, { name: 'area', values: [10, 20, 30] }]);

describe('add-metadata', () => {
  it('adds each entry as a text column on every row and to the table metadata', () => {
    const { table } = runNode(addMetadata, { table: objects() }, { entries: 'treatment=DMSO; dose = 10 µM\noperator=A. N. Other' });
    expect(table.columns.map((c) => c.name)).toEqual(['label', 'area', 'treatment', 'dose', 'operator']);
    expect(table.columns[2]).toEqual({ name: 'treatment', type: 'string', values: ['DMSO', 'DMSO', 'DMSO'] });
    expect(table.columns[3].values).toEqual(['10 µM', '10 µM', '10 µM']);
    expect(table.meta.extra).toMatchObject({ treatment: 'DMSO', dose: '10 µM', operator: 'A. N. Other' });
  });

  it('leaves the input table unchanged and passes it through when there are no entries', () => {
    const input = objects();
    const { table } = runNode(addMetadata, { table: input }, { entries: 'a=1' });
    expect(input.columns).toHaveLength(2);
    expect(input.meta.extra).toEqual({});
    expect(table.rows).toBe(3);
    expect(runNode(addMetadata, { table: input }, {}).table.columns).toHaveLength(2);
  });

  it('an empty table keeps zero rows but gains the columns', () => {
    const { table } = runNode(addMetadata, { table: createTable([{ name: 'label', values: [] }]) }, { entries: 'well=B03' });
    expect(table.rows).toBe(0);
    expect(table.columns.map((c) => c.name)).toEqual(['label', 'well']);
  });

  it('refuses malformed entries, repeated keys and existing column names in one line naming the param', () => {
    expect(() => parseEntries('treatment DMSO')).toThrow(UserError);
    expect(() => parseEntries('2x=1')).toThrow(/param 'entries': '2x=1' is not key=value/);
    expect(() => parseEntries('a=1; a=2')).toThrow(/key 'a' is given twice/);
    expect(() => runNode(addMetadata, { table: objects() }, { entries: 'area=big' })).toThrow(/key 'area' is already a column/);
    expect(parseEntries('url=http://x?a=b')).toEqual([['url', 'http://x?a=b']]);
  });
});
