// Move nodes to new positions (a drag sends many of these; the store coalesces them).
import type { Command } from '../store/editor-store';

export const moveNodes: Command<Record<string, { x: number; y: number }>> = (state, positions) => {
  let changed = false;
  const nodes = state.pipeline.nodes.map((n) => {
    const p = positions[n.id];
    if (!p) return n;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (n.position && n.position.x === position.x && n.position.y === position.y) return n;
    changed = true;
    return { ...n, position };
  });
  return changed ? { ...state, pipeline: { ...state.pipeline, nodes } } : state;
};
