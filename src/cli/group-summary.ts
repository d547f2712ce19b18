// `--group-by COLUMN`: per-group summaries of each exported table, written as
// DIR/<table>_by_<column>.csv. Rows are grouped by the value of COLUMN (typically one added by
// metadata-from-filename: plate, well, condition); each group gets its number of images and rows
// and, for every numeric column, the mean, median and sample standard deviation (n − 1, as pandas'
// groupby().std()) of its non-empty values. Groups are in order of first appearance (input order).
import type { Cell } from '../io/csv';

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
    columns.forEach((c) => {
      if (!this.columns.has(c) && c !== this.column && c !== 'image') this.columns.set(c, { numeric: true });
    });
    if (at < 0) return;
    this.sawColumn = true;
    for (const row of rows) {
      const value = row[at] ?? null;
      const key = `${typeof value}:${String(value)}`;
      let group = this.groups.get(key);
      if (!group) this.groups.set(key, (group = { value, images: new Set(), rows: 0, values: new Map() }));
      group.images.add(image);
      group.rows++;
      columns.forEach((c, j) => {
        const info = this.columns.get(c);
        const v = row[j];
        if (!info || v === null || v === undefined) return;
        if (typeof v !== 'number') {
          info.numeric = false;
          return;
        }
        if (Number.isNaN(v)) return;
        let list = group!.values.get(c);
        if (!list) group!.values.set(c, (list = []));
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
