// Runs a checked pipeline: nodes in topological order, each result keyed by a content hash of
// (type, version, params, the keys of its inputs[, the source file's hash]). A node whose key is in
// the cache is not run; so a changed param recomputes only that node and what lies downstream.
import { UserError, describeError } from './errors';
import { canonicalJSON, hashString } from './hash';
import type { AnyNodeDefinition, PortValue, Registry, SourceFile } from './node';
import { provenanceByNode, withProvenance } from './provenance';
import type { CheckedPipeline } from './validate';

export type NodeOutputs = Record<string, PortValue>;

/** Where results are kept between runs. Values must be treated as immutable by everyone. */
export interface CacheStore {
  get(key: string): Promise<NodeOutputs | undefined>;
  set(key: string, value: NodeOutputs): Promise<void>;
}

export type NodeStatus = 'waiting' | 'running' | 'done' | 'cached' | 'error' | 'blocked';

export interface NodeReport {
  id: string;
  type: string;
  status: NodeStatus;
  /** The content-hash cache key of this node's result. */
  key: string;
  /** Wall time of run() (0 when cached or not run). */
  ms: number;
  error?: string;
  /** The stack of an unexpected (non-UserError) error, for `cellgraph run --debug`. */
  stack?: string;
}

export type ExecutorEvent =
  | { type: 'node-start'; id: string; index: number; total: number }
  /** `outputs`: what the node handed on (ran, cached or from the batch), provenance stamped; absent when it failed or was blocked. */
  | { type: 'node-end'; id: string; index: number; total: number; report: NodeReport; outputs?: NodeOutputs };

export interface RunOptions {
  registry: Registry;
  /** The batch item's file, for nodes that read it (load-image). */
  source?: SourceFile;
  cache?: CacheStore;
  signal?: AbortSignal;
  /** Largest number of samples a decoder may allocate for one image (default 2^28). */
  maxPixels?: number;
  onEvent?: (event: ExecutorEvent) => void;
  /** Run only these nodes (the runner's first pass: what feeds the batch nodes). */
  only?: ReadonlySet<string>;
  /** Outputs of batch nodes computed over the whole batch (second pass); see BatchContext. */
  batch?: BatchContext;
}

/** What the runner's first pass learnt about the whole batch. */
export interface BatchContext {
  /** Outputs of each batch node, by node id. */
  outputs: ReadonlyMap<string, NodeOutputs>;
  /** Identifies the batch (its items' inputs to the batch nodes): part of the batch nodes' cache keys. */
  hash: string;
  /** Every file the batch read, for the provenance of what depends on a batch node. */
  inputs: { name: string; hash: string }[];
}

export interface RunResult {
  /** Outputs of every node that finished (ran or came from the cache). */
  values: Map<string, NodeOutputs>;
  reports: NodeReport[];
  /** The first error, as "node 'id': message". */
  error?: string;
}

export const DEFAULT_MAX_PIXELS = 2 ** 28;

/** The cache key of every node, computed from params and the graph alone (no data is touched). */
/**
 * What a node that reads the source depends on: the bytes (the source's hash) and the names its
 * outputs carry (the file's, a stack's files', the paired files'), which metadata-from-filename reads.
 * Keyed by bytes alone, two identical files of different names shared one cached load, and the second
 * got the first one's plate and well. The folder's name (not its path, so a plate moved to another disk
 * or run from another working folder keeps its keys) is read the same way.
 */
export function sourceKey(source: SourceFile): string {
  const paired = source.paired && Object.fromEntries(Object.entries(source.paired).map(([role, f]) => [role, f.name]));
  return hashString(
    canonicalJSON({ hash: source.hash, name: source.name, folder: source.folder ?? null, planes: source.planes?.map((p) => p.name) ?? null, paired: paired ?? null }),
  );
}

