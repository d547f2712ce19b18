// Positions for nodes that have none (hand-written or generated pipelines): columns by depth in
// the graph, rows in file order, so the picture reads left to right like the data flows.
import type { Pipeline } from '../../core/pipeline';

export const COLUMN_WIDTH = 280;
export const ROW_HEIGHT = 220;

export function layoutMissingPositions(pipeline: Pipeline): Pipeline {
  if (pipeline.nodes.every((n) => n.position)) return pipeline;
  const depth = new Map<string, number>(pipeline.nodes.map((n) => [n.id, 0]));
  // longest-path depth; bounded by the node count so a cycle cannot loop forever
  for (let round = 0; round < pipeline.nodes.length; round++) {
    let changed = false;
    for (const e of pipeline.edges) {
      const d = (depth.get(e.from.node) ?? 0) + 1;
      if (depth.has(e.to.node) && d > depth.get(e.to.node)!) {
        depth.set(e.to.node, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const rows = new Map<number, number>();
  return {
    ...pipeline,
    nodes: pipeline.nodes.map((n) => {
      const col = depth.get(n.id) ?? 0;
      const row = rows.get(col) ?? 0;
      rows.set(col, row + 1);
      return n.position ? n : { ...n, position: { x: col * COLUMN_WIDTH, y: row * ROW_HEIGHT } };
    }),
  };
}
