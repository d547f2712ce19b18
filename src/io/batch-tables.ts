// The files a batch writes, made from its images' records taken in input order: each exported table
// as one CSV (an `image` column first, then the union of the columns, rows in input order), its
// `<name>.provenance.json` sidecar, and images.csv (one row per image: status, error, its summary
// columns, duration). `cellgraph run` streams the tables to files; the editor keeps them in memory.
import type { BatchRecord } from '../core/batch-record';
import type { Provenance } from '../core/image';
import { csvLine, type Cell } from './csv';
import { CsvTableText } from './csv-table';
import { addTableColumns, tableProvenanceText, type TableColumn } from './table-provenance';

export interface TableRowsSink {
  append(columns: string[], rows: Cell[][]): void;
}

export class BatchTables<Sink extends TableRowsSink> {
  /** By table name, in pipeline order. */
  readonly tables: Map<string, Sink>;
  private readonly provenance = new Map<string, { image: string; provenance: Provenance }[]>();
  private readonly columns = new Map<string, Map<string, TableColumn>>();
  private readonly imagesRows: string[] = [];

  /** `summaryColumns`: the images.csv columns after image, status, error (core/batch-record.ts). */
  constructor(tableNames: string[], private readonly summaryColumns: string[], sink: (name: string) => Sink) {
    this.tables = new Map(tableNames.map((name) => [name, sink(name)]));
    for (const name of tableNames) {
      this.provenance.set(name, []);
      this.columns.set(name, new Map());
    }
  }

  /** Adds one image's record; call in input order. */
  add(record: BatchRecord): void {
    for (const [name, table] of Object.entries(record.tables)) {
      const sink = this.tables.get(name);
      if (!sink) continue;
      sink.append(['image', ...table.columns.map((c) => c.name)], table.rows.map((r) => [record.image, ...r]));
      if (table.provenance) this.provenance.get(name)!.push({ image: record.image, provenance: table.provenance });
      addTableColumns(this.columns.get(name)!, table.columns, table.rows);
    }
    this.imagesRows.push(
      csvLine([record.image, record.status, record.error ?? '', ...this.summaryColumns.map((c) => record.summary[c] ?? null), record.durationMs]),
    );
  }

  /** The text of images.csv. */
  imagesCsv(): string {
    return csvLine(['image', 'status', 'error', ...this.summaryColumns, 'duration_ms']) + this.imagesRows.join('');
  }

  /** The text of `<name>.provenance.json`; `pipeline`: the pipeline as exported files embed it. */
  provenanceText(name: string, pipeline: unknown): string {
    return tableProvenanceText(`${name}.csv`, this.provenance.get(name)!, pipeline, [...this.columns.get(name)!.values()]);
  }
}

export interface BatchFile {
  fileName: string;
  mime: string;
  text: string;
}

/**
 * Every file of a finished batch, in memory: `<name>.csv` and `<name>.provenance.json` per exported
 * table (pipeline order), then images.csv. The same bytes `cellgraph run` writes (but for duration_ms).
 */
export function batchFiles(records: BatchRecord[], tableNames: string[], summaryColumns: string[], pipeline: unknown): BatchFile[] {
  const batch = new BatchTables(tableNames, summaryColumns, () => new CsvTableText(['image']));
  records.forEach((r) => batch.add(r));
  const files: BatchFile[] = [];
  for (const [name, table] of batch.tables) {
    files.push({ fileName: `${name}.csv`, mime: 'text/csv', text: table.text() });
    files.push({ fileName: `${name}.provenance.json`, mime: 'application/json', text: batch.provenanceText(name, pipeline) });
  }
  files.push({ fileName: 'images.csv', mime: 'text/csv', text: batch.imagesCsv() });
  return files;
}
