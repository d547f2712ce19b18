// "Run on all images" in the engine: the pipeline on each image in turn, through the same executor
// and cache as single runs, each image giving the record `cellgraph run` makes of it (its rows of every
// exported table, its images.csv columns, or its one-line error). An image that fails, fails alone.
import { batchNodes, checkOutputNames, collectTables, summarize, summaryColumns, tableNames, type BatchRecord } from '../../core/batch-record';
import { describeError } from '../../core/errors';
import { runPipeline, type CacheStore } from '../../core/executor';
import type { Registry, SourceFile } from '../../core/node';
import { formatProblem, type Pipeline } from '../../core/pipeline';
import { checkPipeline, type CheckedPipeline } from '../../core/validate';
import { canonicalPipeline } from '../../io/embedded-provenance';
import { encodeSavedImages } from '../../io/saved-images';
import type { BatchEvent, BatchItem, BatchRequest, BatchSummary } from './protocol';

/** What the batch needs of the engine. */
export interface BatchHost {
  registry: Registry;
  /** The cache now (clearing it replaces it). */
  cache(): CacheStore;
  /** The item's image with its paired files, or undefined when one of them is no longer stored. */
  sourceOf(item: BatchItem): Promise<SourceFile | undefined>;
  /** Runs `work` when the engine is free: single runs and batch items take turns, first come first served. */
  turn<T>(work: () => Promise<T>): Promise<T>;
  /** Told how many nodes an image ran (not from the cache). */
  ran?(nodes: number): void;
}

/** The message for a pipeline the editor cannot run on all images (a batch node needs two passes). */
export function batchNodeRefusal(nodes: { id: string; type: string }[]): string {
  const named = nodes.map((n) => `${n.type} '${n.id}'`).join(', ');
  return `Run on all images cannot run a pipeline with a batch node (${named}), which needs every image before any: use \`cellgraph run\`.`;
}

/** Why the pipeline cannot run on all images (one line each), or the checked pipeline. */
export function checkForBatch(pipeline: Pipeline, registry: Registry): { checked: CheckedPipeline } | { problems: string[] } {
  const result = checkPipeline(pipeline, registry);
  if (!result.ok) return { problems: result.problems.map(formatProblem) };
  const ctx = { checked: result.checked, registry };
  const batch = batchNodes(ctx);
  if (batch.length > 0) return { problems: [batchNodeRefusal(batch)] };
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
    ms: 0,
  };
  const total = items.length;
  for (const [index, item] of items.entries()) {
    const record = await host.turn(async () => {
      if (signal.aborted) return undefined;
      const source = await host.sourceOf(item);
      const image = source?.name ?? item.name;
      onEvent({ batchId, type: 'item-start', index, total, image });
      return runItem(ctx, host, image, source, signal);
    });
    if (!record) break;
    summary.records.push(record);
    onEvent({ batchId, type: 'item-end', index, total, image: record.image, status: record.status, ...(record.error ? { error: record.error } : {}) });
  }
  if (signal.aborted) summary.status = 'cancelled';
  summary.ms = performance.now() - started;
  return summary;
}

/** One image's record, as `cellgraph run` makes it (cli/process.ts processImage); undefined when cancelled. */
async function runItem(ctx: { checked: CheckedPipeline; registry: Registry }, host: BatchHost, image: string, source: SourceFile | undefined, signal: AbortSignal): Promise<BatchRecord | undefined> {
  const started = performance.now();
  const fail = (error: string): BatchRecord => ({ image, status: 'error', error, summary: {}, tables: {}, durationMs: Math.round(performance.now() - started) });
  if (!source) return fail('the image or a file paired with it is no longer stored; drop it on the page again');
  try {
    const result = await runPipeline(ctx.checked, { registry: ctx.registry, source, cache: host.cache(), signal });
    host.ran?.(result.reports.filter((r) => r.status === 'done').length);
    if (result.error) return fail(result.error);
    // the runner saves them, and an image whose result cannot be saved fails there: so here too
    encodeSavedImages(ctx, result.values);
    return { image, status: 'ok', summary: summarize(ctx, result.values), tables: collectTables(ctx, result.values), durationMs: Math.round(performance.now() - started) };
  } catch (err) {
    if (signal.aborted) return undefined;
    return fail(describeError(err));
  }
}