export function computeKeys(checked: CheckedPipeline, registry: Registry, source?: string, batchHash?: string): Map<string, string> {
  const byId = new Map(checked.pipeline.nodes.map((n) => [n.id, n]));
  const keys = new Map<string, string>();
  for (const id of checked.order) {
    const node = byId.get(id)!;
    const def = definition(registry, node.type);
    const inputs: Record<string, string> = {};
    for (const e of checked.pipeline.edges) {
      if (e.to.node === id) inputs[e.to.port] = `${keys.get(e.from.node)}:${e.from.port}`;
    }
    const material = {
      type: def.type,
      version: def.version,
      params: node.params,
      // a batch node's result depends on the whole batch, not on this item's inputs
      inputs: def.batch !== undefined && batchHash !== undefined ? { batch: batchHash } : inputs,
      source: def.readsSource ? (source ?? null) : undefined,
    };
    keys.set(id, hashString(canonicalJSON(material)));
  }
  return keys;
}

export async function runPipeline(checked: CheckedPipeline, options: RunOptions): Promise<RunResult> {
  const { registry, cache, signal, onEvent } = options;
  const keys = computeKeys(checked, registry, options.source && sourceKey(options.source), options.batch?.hash);
  // stamped on the values handed on, not on what the cache keeps (whose keys ignore node ids)
  const provenance = provenanceByNode(checked, registry, options.source, options.batch?.inputs);
  const byId = new Map(checked.pipeline.nodes.map((n) => [n.id, n]));
  const values = new Map<string, NodeOutputs>();
  const failed = new Set<string>();
  const reports: NodeReport[] = [];
  const total = checked.order.length;
  let firstError: string | undefined;

  for (const [index, id] of checked.order.entries()) {
    if (signal?.aborted) throw abortError();
    if (options.only && !options.only.has(id)) continue;
    const node = byId.get(id)!;
    const def = definition(registry, node.type);
    const key = keys.get(id)!;
    const report: NodeReport = { id, type: def.type, status: 'waiting', key, ms: 0 };
    reports.push(report);
    onEvent?.({ type: 'node-start', id, index, total });

    const incoming = checked.pipeline.edges.filter((e) => e.to.node === id);
    const blockedBy = incoming.find((e) => failed.has(e.from.node));
    if (blockedBy) {
      failed.add(id);
      report.status = 'blocked';
      report.error = `waiting on '${blockedBy.from.node}', which failed`;
    } else if (options.batch?.outputs.has(id)) {
      values.set(id, withProvenance(options.batch.outputs.get(id)!, provenance.get(id)!, { key, created: new Date().toISOString() }));
      report.status = 'done';
    } else {
      const hit = cache ? await cache.get(key) : undefined;
      if (hit) {
        values.set(id, withProvenance(hit, provenance.get(id)!, { key, created: new Date().toISOString() }));
        report.status = 'cached';
      } else {
        const inputs: Record<string, PortValue> = {};
        for (const e of incoming) inputs[e.to.port] = values.get(e.from.node)![e.from.port];
        const started = now();
        try {
          const out = await def.run(inputs, node.params, {
            nodeId: id,
            source: options.source,
            signal,
            maxPixels: options.maxPixels ?? DEFAULT_MAX_PIXELS,
          });
          report.ms = now() - started;
          checkOutputs(def, out);
          values.set(id, withProvenance(out, provenance.get(id)!, { key, created: new Date().toISOString() }));
          report.status = 'done';
          if (cache) await cache.set(key, out);
        } catch (err) {
          if (signal?.aborted) throw abortError();
          report.ms = now() - started;
          report.status = 'error';
          report.error = describeError(err);
          if (!(err instanceof UserError) && err instanceof Error && err.stack) report.stack = err.stack;
          failed.add(id);
          firstError ??= `node '${id}': ${report.error}`;
        }
      }
    }
    onEvent?.({ type: 'node-end', id, index, total, report: { ...report }, outputs: values.get(id) });
  }
  return { values, reports, error: firstError };
}

function checkOutputs(def: AnyNodeDefinition, out: NodeOutputs): void {
  for (const name of Object.keys(def.outputs)) {
    if (out?.[name] === undefined) throw new Error(`'${def.type}' returned no '${name}' output`);
  }
}

function definition(registry: Registry, type: string): AnyNodeDefinition {
  const def = registry.get(type);
  if (!def) throw new UserError(`unknown node type '${type}'`);
  return def;
}

function abortError(): Error {
  const err = new Error('cancelled');
  err.name = 'AbortError';
  return err;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
