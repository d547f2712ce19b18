// A batch's CSV assembled as images finish (in input order): the header is the union of the columns
// seen, in first-seen order, and rows written before a column appeared get empty cells for it. The
// layout (which column goes where, how wide each run of rows was) is kept apart from where the
// rows go, so the runner streams them to a file and the editor keeps them in memory, with one result.
import { csvLine, type Cell } from './csv';

export class CsvTableLayout {
  private readonly columns: string[] = [];
  private readonly index = new Map<string, number>();
  /** Runs of consecutive rows written with the same number of columns. */
  private readonly widths: { rows: number; width: number }[] = [];

  constructor(leading: string[] = []) {
    leading.forEach((c) => this.addColumn(c));
  }

  private addColumn(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.columns.length;
      this.columns.push(name);
      this.index.set(name, i);
    }
    return i;
  }

  /**
   * The body lines of rows given as column names and cell arrays, as wide as the header is now
   * (missing columns stay empty). Columns are added even when there are no rows.
   */
  rowsText(columns: string[], rows: Cell[][]): string {
    const at = columns.map((c) => this.addColumn(c));
    const width = this.columns.length;
    let text = '';
    for (const row of rows) {
      const cells: Cell[] = new Array(width).fill(null);
      row.forEach((v, j) => (cells[at[j]] = v));
      text += csvLine(cells);
    }
    if (rows.length === 0) return text;
    const last = this.widths[this.widths.length - 1];
    if (last && last.width === width) last.rows += rows.length;
    else this.widths.push({ rows: rows.length, width });
    return text;
  }

  /** The header line (every column seen). */
  header(): string {
    return csvLine(this.columns);
  }

  /** True when rows were written before the last column appeared (their lines need padding). */
  get needsPadding(): boolean {
    return this.widths.some((w) => w.width < this.columns.length);
  }

  /**
   * Pads the body's lines, given one by one in the order written (without their '\n'), to the
   * header's width. Rows are single lines (csvCell removes newlines), so line k is row k.
   */
  padder(): (line: string) => string {
    const width = this.columns.length;
    let run = 0;
    let left = this.widths[0]?.rows ?? 0;
    return (line) => {
      while (left === 0) left = this.widths[++run].rows;
      left--;
      return line + ','.repeat(width - this.widths[run].width);
    };
  }
}

/** A batch's CSV kept in memory: append rows as images finish, then take the whole text. */
export class CsvTableText {
  private readonly layout: CsvTableLayout;
  private body = '';

  constructor(leading: string[] = []) {
    this.layout = new CsvTableLayout(leading);
  }

  append(columns: string[], rows: Cell[][]): void {
    this.body += this.layout.rowsText(columns, rows);
  }

  /** Header plus body, every row as wide as the header. */
  text(): string {
    if (!this.layout.needsPadding) return this.layout.header() + this.body;
    const pad = this.layout.padder();
    const lines = this.body.split('\n');
    lines.pop(); // the body ends with '\n'
    return this.layout.header() + lines.map((l) => `${pad(l)}\n`).join('');
  }
}
