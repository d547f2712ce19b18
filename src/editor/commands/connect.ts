// Wire an output to an input. An input takes one wire, so a new wire replaces the old one.
// Mismatched types and cycles are refused with the reason.
import type { PipelineEdge } from '../../core/pipeline';
import { connectionProblem } from '../graph/connection-check';
import type { Command } from '../store/editor-store';

export const connect: Command<PipelineEdge> = (state, edge, { registry }) => {
  const others = state.pipeline.edges.filter((e) => !(e.to.node === edge.to.node && e.to.port === edge.to.port));
  const problem = connectionProblem({ ...state.pipeline, edges: others }, edge, registry);
  if (problem) return { refused: problem };
  const copy: PipelineEdge = { from: { ...edge.from }, to: { ...edge.to } };
  return { ...state, pipeline: { ...state.pipeline, edges: [...others, copy] } };
};
