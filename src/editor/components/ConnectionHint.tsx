// While a wire is dragged over a port that refuses it, say why (types or a cycle).
import { useConnection } from '@xyflow/react';
import { connectionProblem } from '../graph/connection-check';
import { useEditorState, useServices } from '../hooks/context';

export function ConnectionHint() {
  const { registry } = useServices();
  const { pipeline } = useEditorState();
  const connection = useConnection();
  if (!connection.inProgress || !connection.toHandle || !connection.fromHandle) return null;
  const from = connection.fromHandle.type === 'source' ? connection.fromHandle : connection.toHandle;
  const to = connection.fromHandle.type === 'source' ? connection.toHandle : connection.fromHandle;
  if (from.type !== 'source' || to.type !== 'target') {
    return <div className="cg-connection-hint" role="alert">Connect an output (right side) to an input (left side)</div>;
  }
  const edge = { from: { node: from.nodeId, port: from.id ?? '' }, to: { node: to.nodeId, port: to.id ?? '' } };
  const others = pipeline.edges.filter((e) => !(e.to.node === edge.to.node && e.to.port === edge.to.port));
  const problem = connectionProblem({ ...pipeline, edges: others }, edge, registry);
  if (!problem) return null;
  return <div className="cg-connection-hint" role="alert">Cannot connect: {problem}</div>;
}
