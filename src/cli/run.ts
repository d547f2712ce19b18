// `cellgraph run`: a pool of worker threads, each running the same executor on one image at a time;
// results are written in input order as they complete, so tables are deterministic and a batch of
// 10^5 images never holds more than the out-of-order window in memory.
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors';
import type { Registry } from '../core/node';
import type { CheckedPipeline } from '../core/validate';
import type { InputFile } from './inputs';
import { OutputWriteError, removeOwnPartials, stopWriting, writeAtomic, writeFailure } from './atomic-write';
import { savedImagePath, type ImageRecord } from './process';
import { embeddablePipeline, type RunSettings } from './prepare';
import { Progress } from './progress';
import { planBatch } from '../core/batch-pass';
import { runFirstPass } from './batch-pass';
import { runPool, runsInProcess, stopWorkers } from './pool';
import { itemRunner } from './item-runner';
import { CsvTableWriter } from './table-writer';
import { BatchTables } from '../io/batch-tables';
import { checkOutputNames as checkOutputFileNames, summaryColumns, tableNames as tableNamesOf } from '../core/batch-record';
import { GroupSummary, groupFileName, writeGroupSummaries } from './group-summary';

export interface BatchOptions {
  checked: CheckedPipeline;
  registry: Registry;
  settings: RunSettings;
  inputs: InputFile[];
  jobs: number;
  /** Seconds one image may take before its worker is stopped (0: no limit). */
  timeoutSec: number;
  workerUrl: URL;
  log: (line: string) => void;
  isTTY: boolean;
  /** --group-by: columns whose values group each exported table into DIR/<table>_by_<column>.csv. */
  groupBy?: string[];
  /** --shard K/N: only the K-th (1-based) of N contiguous parts of the inputs is processed and written. */
  shard?: Shard;
}

export interface Shard {
  index: number;
  count: number;
}

/**
 * The inputs of shard K of N: the K-th of N contiguous runs of the (sorted) input list, as even as can
 * be (sizes differ by at most one), so the shards' tables, concatenated in shard order, list the images
 * in the order one unsharded run writes them.
 */
export function shardIndices(total: number, shard?: Shard): number[] {
  if (!shard) return Array.from({ length: total }, (_, i) => i);
  const start = Math.floor(((shard.index - 1) * total) / shard.count);
  const end = Math.floor((shard.index * total) / shard.count);
  return Array.from({ length: end - start }, (_, i) => start + i);
}

