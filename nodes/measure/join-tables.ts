import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, type Column, type Table } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { matchRowsByLabel } from '../../src/core/table';

const NODE = 'join-tables';
const KEYS = new Set(['label', 'plane']);
const SUFFIX = /^[A-Za-z0-9_]*$/;

/** The columns of `table` laid out on A's rows (`match`: A's row → table's row, -1 none); missing cells empty. */
function alignedColumns(table: Table, match: Int32Array, suffix: string, taken: Set<string>, input: string): Column[] {
  const out: Column[] = [];
  for (const c of table.columns) {
    if (KEYS.has(c.name)) continue;
    const name = taken.has(c.name) ? `${c.name}${suffix}` : c.name;
    if (taken.has(name)) {
      throw new UserError(`${NODE}: column '${c.name}' of table ${input.toUpperCase()} is also in an earlier table${suffix ? ` (and so is '${name}')` : ''}: give Suffix ${input.toUpperCase()} to tell them apart`);
    }
    taken.add(name);
    out.push(
      c.type === 'number'
        ? { name, type: 'number', values: Float64Array.from(match, (r) => (r < 0 ? NaN : c.values[r])), ...(c.unit ? { unit: c.unit } : {}) }
        : { name, type: 'string', values: Array.from(match, (r) => (r < 0 ? '' : c.values[r])) },
    );
  }
  return out;
}

export const joinTables = defineNode({
  type: NODE,
  version: 1,
  category: 'Measure',
  label: 'Join tables',
  aliases: ['ExportToSpreadsheet (one table per object)', 'Merge tables'],
  description: [
    'Puts the measurements of the same objects from several tables side by side, one row per object: e.g. ' +
      'shape and intensity (measure-objects), texture, granularity and radial distribution of the same cells, ' +
      'so a profile is one table (as CellProfiler writes all measurements of an object set to one sheet).',
    'Rows are table A\'s, in its order; a row of B, C or D joins the row of A with the same label (and the same ' +
      'plane when both tables have a plane column, i.e. for stacks) — pandas A.merge(B, on=["label"], how="left"). ' +
      'An object of A missing from another table gets empty cells there; objects only in the other tables are ' +
      'left out, so connect as A the table that has every object. Two per-image tables (one row each, no label) ' +
      'join into one row. A table with an object twice is refused.',
    'Columns: A\'s, then each other table\'s without its label and plane. A column whose name is already taken ' +
      'gets that table\'s Suffix (pandas\' suffixes), e.g. mean_intensity_b; with an empty suffix it is refused.',
  ].join('\n'),
  inputs: {
    a: port.table({ label: 'Table A' }),
    b: port.table({ label: 'Table B' }),
    c: port.table({ label: 'Table C', optional: true }),
    d: port.table({ label: 'Table D', optional: true }),
  },
  outputs: { table: port.table() },
  params: z.object({
    suffix_b: z.string().regex(SUFFIX, 'letters, digits and _').default('_b').meta({ label: 'Suffix B', description: 'Added to a column of B whose name is taken.' }),
    suffix_c: z.string().regex(SUFFIX, 'letters, digits and _').default('_c').meta({ label: 'Suffix C', description: 'Added to a column of C whose name is taken.' }),
    suffix_d: z.string().regex(SUFFIX, 'letters, digits and _').default('_d').meta({ label: 'Suffix D', description: 'Added to a column of D whose name is taken.' }),
  }),
  run: ({ a, b, c, d }, params) => {
    const taken = new Set(a.columns.map((col) => col.name));
    const columns = [...a.columns];
    for (const [input, table, suffix] of [['b', b, params.suffix_b], ['c', c, params.suffix_c], ['d', d, params.suffix_d]] as const) {
      if (!table) continue;
      const match = matchRowsByLabel(a, table, NODE, `table ${input.toUpperCase()}`);
      columns.push(...alignedColumns(table, match, suffix, taken, input));
    }
    return { table: { kind: 'table', rows: a.rows, columns, meta: copyMeta(a.meta) } };
  },
});
