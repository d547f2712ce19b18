import { z } from 'zod';
import { copyMeta, type Column } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** "treatment=DMSO; dose=10 µM" → [['treatment', 'DMSO'], ['dose', '10 µM']]; errors name the entry. */
export function parseEntries(text: string): [string, string][] {
  const entries: [string, string][] = [];
  for (const part of text.split(/[;\n]/).map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq).trim();
    if (eq < 0 || !KEY.test(key)) {
      throw new UserError(`add-metadata: param 'entries': '${part}' is not key=value with a key of letters, digits and _`);
    }
    if (entries.some(([k]) => k === key)) throw new UserError(`add-metadata: param 'entries': key '${key}' is given twice`);
    entries.push([key, part.slice(eq + 1).trim()]);
  }
  return entries;
}

export const addMetadata = defineNode({
  type: 'add-metadata',
  version: 1,
  category: 'Measure',
  label: 'Add metadata',
  aliases: ['Metadata'],
  description:
    'Adds your own facts about the experiment (treatment, dose, operator, batch…) to a table: each ' +
    'key=value entry becomes a text column, its value repeated on every row, and is stored in the table\'s ' +
    'metadata (shown in the editor\'s inspector and kept in the provenance sidecar). Entries are separated ' +
    'by ";" or new lines, e.g. "treatment=DMSO; dose=10 µM". Keys use letters, digits and _ and must not ' +
    'repeat an existing column; values are kept as written (spaces around them trimmed). For values that ' +
    'differ per image, read them from the file name with "Metadata from file name", or set this node\'s ' +
    'entries per run with `cellgraph run --set NODE.entries=…`.',
  inputs: { table: port.table() },
  outputs: { table: port.table() },
  params: z.object({
    entries: z
      .string()
      .max(10_000)
      .default('')
      .meta({ label: 'Entries', description: 'key=value pairs separated by ";" or new lines, e.g. treatment=DMSO; dose=10 µM.' }),
  }),
  run: ({ table }, { entries }) => {
    const pairs = parseEntries(entries);
    for (const [key] of pairs) {
      if (table.columns.some((c) => c.name === key)) {
        throw new UserError(`add-metadata: param 'entries': key '${key}' is already a column of the table; use another name`);
      }
    }
    const added: Column[] = pairs.map(([key, value]) => ({ name: key, type: 'string', values: new Array<string>(table.rows).fill(value) }));
    const meta = copyMeta(table.meta);
    for (const [key, value] of pairs) meta.extra[key] = value;
    return { table: { kind: 'table', rows: table.rows, columns: [...table.columns, ...added], meta } };
  },
});
