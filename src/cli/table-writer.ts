// Writes a batch's CSV incrementally: rows are appended as images finish (in input order), the
// header is the union of the columns seen (io/csv-table.ts, which the editor's batch uses too), and
// the file appears under its name only when complete.
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Cell } from '../io/csv';
import { CsvTableLayout } from '../io/csv-table';

export class CsvTableWriter {
  private readonly layout: CsvTableLayout;
  private readonly bodyPath: string;
  private readonly fd: number;

  constructor(private readonly path: string, leading: string[] = []) {
    this.bodyPath = `${path}.${process.pid}.body.partial`;
    this.fd = openSync(this.bodyPath, 'w');
    this.layout = new CsvTableLayout(leading);
  }

  /** Append rows given as column names and cell arrays (missing columns stay empty). */
  append(columns: string[], rows: Cell[][]): void {
    const text = this.layout.rowsText(columns, rows);
    if (rows.length > 0) writeSync(this.fd, text);
  }

  /** Header plus body, padded to the final width, renamed into place; on a failed write neither file stays. */
  finish(): void {
    const tmp = `${this.path}.${process.pid}.partial`;
    try {
      this.assemble(tmp);
    } catch (err) {
      rmSync(tmp, { force: true });
      this.abort();
      throw err;
    }
  }

  private assemble(tmp: string): void {
    closeSync(this.fd);
    const out = openSync(tmp, 'w');
    writeSync(out, this.layout.header());
    const input = openSync(this.bodyPath, 'r');
    const chunk = Buffer.alloc(1 << 20);
    let n: number;
    if (!this.layout.needsPadding) {
      while ((n = readSync(input, chunk, 0, chunk.length, null)) > 0) writeSync(out, chunk.subarray(0, n));
    } else {
      const pad = this.layout.padder();
      // a character's bytes may straddle two chunks: the decoder holds them until it is whole
      const utf8 = new StringDecoder('utf8');
      let carry = '';
      while ((n = readSync(input, chunk, 0, chunk.length, null)) > 0) {
        const lines = (carry + utf8.write(chunk.subarray(0, n))).split('\n');
        carry = lines.pop()!;
        writeSync(out, lines.map((line) => `${pad(line)}\n`).join(''));
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
