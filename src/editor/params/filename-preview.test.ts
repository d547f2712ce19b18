import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import { createTable } from '../../core/table';
import { testContext } from '../../testing/context';
import { previewFilenamePattern } from './filename-preview';

describe('the metadata-from-filename pattern previewed on file names', () => {
  test('each name gets the groups the node would add, or no match', () => {
    const preview = previewFilenamePattern('(?<plate>[^_]+)_(?<well>[A-P]\\d{2})_s(?<site>\\d+)', [{ name: 'P1_B03_s2.tif' }, { name: 'notes.png' }]);
    expect(preview).toEqual({
      groups: ['plate', 'well', 'site'],
      rows: [
        { name: 'P1_B03_s2.tif', values: { plate: 'P1', well: 'B03', site: '2' } },
        { name: 'notes.png', values: undefined },
      ],
    });
    // the node itself adds the same values as columns
    const def = nodeRegistry.get('metadata-from-filename')!;
    const table = createTable([{ name: 'area', values: [4] }], { source: 'P1_B03_s2.tif', extra: {} });
    const out = def.run({ table } as never, def.params.parse({}), testContext()) as unknown as { table: { columns: { name: string; values: unknown }[] } };
    expect(out.table.columns.slice(1).map((c) => [c.name, (c.values as string[])[0]])).toEqual([['plate', 'P1'], ['well', 'B03'], ['site', '2']]);
  });

  test('with Match folder-and-name: "<folder>/<name>" for images added as a folder; the others say their folder is not known', () => {
    const preview = previewFilenamePattern('^(?<condition>[^/]+)/', [{ name: 'img_1.tif', folder: 'treated' }, { name: 'loose.tif' }], 'folder-and-name');
    expect(preview).toEqual({
      groups: ['condition'],
      rows: [
        { name: 'treated/img_1.tif', values: { condition: 'treated' } },
        { name: 'loose.tif', error: "the folder of 'loose.tif' is not known (in the editor, add the images as a folder, not one by one)" },
      ],
    });
    // by file name, a folder-added image is still shown with its folder but matched on its name alone
    expect(previewFilenamePattern('^(?<condition>[^/]+)/', [{ name: 'img_1.tif', folder: 'treated' }])).toEqual({ groups: ['condition'], rows: [{ name: 'treated/img_1.tif', values: undefined }] });
  });

  test('a pattern that cannot work says why, in one line, as the node would', () => {
    expect(previewFilenamePattern('(?<well>[A-P', [{ name: 'a.tif' }])).toEqual({ error: expect.stringMatching(/^the pattern is not a valid regular expression/) });
    expect(previewFilenamePattern('well', [{ name: 'a.tif' }])).toEqual({ error: expect.stringMatching(/has no named group/) });
    expect(previewFilenamePattern('(?<a>x+)+', [{ name: 'a.tif' }])).toEqual({ error: expect.stringMatching(/repeats a group/) });
  });
});
