// Replace the selection (not an undo step).
import type { Selection } from '../store/state';
import type { Command } from '../store/editor-store';

export const select: Command<Selection> = (state, selection) => {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (same(state.selection.nodes, selection.nodes) && same(state.selection.edges, selection.edges)) return state;
  return { ...state, selection };
};

export const selectAll: Command<void> = (state) => ({
  ...state,
  selection: { nodes: state.pipeline.nodes.map((n) => n.id), edges: [] },
});
