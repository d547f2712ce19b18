import { z } from 'zod';
import { copyMeta, type Column } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { MAX_NAME_LENGTH, compileFilenamePattern, matchFile } from '../../src/imaging/filename-metadata';

const WHAT = "metadata-from-filename: param 'pattern'";

export const metadataFromFilename = defineNode({
  type: 'metadata-from-filename',
  version: 1,
  category: 'Measure',
  label: 'Metadata from file name',
  aliases: ['Metadata'],
  description:
    'Adds columns taken from the image\'s file name to a table, so results can be grouped by plate, well, ' +
    'site, condition or time point. The pattern is a regular expression (JavaScript syntax) with named ' +
    'groups, (?<name>…); Python\'s (?P<name>…) is accepted too. It is searched for in the file name ' +
    'without folders, extension included (anchor with ^ and $ to match the whole name), or with "Match" set ' +
    'to folder and file name, in "<folder>/<file name>", the folder being the name of the folder the file ' +
    'is in (not its whole path): (?<condition>[^/]+)/ on "treated/img_001.tif" adds condition = treated. ' +
    'The editor knows the folder of images added as a folder, not of files picked or dropped one by one. ' +
    'Each named group ' +
    'becomes a text column, its value repeated on every row, in the order the groups appear; a group ' +
    'that takes no part in the match gives an empty value. The values are also stored in the table\'s ' +
    'metadata. Example: (?<plate>[^_]+)_(?<well>[A-P]\\d{2})_s(?<site>\\d+) on "P1_B03_s2.tif" adds ' +
    'plate = P1, well = B03, site = 2. The file name is that of the connected image, else the one the ' +
    `table was measured from. For safety, names longer than ${MAX_NAME_LENGTH} characters and patterns ` +
    'that repeat a repeating group, like (a+)+, are refused.',
  inputs: {
    table: port.table(),
    image: port.raster({ label: 'Image (for its file name)', optional: true }),
  },
  outputs: { table: port.table() },
  params: z.object({
    pattern: z
      .string()
      .default('(?<plate>[^_]+)_(?<well>[A-P]\\d{2})_s(?<site>\\d+)')
      .meta({ label: 'Pattern', description: 'Regular expression with named groups (?<name>…); each group becomes a column.' }),
    match: z
      .enum(['name', 'folder-and-name'])
      .default('name')
      .meta({
        label: 'Match',
        description: 'name: the file name. folder-and-name: "<folder>/<file name>", the folder being the one the file is in (e.g. treated/img_001.tif).',
      }),
    no_match: z
      .enum(['error', 'empty'])
      .default('error')
      .meta({
        label: 'When the name does not match',
        description: 'error: the image fails with a message naming the file. empty: the columns are added with empty values.',
      }),
  }),
  run: ({ table, image }, { pattern, match, no_match: noMatch }) => {
    const compiled = compileFilenamePattern(pattern, WHAT);
    for (const g of compiled.groups) {
      if (table.columns.some((c) => c.name === g)) {
        throw new UserError(`${WHAT}: group '${g}' has the name of an existing column; rename the group`);
      }
    }
    const meta = image?.meta.source !== undefined ? image.meta : table.meta;
    if (meta.source === undefined) throw new UserError('metadata-from-filename: the image has no file name to read');
    let matched: ReturnType<typeof matchFile>;
    try {
      matched = matchFile(compiled, meta.source, meta.folder, match);
    } catch (err) {
      throw err instanceof UserError ? new UserError(`metadata-from-filename: ${err.message}`) : err;
    }
    let { values } = matched;
    if (!values) {
      if (noMatch === 'error') throw new UserError(`metadata-from-filename: the file name '${matched.text}' does not match the pattern ${pattern}`);
      values = Object.fromEntries(compiled.groups.map((g) => [g, '']));
    }
    const added: Column[] = compiled.groups.map((g) => ({ name: g, type: 'string', values: new Array<string>(table.rows).fill(values[g]) }));
    const out = copyMeta(table.meta);
    Object.assign(out.extra, values);
    return { table: { kind: 'table', rows: table.rows, columns: [...table.columns, ...added], meta: out } };
  },
});
