// Copy and paste as pipeline JSON, so a selection moves between tabs (or into a text file) and
// stays a valid pipeline document. Pasted nodes get fresh ids when theirs are taken.
import { migrateDocument, parseJSONText, pipelineSchema, type Pipeline } from '../../core/pipeline';
import { uniqueId } from '../graph/ids';
import type { Command } from '../store/editor-store';
import type { EditorState } from '../store/state';

/** The selected nodes and the wires between them, as a pipeline document. */
export function selectionToPipeline(state: EditorState): Pipeline | undefined {
  const ids = new Set(state.selection.nodes);
  if (ids.size === 0) return undefined;
  return {
    ...state.pipeline,
    name: `${state.pipeline.name} (excerpt)`,
    nodes: state.pipeline.nodes.filter((n) => ids.has(n.id)),
    edges: state.pipeline.edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node)),
    ui: undefined,
  };
}

/** Clipboard text → pipeline fragment, or undefined when the text is not a pipeline. */
export function parseFragment(text: string): Pipeline | undefined {
  const parsed = parseJSONText(text);
  if (parsed.value === undefined) return undefined;
  const migrated = migrateDocument(parsed.value);
  if (migrated.problems.length) return undefined;
  const shape = pipelineSchema.safeParse(migrated.doc);
  return shape.success ? shape.data : undefined;
}

export interface PasteArgs {
  fragment: Pipeline;
  /** Where the fragment's top-left node goes; default: 40 px below-right of where it was. */
  at?: { x: number; y: number };
}

export const paste: Command<PasteArgs> = (state, { fragment, at }, { registry }) => {
  const unknown = fragment.nodes.find((n) => !registry.get(n.type));
  if (unknown) return { refused: `cannot paste: unknown node type '${unknown.type}'` };
  if (fragment.nodes.length === 0) return { refused: 'nothing to paste' };
  const xs = fragment.nodes.map((n) => n.position?.x ?? 0);
  const ys = fragment.nodes.map((n) => n.position?.y ?? 0);
  const dx = at ? at.x - Math.min(...xs) : 40;
  const dy = at ? at.y - Math.min(...ys) : 40;
  const taken = state.pipeline.nodes.map((n) => n.id);
  const rename = new Map<string, string>();
  for (const n of fragment.nodes) {
    const id = uniqueId(n.id, taken);
    rename.set(n.id, id);
    taken.push(id);
  }
  const nodes = fragment.nodes.map((n) => ({
    ...n,
    id: rename.get(n.id)!,
    params: { ...n.params },
    position: { x: Math.round((n.position?.x ?? 0) + dx), y: Math.round((n.position?.y ?? 0) + dy) },
  }));
  const edges = fragment.edges
    .filter((e) => rename.has(e.from.node) && rename.has(e.to.node))
    .map((e) => ({ from: { node: rename.get(e.from.node)!, port: e.from.port }, to: { node: rename.get(e.to.node)!, port: e.to.port } }));
  return {
    pipeline: { ...state.pipeline, nodes: [...state.pipeline.nodes, ...nodes], edges: [...state.pipeline.edges, ...edges] },
    selection: { nodes: nodes.map((n) => n.id), edges: [] },
  };
};
