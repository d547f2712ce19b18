// Add a node of a type at a point, with its params' defaults written out, and select it.
import type { Command } from '../store/editor-store';
import { uniqueId } from '../graph/ids';

export interface AddNodeArgs {
  type: string;
  position: { x: number; y: number };
  id?: string;
}

export const addNode: Command<AddNodeArgs> = (state, { type, position, id }, { registry }) => {
  const def = registry.get(type);
  if (!def) return { refused: `unknown node type '${type}'` };
  const parsed = def.params.safeParse({});
  const params = parsed.success ? (parsed.data as Record<string, unknown>) : {};
  const nodeId = id ?? uniqueId(type, state.pipeline.nodes.map((n) => n.id));
  const node = { id: nodeId, type, version: def.version, params, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  return {
    pipeline: { ...state.pipeline, nodes: [...state.pipeline.nodes, node] },
    selection: { nodes: [nodeId], edges: [] },
  };
};