export interface BatchSummary {
  ok: number;
  failed: number;
  resumed: number;
  files: string[];
  ms: number;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Refuses a run where two outputs would land on the same file: two export-table nodes with one
 * name, one named like the runner's own images.csv, or two save-image nodes with one folder and
 * format. Names are compared ignoring case (macOS and Windows file systems do).
 */
export function checkOutputNames(checked: CheckedPipeline, registry: Registry, groupBy: string[] = []): void {
  const claims: [string, string][] = [];
  for (const node of checked.pipeline.nodes) {
    if (registry.get(node.type)?.sink !== 'table') continue;
    for (const column of groupBy) claims.push([groupFileName(String(node.params.name), column), `--group-by ${column}`]);
  }
  checkOutputFileNames({ checked, registry }, claims);
}

/**
 * Refuses a run whose saved images would land on one of its inputs (e.g. `--out plate1` with a
 * save-image named like an input subfolder): inputs are never written to.
 */
export function checkOutputsAvoidInputs(inputs: InputFile[], checked: CheckedPipeline, registry: Registry, outDir: string): void {
  // no saved images, nothing to check: spares a realpath per input
  if (!checked.pipeline.nodes.some((n) => registry.get(n.type)?.sink === 'image')) return;
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  const inputPaths = new Map(inputs.flatMap((i) => i.stack ?? [i.path]).map((path) => [real(path), path]));
  for (const node of checked.pipeline.nodes) {
    if (registry.get(node.type)?.sink !== 'image') continue;
    const { name, format } = node.params as { name: string; format: string };
    for (const input of inputs) {
      const target = savedImagePath(outDir, name, format, input.stem);
      const clash = inputPaths.get(real(target));
      if (clash !== undefined) {
        throw new UserError(`node '${node.id}' would save over the input ${clash}: choose another --out folder or save-image name`);
      }
    }
  }
}

/** Make the output folder and prove it can be written, before any work is done. */
export function prepareOutDir(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
    const probe = join(outDir, `.cellgraph-write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (err) {
    throw new UserError(`cannot write to output folder ${outDir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

export async function runBatch(opts: BatchOptions): Promise<BatchSummary> {
  const started = Date.now();
  const { settings, inputs } = opts;
  const tableNames = tableNamesOf(opts);
  const tables = new BatchTables(tableNames, summaryColumns(opts).map((c) => c.column), (name) => new CsvTableWriter(join(settings.outDir, `${name}.csv`), ['image']));
  const writers = tables.tables;

  // the inputs this run writes (all, or its shard's), in input order
  const mine = shardIndices(inputs.length, opts.shard);
  const progress = new Progress(mine.length, opts.isTTY, opts.log);
  const done = new Map<number, ImageRecord>();
  let nextToWrite = 0; // position in `mine`
  let ok = 0;
  let failed = 0;
  let resumed = 0;

  const groupBy = opts.groupBy ?? [];
  const groups = new Map(tableNames.map((name) => [name, groupBy.map((column) => new GroupSummary(column))]));
  const write = (record: ImageRecord) => {
    tables.add(record);
    for (const [name, table] of Object.entries(record.tables)) {
      if (!writers.has(name)) continue;
      for (const g of groups.get(name)!) g.add(record.image, table.columns.map((c) => c.name), table.rows);
    }
  };

  let stopping = false;
  const unwritable = (reason: string) =>
    `cellgraph: stopped after ${ok + failed} of ${mine.length} images: ${reason}. No tables written; free the space (or choose another --out) and run again to resume.`;
  const onRecord = (index: number, record: ImageRecord) => {
    if (stopping) return;
    if (record.fatal) return stop(unwritable(record.error!), 2);
    if (record.status === 'ok') ok++;
    else failed++;
    if (record.resumed) resumed++;
    progress.update(inputs[index].display, record);
    done.set(index, record);
    try {
      while (nextToWrite < mine.length && done.has(mine[nextToWrite])) {
        write(done.get(mine[nextToWrite])!);
        done.delete(mine[nextToWrite]);
        nextToWrite++;
      }
    } catch (err) {
      const failure = writeFailure('a table', err);
      if (!(failure instanceof OutputWriteError)) throw err;
      stop(unwritable(failure.message), 2);
    }
  };

  // Ctrl-C, or an output that cannot be written: no half tables are left behind; finished images are
  // remembered, so a re-run resumes (workers are stopped and this thread's writes settle first, so no
  // temporary file appears after the sweep)
  const stop = (line: string, code: number) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await stopWorkers();
      await stopWriting();
      writers.forEach((w) => w.abort());
      removeOwnPartials(settings.outDir);
      progress.finish();
      opts.log(line);
      process.exit(code);
    })();
  };
  const interrupted = (signal: NodeJS.Signals) =>
    stop(`cellgraph: interrupted (${signal}) after ${ok + failed} of ${mine.length} images; no tables written. Run again to resume.`, 130);
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    await runPasses(opts, mine, onRecord);
  } catch (err) {
    writers.forEach((w) => w.abort());
    throw err;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  progress.finish();
  const files: string[] = [];
  for (const [name, writer] of writers) {
    const file = join(settings.outDir, `${name}.csv`);
    try {
      writer.finish();
    } catch (err) {
      writers.forEach((w) => w.abort());
      throw writeFailure(file, err);
    }
    files.push(file);
    const sidecar = join(settings.outDir, `${name}.provenance.json`);
    await writeAtomic(sidecar, tables.provenanceText(name, embeddablePipeline(opts.checked)));
    files.push(sidecar);
  }
  for (const [name, summaries] of groups) files.push(...(await writeGroupSummaries(settings.outDir, name, summaries, opts.log)));
  const imagesCsv = join(settings.outDir, 'images.csv');
  await writeAtomic(imagesCsv, tables.imagesCsv());
  files.push(imagesCsv);
  return { ok, failed, resumed, files, ms: Date.now() - started };
}

/**
 * The inputs `mine` through the worker pool; a pipeline with batch nodes first runs what feeds them
 * over the whole batch (batch-pass.ts; every input, also those of other shards, so a shard's results
 * are those of an unsharded run), then the rest with their finished outputs.
 */
async function runPasses(opts: BatchOptions, mine: number[], onRecord: (index: number, record: ImageRecord) => void): Promise<void> {
  const pool = { inputs: opts.inputs, jobs: opts.jobs, timeoutSec: opts.timeoutSec, workerUrl: opts.workerUrl, settings: opts.settings };
  const plan = planBatch(opts.checked, opts.registry);
  let indices = mine;
  let settings = opts.settings;
  if (plan) {
    opts.log(`first pass: ${plan.batchNodes.join(', ')} over ${opts.inputs.length} image${opts.inputs.length === 1 ? '' : 's'}`);
    const inProcess = runsInProcess(opts.jobs, opts.timeoutSec, opts.inputs) ? itemRunner(opts.checked, opts.registry, settings) : undefined;
    const first = await runFirstPass(plan, opts.checked, opts.registry, { ...pool, inProcess });
    const ours = new Set(mine);
    first.failed.forEach((record, index) => {
      if (ours.has(index)) onRecord(index, record);
    });
    if (!first.batch) return; // nothing got through the first pass: every image failed, and was reported
    indices = indices.filter((i) => !first.failed.has(i));
    settings = { ...settings, batch: first.batch };
  }
  const inProcess = runsInProcess(opts.jobs, opts.timeoutSec, indices.map((i) => opts.inputs[i])) ? itemRunner(opts.checked, opts.registry, settings) : undefined;
  await runPool({ ...pool, settings, indices, mode: 'process', inProcess }, (index, reply) => {
    if ('record' in reply) onRecord(index, reply.record);
  });
}
