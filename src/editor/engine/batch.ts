// "Run on all images" in the engine: the pipeline on each image in turn, through the same executor as
// single runs and reading their cache (what it computes is kept in memory only: see
// TieredCache.memoryOnly), each image giving the record `cellgraph run` makes of it (its rows of every
// exported table, its images.csv columns, or its one-line error). An image that fails, fails alone.
// With helper workers (item-pool.ts, in the browser one per core) the images run there side by side
// (a pipeline with a batch node: its second pass), uncached, giving the same records in the same order.
// A pipeline with a batch node (batch-mean) runs in two passes, as the runner runs it
// (core/batch-pass.ts): what feeds the batch node on every image first (batch-first-pass.ts), then
// the rest on every image that got through, with the batch node's result over all of them.
import { planBatch, secondPassOptions } from '../../core/batch-pass';
import { checkOutputNames, errorRecord, okRecord, summaryColumns, tableNames, type BatchRecord } from '../../core/batch-record';
import { describeError } from '../../core/errors';
import { runPipeline, type CacheStore, type RunOptions } from '../../core/executor';
import type { Registry, SourceFile } from '../../core/node';
import { formatProblem, type Pipeline } from '../../core/pipeline';
import { checkPipeline, type CheckedPipeline } from '../../core/validate';
import { canonicalPipeline } from '../../io/embedded-provenance';
import { encodeSavedImages, savedImageFile, savedImageStem, type SavedImage } from '../../io/saved-images';
import { MISSING_SOURCE, runEditorFirstPass, type EditorFirstPass } from './batch-first-pass';
import { runInPool, type ItemOutcome, type ItemPool, type SecondPass } from './item-pool';
import { SAVED_FILES_LIMIT, type BatchEvent, type BatchItem, type BatchRequest, type BatchSummary } from './protocol';

/** What the batch needs of the engine. */
export interface BatchHost {
  registry: Registry;
  /** The cache to run with, now (clearing it replaces it). */
  cache(): CacheStore;
  /** The item's image with its paired files, or undefined when one of them is no longer stored. */
  sourceOf(item: BatchItem): Promise<SourceFile | undefined>;
  /** Runs `work` when the engine is free: single runs and batch items take turns, first come first served. */
  turn<T>(work: () => Promise<T>): Promise<T>;
  /** Told how many nodes an image ran (not from the cache). */
  ran?(nodes: number): void;
  /** The most bytes of saved images to keep (default SAVED_FILES_LIMIT). */
  savedLimit?: number;
  /** Helper workers, if this batch is worth them: its images (the second pass's) run there, side by side (item-pool.ts). */
  makePool?(): Promise<ItemPool | undefined>;
}

/** Why the pipeline cannot run on all images (one line each), or the checked pipeline. */
export function checkForBatch(pipeline: Pipeline, registry: Registry): { checked: CheckedPipeline } | { problems: string[] } {
  const result = checkPipeline(pipeline, registry);
  if (!result.ok) return { problems: result.problems.map(formatProblem) };
  const ctx = { checked: result.checked, registry };
  try {
    checkOutputNames(ctx);
  } catch (err) {
    return { problems: [describeError(err)] };
  }
  return { checked: result.checked };
}

