// The first pass of "Run on all images" for a pipeline with a batch node (batch-mean): every image
// runs what feeds the batch node, one after another (taking turns with single runs), and is folded in
// list order into the batch's outputs (core/batch-pass.ts, as `cellgraph run` folds them). An image that
// fails here, or that a batch node refuses (another shape), fails alone and is left out of the batch.
import { BatchFold, runFirstPassItem, type BatchPlan, type CollectedForBatch } from '../../core/batch-pass';
import { errorRecord, type BatchRecord } from '../../core/batch-record';
import { describeError } from '../../core/errors';
import type { BatchContext } from '../../core/executor';
import type { CheckedPipeline } from '../../core/validate';
import type { BatchHost } from './batch';
import { UNREADABLE, type BatchEvent, type BatchItem } from './protocol';

export interface EditorFirstPass {
  /** Undefined when no image got through the first pass. */
  batch?: BatchContext;
  /** The images that failed in the first pass (not run again), by item index: their records. */
  failed: Map<number, BatchRecord>;
}

export const MISSING_SOURCE = `the image or a file paired with it ${UNREADABLE}`;

/** Undefined when cancelled. */
export async function runEditorFirstPass(
  host: BatchHost,
  ctx: { checked: CheckedPipeline; plan: BatchPlan },
  batchId: number,
  items: BatchItem[],
  onEvent: (event: BatchEvent) => void,
  signal: AbortSignal,
): Promise<EditorFirstPass | undefined> {
  const fold = new BatchFold(ctx.plan, ctx.checked, host.registry);
  const failed = new Map<number, BatchRecord>();
  const total = items.length;
  for (const [index, item] of items.entries()) {
    const outcome = await host.turn(async () => {
      if (signal.aborted) return undefined;
      const source = await host.sourceOf(item);
      const image = item.name; // as listed: folder/name where two listed files share a name, as the runner names them
      onEvent({ batchId, type: 'item-start', pass: 'first', index, total, image });
      const started = performance.now();
      const fail = (error: string) => ({ image, record: errorRecord(image, error, Math.round(performance.now() - started)) });
      if (!source) return fail(MISSING_SOURCE);
      try {
        const { run, collected } = await runFirstPassItem(ctx.plan, ctx.checked, { registry: host.registry, source, cache: host.cache(), signal });
        host.ran?.(run.reports.filter((r) => r.status === 'done').length);
        return collected ? { image, collected } : fail(run.error!);
      } catch (err) {
        if (signal.aborted) return undefined;
        return fail(describeError(err));
      }
    });
    if (!outcome) return undefined;
    const record = 'record' in outcome ? outcome.record : refusal(fold, outcome.image, outcome.collected);
    if (record) failed.set(index, record);
    onEvent({ batchId, type: 'item-end', pass: 'first', index, total, image: outcome.image, status: record ? 'error' : 'ok', ...(record?.error ? { error: record.error } : {}) });
  }
  return { batch: fold.finish(), failed };
}

/** Folds the image in; its record (as the runner writes it) when a batch node refuses it. */
function refusal(fold: BatchFold, image: string, collected: CollectedForBatch): BatchRecord | undefined {
  const error = fold.add(collected, image);
  return error === undefined ? undefined : errorRecord(image, error);
}
