// `--group-by COLUMN`: per-group summaries of each exported table, written as
// DIR/<table>_by_<column>.csv. Rows are grouped by the value of COLUMN (typically one added by
// metadata-from-filename: plate, well, condition); each group gets its number of images and rows
// and, for every numeric column, the mean, median and sample standard deviation (n − 1, as pandas'
// groupby().std()) of its non-empty values. Groups are in order of first appearance (input order).
// A group is a value as the CSV writes it (so the number 1 and the text "1" are one group, as they
// are in the file), and rows with no value in COLUMN belong to no group (as pandas' groupby, dropna):
// so `cellgraph merge --group-by` computes the same from the tables' CSV as the run from its rows.
import { join } from 'node:path';
import { csvCell, csvLine, type Cell } from '../io/csv';
import { writeAtomic } from './atomic-write';

interface Group {
  value: Cell;
  images: Set<string>;
  rows: number;
  /** Values of each numeric column, by column name. */
  values: Map<string, number[]>;
}

export interface GroupTable {
  header: string[];
  rows: Cell[][];
}

/** Collects one table's rows as images finish, then summarises them per group. */
export class GroupSummary {
  private groups = new Map<string, Group>();
  /** Columns in first-seen order; a column is numeric while every non-empty value in it is a number. */
  private columns = new Map<string, { numeric: boolean }>();
  private sawColumn = false;

  constructor(readonly column: string) {}

  add(image: string, columns: string[], rows: Cell[][]): void {
    const at = columns.indexOf(this.column);
    const infos = columns.map((c) => {
      if (!this.columns.has(c) && c !== this.column && c !== 'image') this.columns.set(c, { numeric: true });
      return this.columns.get(c);
    });
    if (at >= 0) this.sawColumn = true;
    for (const row of rows) {
      // a column with text in any row is not summarised, whether or not the row has a group
      infos.forEach((info, j) => {
        if (info && typeof row[j] === 'string') info.numeric = false;
      });
      const key = at < 0 ? '' : csvCell(row[at]);
      if (key === '') continue;
      let group = this.groups.get(key);
      if (!group) this.groups.set(key, (group = { value: row[at], images: new Set(), rows: 0, values: new Map() }));
      group.images.add(image);
      group.rows++;
      infos.forEach((info, j) => {
        const v = row[j];
        if (!info || typeof v !== 'number' || Number.isNaN(v)) return;
        let list = group!.values.get(columns[j]);
        if (!list) group!.values.set(columns[j], (list = []));
        list.push(v);
      });
    }
  }

  /** The summary table, or undefined when no row had the column. */
  result(): GroupTable | undefined {
    if (!this.sawColumn) return undefined;
    const numeric = [...this.columns].filter(([, info]) => info.numeric).map(([name]) => name);
    const header = [this.column, 'images', 'rows', ...numeric.flatMap((c) => [`${c}_mean`, `${c}_median`, `${c}_std`])];
    const rows = [...this.groups.values()].map((g) => [
      g.value,
      g.images.size,
      g.rows,
      ...numeric.flatMap((c) => describeValues(g.values.get(c) ?? [])),
    ]);
    return { header, rows };
  }
}

/** Mean, median and sample standard deviation (n − 1); empty cells where undefined. */
export function describeValues(values: number[]): [Cell, Cell, Cell] {
  const n = values.length;
  if (n === 0) return [null, null, null];
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  const sorted = Float64Array.from(values).sort();
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  if (n < 2) return [mean, median, null];
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return [mean, median, Math.sqrt(squares / (n - 1))];
}

/** The file a table's summary goes to: `<table>_by_<column>.csv`, the column made file-name safe. */
export function groupFileName(table: string, column: string): string {
  return `${table}_by_${column.replace(/[^A-Za-z0-9_.-]/g, '_')}.csv`;
}

/** Writes each summary of table `table` to DIR/<table>_by_<column>.csv (or says why there is none); returns the files. */
export async function writeGroupSummaries(outDir: string, table: string, summaries: GroupSummary[], log: (line: string) => void): Promise<string[]> {
  const files: string[] = [];
  for (const summary of summaries) {
    const result = summary.result();
    const file = groupFileName(table, summary.column);
    if (!result) {
      log(`cellgraph: --group-by ${summary.column}: table ${table} has no column '${summary.column}', so no ${file}`);
      continue;
    }
    await writeAtomic(join(outDir, file), csvLine(result.header) + result.rows.map(csvLine).join(''));
    files.push(join(outDir, file));
  }
  return files;
}