export async function runBatch(host: BatchHost, { batchId, pipeline, items }: BatchRequest, onEvent: (event: BatchEvent) => void, signal: AbortSignal): Promise<BatchSummary> {
  const started = performance.now();
  const checkedOrProblems = checkForBatch(pipeline, host.registry);
  const base = { batchId, records: [] as BatchRecord[], tableNames: [] as string[], summaryColumns: [] as string[] };
  if ('problems' in checkedOrProblems) return { ...base, status: 'invalid', problems: checkedOrProblems.problems, ms: 0 };
  const ctx = { checked: checkedOrProblems.checked, registry: host.registry };
  const summary: BatchSummary = {
    ...base,
    status: 'finished',
    tableNames: tableNames(ctx),
    summaryColumns: summaryColumns(ctx).map((c) => c.column),
    pipeline: canonicalPipeline(ctx.checked.pipeline),
    saved: [],
    savedLeftOut: 0,
    ms: 0,
  };
  let savedBytes = 0;
  const keepSaved = (image: string, files: SavedImage[]) => {
    const size = files.reduce((n, f) => n + f.bytes.length, 0);
    if (files.length === 0) return;
    if (savedBytes + size > (host.savedLimit ?? SAVED_FILES_LIMIT)) {
      summary.savedLeftOut!++;
      return;
    }
    savedBytes += size;
    const stem = savedImageStem(image);
    for (const f of files) summary.saved!.push({ path: savedImageFile(f.name, f.format, stem), bytes: f.bytes });
  };
  const total = items.length;
  const plan = planBatch(ctx.checked, ctx.registry);
  let first: EditorFirstPass | undefined;
  if (plan) {
    first = await runEditorFirstPass(host, { checked: ctx.checked, plan }, batchId, items, onEvent, signal);
    if (!first) return { ...summary, status: 'cancelled', ms: performance.now() - started };
  }
  const batch = first?.batch && secondPassOptions(plan, first.batch);
  const ended = (index: number, { record, ran }: ItemOutcome) => {
    host.ran?.(ran);
    onEvent({ batchId, type: 'item-end', index, total, image: record.image, status: record.status, ...(record.error ? { error: record.error } : {}) });
  };
  // records in item order, and the saved files' limit applied in that order
  const keep = ({ record, saved }: ItemOutcome) => {
    keepSaved(record.image, saved);
    summary.records.push(record);
  };
  const pool = items.length > 1 && !signal.aborted ? await host.makePool?.() : undefined;
  if (pool) {
    try {
      const begin = (index: number) => onEvent({ batchId, type: 'item-start', index, total, image: items[index].name });
      const second = first && batch ? { options: batch, failed: first.failed } : undefined;
      const outcomes = await runInPool(pool, pipeline, items, (item) => host.sourceOf(item), { start: begin, end: ended }, signal, second);
      for (const outcome of outcomes) {
        if (!outcome) break;
        keep(outcome);
      }
    } finally {
      pool.dispose();
    }
    summary.workers = pool.size;
  } else {
    for (const [index, item] of items.entries()) {
      if (signal.aborted) break;
      const done = first?.failed.has(index)
        ? { record: first.failed.get(index)!, saved: [], ran: 0 }
        : await host.turn(async () => {
            if (signal.aborted) return undefined;
            const source = await host.sourceOf(item);
            const image = item.name; // as listed: folder/name where two listed files share a name, as the runner names them
            onEvent({ batchId, type: 'item-start', index, total, image });
            return runItem(ctx, host.cache(), image, source, signal, batch);
          });
      if (!done) break;
      keep(done);
      ended(index, done);
    }
  }
  if (signal.aborted) summary.status = 'cancelled';
  summary.ms = performance.now() - started;
  return summary;
}

/**
 * One image's record, as `cellgraph run` makes it (cli/process.ts processImage), and the files its
 * save-image nodes write (an image whose result cannot be saved fails, as in the runner); undefined
 * when cancelled.
 */
async function runItem(
  ctx: { checked: CheckedPipeline; registry: Registry },
  cache: CacheStore | undefined,
  image: string,
  source: SourceFile | undefined,
  signal?: AbortSignal,
  batch?: Pick<RunOptions, 'batch' | 'only'>,
): Promise<ItemOutcome | undefined> {
  const started = performance.now();
  let ran = 0;
  const fail = (error: string) => ({ record: errorRecord(image, error, Math.round(performance.now() - started)), saved: [], ran });
  if (!source) return fail(MISSING_SOURCE);
  try {
    const result = await runPipeline(ctx.checked, { registry: ctx.registry, source, cache, signal, ...batch });
    ran = result.reports.filter((r) => r.status === 'done').length;
    if (result.error) return fail(result.error);
    const saved = encodeSavedImages(ctx, result.values);
    return { record: okRecord(ctx, image, result.values, Math.round(performance.now() - started)), saved, ran };
  } catch (err) {
    if (signal?.aborted) return undefined;
    return fail(describeError(err));
  }
}

let checkedMemo: { text: string; ctx: { checked: CheckedPipeline; registry: Registry } } | undefined;

/** One image of a batch on its own, uncached (with `second`, its second pass): what a helper worker runs. */
export async function runItemAlone(registry: Registry, pipeline: Pipeline, image: string, source: SourceFile, second?: SecondPass): Promise<ItemOutcome> {
  const text = JSON.stringify(pipeline);
  if (checkedMemo?.text !== text || checkedMemo.ctx.registry !== registry) {
    const checked = checkForBatch(pipeline, registry);
    if ('problems' in checked) return { record: errorRecord(image, checked.problems.join('; ')), saved: [], ran: 0 };
    checkedMemo = { text, ctx: { checked: checked.checked, registry } };
  }
  return (await runItem(checkedMemo.ctx, undefined, image, source, undefined, second))!;
}
