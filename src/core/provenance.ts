// Where a result came from: the nodes that made it (its ancestors in the graph, in run order, then the
// node itself) with their types, versions and params, the input file's hash and the cellgraph
// version. The executor stamps it on every image, mask, labels and table it hands out; cache keys do
// not include it (node ids are not part of a result's content), so it is added after the cache.
import { z } from 'zod';
import { UserError } from './errors';
import { hashString } from './hash';
import type { ImageMeta, Provenance, ProvenanceStep } from './image';
import { sourceFiles, type PortValue, type Registry, type SourceFile } from './node';
import type { CheckedPipeline } from './validate';
import { CELLGRAPH_VERSION } from './version';

/** For every node, the provenance of its outputs. */
export function provenanceByNode(
  checked: CheckedPipeline,
  registry: Registry,
  source?: SourceFile,
  /** Every file of the batch: the inputs of what depends on a batch node (batch-mean). */
  batchInputs?: { name: string; hash: string }[],
): Map<string, Provenance> {
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
    let readsBatch = false;
    for (const stepId of checked.order) {
      if (!set.has(stepId)) continue;
      const node = byId.get(stepId)!;
      const def = registry.get(node.type);
      readsSource ||= def?.readsSource === true;
      readsBatch ||= def?.batch !== undefined && batchInputs !== undefined;
      steps.push({ id: stepId, type: node.type, version: def?.version ?? node.version ?? 1, params: { ...node.params } });
    }
    const inputs = readsSource && source ? sourceFiles(source) : [];
    if (readsBatch) {
      const seen = new Set(inputs.map((i) => `${i.name}\n${i.hash}`));
      for (const i of batchInputs!) if (!seen.has(`${i.name}\n${i.hash}`)) inputs.push({ name: i.name, hash: i.hash });
    }
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
export function withProvenance<T extends Record<string, PortValue>>(
  outputs: T,
  provenance: Provenance,
  identity?: { key: string; created: string },
): T {
  const out: Record<string, PortValue> = {};
  for (const [port, value] of Object.entries(outputs)) {
    if (!hasMeta(value)) {
      out[port] = value;
      continue;
    }
    const stamp = identity ? { id: uuidFromHash(hashString(`${identity.key}:${port}`)), created: identity.created } : {};
    out[port] = { ...value, meta: { ...value.meta, provenance, ...stamp } } as PortValue;
  }
  return out as T;
}

/** A UUID (RFC 9562 version 8, "custom") made of the first 122 bits of a hex hash. */
export function uuidFromHash(hex: string): string {
  const h = hex.slice(0, 32).split('');
  h[12] = '8';
  h[16] = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

// --- The document exported files embed (TIFF ImageDescription, PNG text chunk, CSV sidecar) --------

export const PROVENANCE_FORMAT = 'cellgraph-provenance';

const stepSchema = z.object({ id: z.string(), type: z.string(), version: z.number().int(), params: z.record(z.string(), z.unknown()) });
const documentSchema = z.object({
  format: z.literal(PROVENANCE_FORMAT),
  version: z.literal(1),
  provenance: z.object({
    cellgraph: z.string(),
    pipeline: z.string().optional(),
    steps: z.array(stepSchema),
    inputs: z.array(z.object({ name: z.string(), hash: z.string() })),
  }),
  /** The whole pipeline file (its parsed JSON), so the result can be re-run or reopened. */
  pipeline: z.unknown().optional(),
});
export type ProvenanceDocument = z.infer<typeof documentSchema>;

/** The JSON text to embed in an exported file. */
export function provenanceDocument(provenance: Provenance, pipeline?: unknown): string {
  const doc: ProvenanceDocument = { format: PROVENANCE_FORMAT, version: 1, provenance, ...(pipeline === undefined ? {} : { pipeline }) };
  return JSON.stringify(doc);
}

/**
 * Reads embedded text back: undefined when it is not a cellgraph provenance document (an ImageJ or
 * OME description, say); a UserError when it claims to be one but is damaged.
 */
export function readProvenanceDocument(text: string): ProvenanceDocument | undefined {
  if (!text.trimStart().startsWith('{') || !text.includes(PROVENANCE_FORMAT)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if ((json as { format?: unknown })?.format !== PROVENANCE_FORMAT) return undefined;
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`the embedded cellgraph provenance is damaged: ${issue.path.join('.') || 'document'}: ${issue.message}`);
  }
  return parsed.data;
}
