// Edges are identified by their endpoints; React Flow's edge id and handle ids derive from them.
import type { PipelineEdge } from '../../core/pipeline';

export const edgeId = (e: PipelineEdge): string => `${e.from.node}.${e.from.port}->${e.to.node}.${e.to.port}`;

export function parseEdgeId(id: string): PipelineEdge | undefined {
  const m = /^(.+)\.([^.]+)->(.+)\.([^.]+)$/.exec(id);
  return m ? { from: { node: m[1], port: m[2] }, to: { node: m[3], port: m[4] } } : undefined;
}
