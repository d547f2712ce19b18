// Pipelines with batch nodes (batch-mean) run in two passes, by `cellgraph run` and by the editor's
// "Run on all images" alike. First pass: every item runs only the nodes that feed a batch node; the
// values on the batch nodes' inputs are folded, in input order (so the result does not depend on which
// worker finished first), by each node's BatchReducer. Second pass: every item that got through runs
// the rest of the pipeline with the finished batch outputs (the nodes that only fed batch nodes are
// not run again). What a front end adds is where items come from and how they are scheduled.
import { describeError } from './errors';
import { computeKeys, runPipeline, sourceKey, type BatchContext, type NodeOutputs, type RunOptions, type RunResult } from './executor';
import { hashString } from './hash';
import { sourceFiles, type PortValue, type Registry, type SourceFile } from './node';
import type { CheckedPipeline } from './validate';

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

/** First pass: the values on the batch nodes' inputs for one item, and what they were made from. Plain data. */
export interface CollectedForBatch {
  /** By batch node id, by input port. */
  inputs: Record<string, Record<string, PortValue>>;
  /** The cache keys of those values: the batch's hash is made of them. */
  inputKeys: string[];
  /** The files the item was read from (for the provenance of what depends on the batch). */
  files: { name: string; hash: string }[];
}

/** The values on the batch nodes' inputs and the keys they were made under, from a first-pass run. */
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

/**
 * The first pass on one item: runs what feeds the batch nodes (`options.only` is the plan's) and
 * returns the run with, when it got through, what the item contributes to the batch.
 */
export async function runFirstPassItem(
  plan: BatchPlan,
  checked: CheckedPipeline,
  options: Omit<RunOptions, 'only' | 'batch'> & { source: SourceFile },
): Promise<{ run: RunResult; collected?: CollectedForBatch }> {
  const run = await runPipeline(checked, { ...options, only: plan.firstPass });
  if (run.error) return { run };
  const keys = computeKeys(checked, options.registry, sourceKey(options.source));
  return { run, collected: { ...collectBatchInputs(plan, checked, run.values, keys), files: sourceFiles(options.source) } };
}

/**
 * The batch nodes' states over the items added so far. Add items in input order: the reducers
 * (a float64 sum, say) and the batch's hash depend on it.
 */
export class BatchFold {
  private readonly states = new Map<string, unknown>();
  private readonly keyLines: string[] = [];
  private readonly files: { name: string; hash: string }[] = [];
  private readonly types: Map<string, string>;

  constructor(private readonly plan: BatchPlan, checked: CheckedPipeline, private readonly registry: Registry) {
    this.types = new Map(checked.pipeline.nodes.map((n) => [n.id, n.type]));
  }

  /**
   * Folds the next item into every batch node; `name` is the item's name in a reducer's error. Returns
   * the item's one-line error ("node 'id': …") when a reducer refuses it (e.g. another shape): it is
   * then left out of every batch node.
   */
  add(collected: CollectedForBatch, name: string): string | undefined {
    const added = new Map<string, unknown>();
    try {
      for (const id of this.plan.batchNodes) added.set(id, this.reducer(id).add(this.states.get(id), collected.inputs[id], name));
    } catch (err) {
      // states already updated by an earlier node in this loop keep the item, so a reducer's
      // refusals must come before any change (BatchStatistics's do)
      return `node '${this.plan.batchNodes[added.size]}': ${describeError(err)}`;
    }
    added.forEach((state, id) => this.states.set(id, state));
    this.keyLines.push(...collected.inputKeys);
    this.files.push(...collected.files);
    return undefined;
  }

  /** What the second pass runs with (RunOptions.batch), or undefined when no item was folded. */
  finish(): BatchContext | undefined {
    if (this.states.size < this.plan.batchNodes.length) return undefined;
    const outputs = new Map<string, NodeOutputs>();
    for (const id of this.plan.batchNodes) outputs.set(id, this.reducer(id).finish(this.states.get(id)));
    return { outputs, hash: hashString(this.keyLines.join('\n')), inputs: this.files };
  }

  private reducer(id: string) {
    return this.registry.get(this.types.get(id)!)!.batch!;
  }
}

/** The second pass's run options: the finished batch outputs, and only the nodes it still needs. */
export function secondPassOptions(plan: BatchPlan | undefined, batch: BatchContext): Pick<RunOptions, 'batch' | 'only'> {
  return { batch, only: plan?.secondPass };
}
