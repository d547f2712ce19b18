// React Flow's nodes and edges, derived from the pipeline on every change (the pipeline is the only
// copy of the graph). Sizes React Flow measured are kept beside it, since they are not document state.
import type { Edge, Node } from '@xyflow/react';
import type { AnyNodeDefinition, Registry } from '../../core/node';
import type { Pipeline, PipelineNode } from '../../core/pipeline';
import { PORT_COLORS } from '../display/ports';
import type { NodeRunState } from '../session/node-state';
import type { Selection } from '../store/state';
import { edgeId } from './edges';

export interface GraphNodeData extends Record<string, unknown> {
  node: PipelineNode;
  def?: AnyNodeDefinition;
  title: string;
  run?: NodeRunState;
}

export type FlowNode = Node<GraphNodeData, 'cellgraph'>;

export function nodeTitle(node: PipelineNode, registry: Registry): string {
  return node.label ?? registry.get(node.type)?.label ?? node.type;
}

export function toFlowNodes(
  pipeline: Pipeline,
  selection: Selection,
  registry: Registry,
  runs: Record<string, NodeRunState>,
  measured: Record<string, { width: number; height: number }>,
): FlowNode[] {
  const selected = new Set(selection.nodes);
  return pipeline.nodes.map((node) => {
    const title = nodeTitle(node, registry);
    return {
      id: node.id,
      type: 'cellgraph',
      position: node.position ?? { x: 0, y: 0 },
      selected: selected.has(node.id),
      ariaLabel: title,
      measured: measured[node.id],
      data: { node, def: registry.get(node.type), title, run: runs[node.id] },
    };
  });
}

export function toFlowEdges(pipeline: Pipeline, selection: Selection, registry: Registry): Edge[] {
  const selected = new Set(selection.edges);
  return pipeline.edges.map((e) => {
    const fromType = registry.get(pipeline.nodes.find((n) => n.id === e.from.node)?.type ?? '')?.outputs[e.from.port]?.type;
    const id = edgeId(e);
    return {
      id,
      source: e.from.node,
      sourceHandle: e.from.port,
      target: e.to.node,
      targetHandle: e.to.port,
      selected: selected.has(id),
      ariaLabel: `${e.from.node} ${e.from.port} to ${e.to.node} ${e.to.port}`,
      style: { stroke: fromType ? PORT_COLORS[fromType] : '#888', strokeWidth: selected.has(id) ? 3 : 2 },
    };
  });
}
