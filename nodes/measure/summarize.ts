import { z } from 'zod';
import { copyMeta, type Table } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable, requireNumberColumn, type ColumnInput } from '../../src/core/table';

/** Mean, median and population standard deviation of the non-NaN values (NaN when there are none). */
export function summaryStats(values: Float64Array): { mean: number; median: number; std: number } {
  const v = values.filter((x) => !Number.isNaN(x)).sort();
  const n = v.length;
  if (n === 0) return { mean: NaN, median: NaN, std: NaN };
  let sum = 0;
  for (const x of v) sum += x;
  const mean = sum / n;
  let ss = 0;
  for (const x of v) ss += (x - mean) * (x - mean);
  const median = n % 2 ? v[(n - 1) >> 1] : (v[n / 2 - 1] + v[n / 2]) / 2;
  return { mean, median, std: Math.sqrt(ss / n) };
}

function chosenColumns(table: Table, names: string): string[] {
  const numeric = table.columns.filter((c) => c.type === 'number').map((c) => c.name);
  const wanted = names.split(',').map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0) return numeric.filter((n) => n !== 'label');
  for (const name of wanted) requireNumberColumn(table, name, "summarize: param 'columns'");
  return wanted;
}

export const summarize = defineNode({
  type: 'summarize',
  version: 1,
  category: 'Measure',
  label: 'Summarize per image',
  aliases: ['ExportToSpreadsheet (per image)', 'Summarize'],
  description:
    'Turns an object table (one row per object) into one row for the image: count (the number of rows), ' +
    'then for each chosen column <column>_mean, <column>_median and <column>_std (population standard ' +
    'deviation, ddof = 0, as numpy.std and CellProfiler\'s per-image Mean/Median/StDev). Empty values ' +
    '(NaN) are left out; a column without values gives empty results. Columns: the comma-separated names ' +
    'given, or every number column except label when left empty. Connect it to export-table: running a ' +
    'batch, the file gets one row per image, next to the object tables.',
  inputs: { table: port.table({ label: 'Object table' }) },
  outputs: { table: port.table({ label: 'Summary' }) },
  params: z.object({
    columns: z
      .string()
      .default('')
      .meta({ label: 'Columns', description: 'Comma-separated column names to summarize (empty: every number column except label).', columnsFrom: ['table'], columnList: true }),
  }),
  run: ({ table }, { columns }) => {
    const out: ColumnInput[] = [{ name: 'count', values: [table.rows] }];
    for (const name of chosenColumns(table, columns)) {
      const column = table.columns.find((c) => c.name === name)!;
      const s = summaryStats(column.values as Float64Array);
      const unit = column.type === 'number' ? column.unit : undefined;
      for (const [stat, value] of [['mean', s.mean], ['median', s.median], ['std', s.std]] as const) {
        out.push(unit ? { name: `${name}_${stat}`, values: [value], unit } : { name: `${name}_${stat}`, values: [value] });
      }
    }
    return { table: createTable(out, copyMeta(table.meta)) };
  },
});
