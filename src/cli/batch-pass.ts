// Pipelines with batch nodes (batch-mean) run in two passes. First pass: every image runs only the
// nodes that feed a batch node; the values on the batch nodes' inputs come back to the main thread
// and are folded, in input order (so the result does not depend on which worker finished first), by
// each node's BatchReducer. Second pass: every image that got through runs the rest of the pipeline
// with the finished batch outputs (the nodes that only fed batch nodes are not run again).
import { describeError } from '../core/errors';
import type { BatchContext, NodeOutputs } from '../core/executor';
import { hashString } from '../core/hash';
import type { PortValue, Registry } from '../core/node';
import type { CheckedPipeline } from '../core/validate';
import type { InputFile } from './inputs';
import { runPool, type PoolOptions } from './pool';
import type { CollectedForBatch, ImageRecord } from './process';

export interface BatchPlan {
  /** Batch node ids, in run order. */
  batchNodes: string[];
  /** What the first pass runs: every ancestor of a batch node (not the batch nodes). */
  firstPass: Set<string>;
  /** What the second pass runs: everything except nodes whose results only feed batch nodes. */
  secondPass: Set<string>;
}

/** The two passes of a pipeline, or undefined when it has no batch node. */
export function planBatch(checked: CheckedPipeline, registry: Registry): BatchPlan | undefined {
  const byId = new Map(checked.pipeline.nodes.map((n) => [n.id, n]));
  const isBatch = (id: string) => registry.get(byId.get(id)!.type)?.batch !== undefined;
  const batchNodes = checked.order.filter(isBatch);
  if (batchNodes.length === 0) return undefined;
  const { edges } = checked.pipeline;
  const firstPass = new Set<string>();
  const visit = (id: string) => {
    for (const e of edges) {
      if (e.to.node === id && !firstPass.has(e.from.node)) {
        firstPass.add(e.from.node);
        visit(e.from.node);
      }
    }
  };
  batchNodes.forEach(visit);
  // needed in the second pass: batch nodes, leaves, nodes whose numbers or labels go into images.csv,
  // and whatever feeds a needed non-batch node
  const summarised = (id: string) =>
    Object.values(registry.get(byId.get(id)!.type)?.outputs ?? {}).some((p) => p.type === 'number' || p.type === 'labels');
  const needed = new Set<string>();
  for (const id of [...checked.order].reverse()) {
    const successors = edges.filter((e) => e.from.node === id).map((e) => e.to.node);
    if (isBatch(id) || successors.length === 0 || summarised(id) || successors.some((s) => needed.has(s) && !isBatch(s))) needed.add(id);
  }
  return { batchNodes, firstPass, secondPass: needed };
}

/** The values on the batch nodes' inputs and the keys they were made under (first-pass worker side). */
export function collectBatchInputs(
  plan: BatchPlan,
  checked: CheckedPipeline,
  values: Map<string, NodeOutputs>,
  keys: Map<string, string>,
): { inputs: Record<string, Record<string, PortValue>>; inputKeys: string[] } {
  const inputs: Record<string, Record<string, PortValue>> = {};
  const inputKeys: string[] = [];
  for (const id of plan.batchNodes) {
    inputs[id] = {};
    for (const e of checked.pipeline.edges.filter((x) => x.to.node === id)) {
      inputs[id][e.to.port] = values.get(e.from.node)![e.from.port];
      inputKeys.push(`${id}.${e.to.port}=${keys.get(e.from.node)}:${e.from.port}`);
    }
  }
  return { inputs, inputKeys };
}

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
  const states = new Map<string, unknown>();
  const failed = new Map<number, ImageRecord>();
  const keyLines: string[] = [];
  const files: { name: string; hash: string }[] = [];
  const pending = new Map<number, CollectedForBatch | ImageRecord>();
  let next = 0;
  const types = new Map(checked.pipeline.nodes.map((n) => [n.id, n.type]));

  const fold = (index: number, collected: CollectedForBatch) => {
    const name = inputs[index].display;
    const added = new Map<string, unknown>();
    try {
      for (const id of plan.batchNodes) {
        const reducer = registry.get(types.get(id)!)!.batch!;
        added.set(id, reducer.add(states.get(id), collected.inputs[id], name));
      }
    } catch (err) {
      // a reducer that refuses an item leaves it out of every batch node; states already updated by
      // an earlier node in this loop keep it, so refusals must come before any change (BatchStatistics does)
      failed.set(index, errorRecord(inputs[index], `node '${plan.batchNodes[added.size]}': ${describeError(err)}`));
      return;
    }
    added.forEach((state, id) => states.set(id, state));
    keyLines.push(...collected.inputKeys);
    files.push(...collected.files);
  };

  await runPool({ ...pool, mode: 'collect', indices: inputs.map((_, i) => i) }, (index, reply) => {
    pending.set(index, 'record' in reply ? reply.record : reply.collected);
    while (pending.has(next)) {
      const item = pending.get(next)!;
      pending.delete(next);
      if ('status' in item) failed.set(next, item);
      else fold(next, item);
      next++;
    }
  });
  if (states.size < plan.batchNodes.length) return { failed };
  const outputs = new Map<string, NodeOutputs>();
  for (const id of plan.batchNodes) outputs.set(id, registry.get(types.get(id)!)!.batch!.finish(states.get(id)));
  return { batch: { outputs, hash: hashString(keyLines.join('\n')), inputs: files }, failed };
}

function errorRecord(input: InputFile, error: string): ImageRecord {
  return { image: input.display, status: 'error', error, summary: {}, tables: {}, durationMs: 0 };
}
