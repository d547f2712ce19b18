// The runner's first pass of a pipeline with batch nodes (batch-mean; the plan and the fold are
// core/batch-pass.ts, shared with the editor): every input through the worker pool, collecting the
// values on the batch nodes' inputs; replies come back in any order and are folded in input order,
// so the result does not depend on which worker finished first.
import { BatchFold, type BatchPlan, type CollectedForBatch } from '../core/batch-pass';
import { errorRecord } from '../core/batch-record';
import type { BatchContext } from '../core/executor';
import type { Registry } from '../core/node';
import type { CheckedPipeline } from '../core/validate';
import { runPool, type PoolOptions } from './pool';
import type { ImageRecord } from './process';

export interface FirstPassResult {
  /** Undefined when no image got through the first pass. */
  batch?: BatchContext;
  /** Images that failed in the first pass (they are not run again), by input index. */
  failed: Map<number, ImageRecord>;
}

/** Runs the first pass over all inputs and folds the batch nodes' inputs in input order. */
export async function runFirstPass(
  plan: BatchPlan,
  checked: CheckedPipeline,
  registry: Registry,
  pool: Omit<PoolOptions, 'mode' | 'indices'>,
): Promise<FirstPassResult> {
  const { inputs } = pool;
  const fold = new BatchFold(plan, checked, registry);
  const failed = new Map<number, ImageRecord>();
  const pending = new Map<number, CollectedForBatch | ImageRecord>();
  let next = 0;

  await runPool({ ...pool, mode: 'collect', indices: inputs.map((_, i) => i) }, (index, reply) => {
    pending.set(index, 'record' in reply ? reply.record : reply.collected);
    while (pending.has(next)) {
      const item = pending.get(next)!;
      pending.delete(next);
      if ('status' in item) failed.set(next, item);
      else {
        const refused = fold.add(item, inputs[next].display);
        if (refused !== undefined) failed.set(next, errorRecord(inputs[next].display, refused));
      }
      next++;
    }
  });
  return { batch: fold.finish(), failed };
}
