// Where a result came from: the nodes that made it (its ancestors in the graph, in run order, then the
// node itself) with their types, versions and params, the input file's hash and the cellgraph
// version. The executor stamps it on every image, mask, labels and table it hands out; cache keys do
// not include it (node ids are not part of a result's content), so it is added after the cache.
import type { ImageMeta, Provenance, ProvenanceStep } from './image';
import type { PortValue, Registry, SourceFile } from './node';
import type { CheckedPipeline } from './validate';
import { CELLGRAPH_VERSION } from './version';

/** For every node, the provenance of its outputs. */
export function provenanceByNode(checked: CheckedPipeline, registry: Registry, source?: SourceFile): Map<string, Provenance> {
  const byId = new Map(checked.pipeline.nodes.map((n) => [n.id, n]));
  const ancestors = new Map<string, Set<string>>();
  for (const id of checked.order) {
    const set = new Set<string>([id]);
    for (const e of checked.pipeline.edges) {
      if (e.to.node === id) for (const a of ancestors.get(e.from.node) ?? []) set.add(a);
    }
    ancestors.set(id, set);
  }
  const out = new Map<string, Provenance>();
  for (const id of checked.order) {
    const set = ancestors.get(id)!;
    const steps: ProvenanceStep[] = [];
    let readsSource = false;
    for (const stepId of checked.order) {
      if (!set.has(stepId)) continue;
      const node = byId.get(stepId)!;
      const def = registry.get(node.type);
      readsSource ||= def?.readsSource === true;
      steps.push({ id: stepId, type: node.type, version: def?.version ?? node.version ?? 1, params: { ...node.params } });
    }
    const inputs = readsSource && source ? [{ name: source.name, hash: source.hash }] : [];
    out.set(id, { cellgraph: CELLGRAPH_VERSION, pipeline: checked.pipeline.name, steps, inputs });
  }
  return out;
}

function hasMeta(v: PortValue): v is Exclude<PortValue, number> & { meta: ImageMeta } {
  return typeof v === 'object' && v !== null && 'meta' in v;
}

/**
 * Copies of `outputs` whose values carry `provenance` (a shallow copy: pixel arrays are shared, never
 * mutated, so a cached or passed-through value keeps its own metadata).
 */
export function withProvenance<T extends Record<string, PortValue>>(outputs: T, provenance: Provenance): T {
  const out: Record<string, PortValue> = {};
  for (const [port, value] of Object.entries(outputs)) {
    out[port] = hasMeta(value) ? ({ ...value, meta: { ...value.meta, provenance } } as PortValue) : value;
  }
  return out as T;
}
