// What one image of a batch contributes to the batch's outputs, taken from the node outputs of its
// run: its rows in every exported table and its images.csv columns (object counts and numbers).
// Shared by `cellgraph run` and the editor's "Run on all images", so both write the same tables.
import { UserError } from './errors';
import type { NodeOutputs } from './executor';
import { countObjects, type Labels, type Provenance, type Table } from './image';
import type { Registry } from './node';
import type { PipelineNode } from './pipeline';
import type { CheckedPipeline } from './validate';

export interface RecordTable {
  columns: { name: string; unit?: string }[];
  rows: (number | string | null)[][];
  /** How the table was made (for the CSV's .provenance.json sidecar). */
  provenance?: Provenance;
}

/** One image's result in a batch. Plain JSON (it crosses threads and is stored as a file). */
export interface BatchRecord {
  image: string;
  status: 'ok' | 'error';
  error?: string;
  /** images.csv columns: object counts ("<node>.count") and numbers ("<node>.<port>"). */
  summary: Record<string, number | null>;
  /** By export-table name. */
  tables: Record<string, RecordTable>;
  durationMs: number;
}

/** The record of an image that went through: its rows of every exported table and its images.csv columns. */
export function okRecord(ctx: PipelineOf, image: string, values: Map<string, NodeOutputs>, durationMs: number): BatchRecord {
  return { image, status: 'ok', summary: summarize(ctx, values), tables: collectTables(ctx, values), durationMs };
}

/** The record of an image that failed: its one-line error, no rows. */
export function errorRecord(image: string, error: string, durationMs = 0): BatchRecord {
  return { image, status: 'error', error, summary: {}, tables: {}, durationMs };
}

export interface SummaryColumn {
  column: string;
  node: string;
  port: string;
  kind: 'count' | 'number';
}

type PipelineOf = { checked: CheckedPipeline; registry: Registry };

/** The images.csv columns a pipeline produces, in pipeline order. */
export function summaryColumns({ checked, registry }: PipelineOf): SummaryColumn[] {
  const out: SummaryColumn[] = [];
  for (const id of checked.order) {
    const node = checked.pipeline.nodes.find((n) => n.id === id)!;
    const def = registry.get(node.type)!;
    const labelPorts = Object.entries(def.outputs).filter(([, s]) => s.type === 'labels');
    for (const [portName] of labelPorts) {
      out.push({ column: labelPorts.length > 1 ? `${id}.${portName}.count` : `${id}.count`, node: id, port: portName, kind: 'count' });
    }
    for (const [portName, spec] of Object.entries(def.outputs)) {
      if (spec.type === 'number') out.push({ column: `${id}.${portName}`, node: id, port: portName, kind: 'number' });
    }
  }
  return out;
}

/** One image's images.csv columns: label counts, and finite numbers (others are empty). */
export function summarize(ctx: PipelineOf, values: Map<string, NodeOutputs>): Record<string, number | null> {
  const summary: Record<string, number | null> = {};
  for (const c of summaryColumns(ctx)) {
    const v = values.get(c.node)?.[c.port];
    if (c.kind === 'count') summary[c.column] = v ? countObjects(v as Labels) : null;
    else summary[c.column] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return summary;
}

/** The pipeline's export-table (`table`) or save-image (`image`) nodes, in pipeline order. */
export function sinkNodes({ checked, registry }: PipelineOf, kind: 'table' | 'image'): PipelineNode[] {
  return checked.pipeline.nodes.filter((n) => registry.get(n.type)?.sink === kind);
}

/** The names of the exported tables (`<name>.csv`), in pipeline order. */
export function tableNames(ctx: PipelineOf): string[] {
  return sinkNodes(ctx, 'table').map((n) => String(n.params.name));
}

/** One image's rows of every exported table, by table name; non-finite numbers are empty (null). */
export function collectTables(ctx: PipelineOf, values: Map<string, NodeOutputs>): Record<string, RecordTable> {
  const tables: Record<string, RecordTable> = {};
  for (const node of sinkNodes(ctx, 'table')) {
    const table = values.get(node.id)!.table as Table;
    const rows: (number | string | null)[][] = [];
    for (let r = 0; r < table.rows; r++) {
      rows.push(table.columns.map((c) => {
        const v = c.values[r];
        return typeof v === 'number' && !Number.isFinite(v) ? null : v;
      }));
    }
    tables[String(node.params.name)] = {
      columns: table.columns.map((c) => (c.type === 'number' && c.unit ? { name: c.name, unit: c.unit } : { name: c.name })),
      rows,
      ...(table.meta.provenance ? { provenance: table.meta.provenance } : {}),
    };
  }
  return tables;
}

/** The batch nodes (batch-mean) of a pipeline, in pipeline order: they need every image before any. */
export function batchNodes({ checked, registry }: PipelineOf): PipelineNode[] {
  return checked.pipeline.nodes.filter((n) => registry.get(n.type)?.batch !== undefined);
}

/**
 * Refuses a batch where two outputs would land on the same file: two export-table nodes with one
 * name, one named like the batch's own images.csv, or two save-image nodes with one folder and
 * format. Names are compared ignoring case (macOS and Windows file systems do). `claims`: other
 * files the batch writes (file name, what writes it), checked before the nodes.
 */
export function checkOutputNames(ctx: PipelineOf, claims: [file: string, owner: string][] = []): void {
  const claimed = new Map<string, string>([['images.csv', 'the runner (its summary table)']]);
  for (const [file, owner] of claims) claimed.set(file.toLowerCase(), owner);
  for (const node of ctx.checked.pipeline.nodes) {
    const sink = ctx.registry.get(node.type)?.sink;
    if (!sink) continue;
    const { name, format } = node.params as { name: string; format?: string };
    const file = sink === 'table' ? `${name}.csv` : `${name}/*.${format === 'png' ? 'png' : 'tif'}`;
    const owner = claimed.get(file.toLowerCase());
    if (owner !== undefined) {
      throw new UserError(`node '${node.id}' would write ${file}, as ${owner} does: give it another name`);
    }
    claimed.set(file.toLowerCase(), `node '${node.id}'`);
  }
}
