// Writes a batch's CSV incrementally: rows are appended as images finish (in input order), the
// header is the union of the columns seen, and the file appears under its name only when complete.
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { csvLine, type Cell } from '../io/csv';

export class CsvTableWriter {
  private columns: string[] = [];
  private index = new Map<string, number>();
  private readonly bodyPath: string;
  private readonly fd: number;
  /** Runs of consecutive rows written with the same number of columns. */
  private widths: { rows: number; width: number }[] = [];

  constructor(private readonly path: string, leading: string[] = []) {
    this.bodyPath = `${path}.${process.pid}.body.partial`;
    this.fd = openSync(this.bodyPath, 'w');
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

  /** Append rows given as column names and cell arrays (missing columns stay empty). */
  append(columns: string[], rows: Cell[][]): void {
    const at = columns.map((c) => this.addColumn(c));
    const width = this.columns.length;
    let text = '';
    for (const row of rows) {
      const cells: Cell[] = new Array(width).fill(null);
      row.forEach((v, j) => (cells[at[j]] = v));
      text += csvLine(cells);
    }
    if (rows.length === 0) return;
    writeSync(this.fd, text);
    const last = this.widths[this.widths.length - 1];
    if (last && last.width === width) last.rows += rows.length;
    else this.widths.push({ rows: rows.length, width });
  }

  /** Header plus body, padded to the final width, renamed into place. */
  finish(): void {
    closeSync(this.fd);
    const tmp = `${this.path}.${process.pid}.partial`;
    const out = openSync(tmp, 'w');
    writeSync(out, csvLine(this.columns));
    const width = this.columns.length;
    const needsPadding = this.widths.some((w) => w.width < width);
    const input = openSync(this.bodyPath, 'r');
    const chunk = Buffer.alloc(1 << 20);
    if (!needsPadding) {
      let n: number;
      while ((n = readSync(input, chunk, 0, chunk.length, null)) > 0) writeSync(out, chunk.subarray(0, n));
    } else {
      // rows are single lines (csvCell removes newlines), so pad line by line
      let carry = '';
      let run = 0;
      let left = this.widths[0]?.rows ?? 0;
      let n: number;
      while ((n = readSync(input, chunk, 0, chunk.length, null)) > 0) {
        const lines = (carry + chunk.subarray(0, n).toString('utf8')).split('\n');
        carry = lines.pop()!;
        let text = '';
        for (const line of lines) {
          while (left === 0) left = this.widths[++run].rows;
          text += line + ','.repeat(width - this.widths[run].width) + '\n';
          left--;
        }
        writeSync(out, text);
      }
    }
    closeSync(input);
    closeSync(out);
    rmSync(this.bodyPath, { force: true });
    renameSync(tmp, this.path);
  }

  /** Drop everything written (a batch that could not finish leaves no half table). */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    rmSync(this.bodyPath, { force: true });
  }
}
