// One batch item: read the file, run the pipeline, save images, and return what the runner writes
// to its tables. Runs inside a worker thread; remembers finished items so a re-run resumes.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeError, UserError } from '../core/errors';
import { computeKeys, runPipeline, type BatchContext, type CacheStore, type NodeOutputs } from '../core/executor';
import { hashString } from '../core/hash';
import { countObjects, type Labels, type Provenance, type Table } from '../core/image';
import { sourceFiles, type PortValue, type Registry, type SourceFile } from '../core/node';
import { collectBatchInputs, type BatchPlan } from './batch-pass';
import { stackSource } from '../io/image-stack';
import { pairedSource } from '../io/paired-source';
import type { CheckedPipeline } from '../core/validate';
import { encodeRasterFile } from '../io/embedded-provenance';
import { embeddablePipeline } from './prepare';
import type { InputFile } from './inputs';

/** Bump when what a record holds changes, so old records are not reused. */
const RECORD_VERSION = 2;

export interface RecordTable {
  columns: { name: string; unit?: string }[];
  rows: (number | string | null)[][];
  /** How the table was made (for the CSV's .provenance.json sidecar). */
  provenance?: Provenance;
}

/** What one image contributed to the batch's outputs. Plain JSON. */
export interface ImageRecord {
  image: string;
  status: 'ok' | 'error';
  error?: string;
  /** With --debug, the stack of an unexpected error (never written to images.csv). */
  stack?: string;
  /** images.csv columns: object counts ("<node>.count") and numbers ("<node>.<port>"). */
  summary: Record<string, number | null>;
  tables: Record<string, RecordTable>;
  durationMs: number;
  /** True when the record was reused from an earlier run. */
  resumed?: boolean;
}

export interface ProcessContext {
  checked: CheckedPipeline;
  registry: Registry;
  outDir: string;
  maxPixels: number;
  cache?: CacheStore;
  /** Folder of finished-image records; absent with --no-cache. */
  recordsDir?: string;
  /** Keep the stack of unexpected errors in the record (--debug). */
  debug?: boolean;
  /** Pipelines with batch nodes: the two passes, and (second pass) the batch nodes' outputs. */
  plan?: BatchPlan;
  batch?: BatchContext;
}

/** First pass: the values on the batch nodes' inputs for one image, and what they were made from. */
export interface CollectedForBatch {
  /** By batch node id, by input port. */
  inputs: Record<string, Record<string, PortValue>>;
  /** The cache keys of those values: the batch's hash is made of them. */
  inputKeys: string[];
  /** The files the image was read from (for the provenance of what depends on the batch). */
  files: { name: string; hash: string }[];
}

/** The first pass for one image: runs what feeds the batch nodes and returns their inputs. */
export async function collectForBatch(input: InputFile, ctx: ProcessContext & { plan: BatchPlan }): Promise<{ record: ImageRecord } | { collected: CollectedForBatch }> {
  const started = performance.now();
  const fail = (error: string, stack?: string): { record: ImageRecord } => ({
    record: { image: input.display, status: 'error', error, ...(stack ? { stack } : {}), summary: {}, tables: {}, durationMs: Math.round(performance.now() - started) },
  });
  let source: SourceFile;
  try {
    source = await readSource(input);
  } catch (err) {
    return fail(describeError(err));
  }
  const result = await runPipeline(ctx.checked, { registry: ctx.registry, source, cache: ctx.cache, maxPixels: ctx.maxPixels, only: ctx.plan.firstPass });
  if (result.error) return fail(result.error, ctx.debug ? result.reports.find((r) => r.stack)?.stack : undefined);
  const keys = computeKeys(ctx.checked, ctx.registry, source.hash);
  const { inputs, inputKeys } = collectBatchInputs(ctx.plan, ctx.checked, result.values, keys);
  return { collected: { inputs, inputKeys, files: sourceFiles(source) } };
}

export async function processImage(input: InputFile, ctx: ProcessContext): Promise<ImageRecord> {
  const started = performance.now();
  const fail = (error: string): ImageRecord => ({
    image: input.display, status: 'error', error, summary: {}, tables: {}, durationMs: Math.round(performance.now() - started),
  });
  let source: SourceFile;
  try {
    source = await readSource(input);
  } catch (err) {
    return fail(describeError(err));
  }
  const keys = computeKeys(ctx.checked, ctx.registry, source.hash, ctx.batch?.hash);
  const recordKey = hashString(JSON.stringify([RECORD_VERSION, input.display, input.stem, [...keys]]));
  const recordPath = ctx.recordsDir && join(ctx.recordsDir, recordKey.slice(0, 2), `${recordKey}.json`);

  if (recordPath) {
    const previous = await readRecord(recordPath);
    if (previous && (await savedImagesExist(ctx, input))) return { ...previous, resumed: true };
  }

  const result = await runPipeline(ctx.checked, {
    registry: ctx.registry,
    source,
    cache: ctx.cache,
    maxPixels: ctx.maxPixels,
    ...(ctx.batch ? { batch: ctx.batch, only: ctx.plan?.secondPass } : {}),
  });
  if (result.error) {
    const stack = ctx.debug ? result.reports.find((r) => r.stack)?.stack : undefined;
    return stack ? { ...fail(result.error), stack } : fail(result.error);
  }

  let record: ImageRecord;
  try {
    await saveImages(ctx, input, result.values);
    record = {
      image: input.display,
      status: 'ok',
      summary: summarize(ctx, result.values),
      tables: collectTables(ctx, result.values),
      durationMs: Math.round(performance.now() - started),
    };
  } catch (err) {
    return fail(describeError(err));
  }
  if (recordPath) await writeAtomic(recordPath, JSON.stringify(record));
  return record;
}

