// Delete nodes (with their wires) and wires.
import { edgeId } from '../graph/edges';
import type { Command } from '../store/editor-store';

export interface DeleteArgs {
  nodes: string[];
  edges: string[];
}

export const deleteElements: Command<DeleteArgs> = (state, { nodes, edges }) => {
  if (nodes.length === 0 && edges.length === 0) return state;
  const gone = new Set(nodes);
  const goneEdges = new Set(edges);
  const pipeline = {
    ...state.pipeline,
    nodes: state.pipeline.nodes.filter((n) => !gone.has(n.id)),
    edges: state.pipeline.edges.filter((e) => !gone.has(e.from.node) && !gone.has(e.to.node) && !goneEdges.has(edgeId(e))),
  };
  return {
    pipeline,
    selection: {
      nodes: state.selection.nodes.filter((id) => !gone.has(id)),
      edges: state.selection.edges.filter((id) => !goneEdges.has(id)),
    },
  };
};

/** Delete whatever is selected. */
export const deleteSelection: Command<void> = (state, _args, ctx) => deleteElements(state, state.selection, ctx);