/** The batch item's file, or with --stack its folder's files (with --channels its channel files), read and hashed. */
async function readSource(input: InputFile): Promise<SourceFile> {
  const read = async (path: string, what: string) => {
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch (err) {
      throw new UserError(`cannot read ${what}: ${(err as NodeJS.ErrnoException).code ?? describeError(err)}`);
    }
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    return { name: basename(path), bytes, hash: createHash('sha256').update(bytes).digest('hex') };
  };
  if (input.problem) throw new UserError(input.problem);
  let source: SourceFile;
  if (!input.stack) {
    const file = await read(input.path, 'the file');
    source = { ...file, name: input.display.split('/').pop()! };
  } else {
    const files = [];
    for (const path of input.stack) files.push(await read(path, basename(path)));
    source = stackSource(input.display.split('/').pop()!, files, input.join === 'channels' ? 'channels' : 'planes');
  }
  if (!input.paired) return source;
  const paired: Record<string, { name: string; bytes: Uint8Array; hash: string }> = {};
  for (const [role, path] of Object.entries(input.paired)) paired[role] = await read(path, `its ${role} file ${basename(path)}`);
  return pairedSource(source, paired);
}

/** The images.csv columns a pipeline produces, in pipeline order. */
export function summaryColumns(ctx: Pick<ProcessContext, 'checked' | 'registry'>): { column: string; node: string; port: string; kind: 'count' | 'number' }[] {
  const out: { column: string; node: string; port: string; kind: 'count' | 'number' }[] = [];
  for (const id of ctx.checked.order) {
    const node = ctx.checked.pipeline.nodes.find((n) => n.id === id)!;
    const def = ctx.registry.get(node.type)!;
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

function summarize(ctx: ProcessContext, values: Map<string, NodeOutputs>): Record<string, number | null> {
  const summary: Record<string, number | null> = {};
  for (const c of summaryColumns(ctx)) {
    const v = values.get(c.node)?.[c.port];
    if (c.kind === 'count') summary[c.column] = v ? countObjects(v as Labels) : null;
    else summary[c.column] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return summary;
}

function sinks(ctx: ProcessContext, kind: 'table' | 'image') {
  return ctx.checked.pipeline.nodes.filter((n) => ctx.registry.get(n.type)?.sink === kind);
}

function collectTables(ctx: ProcessContext, values: Map<string, NodeOutputs>): Record<string, RecordTable> {
  const tables: Record<string, RecordTable> = {};
  for (const node of sinks(ctx, 'table')) {
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

export function savedImagePath(outDir: string, name: string, format: string, stem: string): string {
  return join(outDir, name, `${stem}.${format === 'png' ? 'png' : 'tif'}`);
}

/** Encodes every saved image first, so an image that cannot be encoded leaves none of its files. */
async function saveImages(ctx: ProcessContext, input: InputFile, values: Map<string, NodeOutputs>): Promise<void> {
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const node of sinks(ctx, 'image')) {
    const { name, format } = node.params as { name: string; format: 'tiff' | 'png' };
    try {
      files.push({ path: savedImagePath(ctx.outDir, name, format, input.stem), bytes: encodeRasterFile(values.get(node.id)!.image as never, format, embeddablePipeline(ctx.checked)) });
    } catch (err) {
      throw new UserError(`node '${node.id}': ${describeError(err)}`);
    }
  }
  for (const file of files) await writeAtomic(file.path, file.bytes);
}

async function savedImagesExist(ctx: ProcessContext, input: InputFile): Promise<boolean> {
  for (const node of sinks(ctx, 'image')) {
    const { name, format } = node.params as { name: string; format: string };
    try {
      await stat(savedImagePath(ctx.outDir, name, format, input.stem));
    } catch {
      return false;
    }
  }
  return true;
}

async function readRecord(path: string): Promise<ImageRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path, 'utf8')) as ImageRecord;
    return record.status === 'ok' ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Write to a temporary name and rename, so a file is whole or absent, never half-written. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.partial`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}
