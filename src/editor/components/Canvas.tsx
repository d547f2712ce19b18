// The graph canvas: React Flow over the pipeline. Every change goes through a command on the
// editor store; React Flow only reports what the user did.
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { addNode } from '../commands/add-node';
import { connect } from '../commands/connect';
import { deleteElements } from '../commands/delete-elements';
import { moveNodes } from '../commands/move-nodes';
import { select } from '../commands/select';
import { connectionProblem } from '../graph/connection-check';
import { toFlowEdges, toFlowNodes, type FlowNode } from '../graph/to-flow';
import { useEditorState, useServices, useSessionState } from '../hooks/context';
import { ConnectionHint } from './ConnectionHint';
import { GraphNode } from './GraphNode';
import { QuickAdd } from './QuickAdd';
import { PALETTE_MIME } from './Palette';

const nodeTypes = { cellgraph: GraphNode };

export function Canvas({ onDropped }: { onDropped: (data: DataTransfer) => void }) {
  const { store, registry, session } = useServices();
  const { pipeline, selection } = useEditorState();
  const { nodes: runs } = useSessionState();
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const [quickAdd, setQuickAdd] = useState<{ screen: { x: number; y: number }; flow: { x: number; y: number } } | undefined>();
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);

  const nodes = useMemo(() => toFlowNodes(pipeline, selection, registry, runs, measured), [pipeline, selection, registry, runs, measured]);
  const edges = useMemo(() => toFlowEdges(pipeline, selection, registry), [pipeline, selection, registry]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const positions: Record<string, { x: number; y: number }> = {};
      let dragEnded = false;
      let sizes: Record<string, { width: number; height: number }> | undefined;
      let selected: Set<string> | undefined;
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.position) positions[c.id] = c.position;
          if (c.dragging === false) dragEnded = true;
        } else if (c.type === 'dimensions' && c.dimensions) {
          sizes ??= {};
          sizes[c.id] = c.dimensions;
        } else if (c.type === 'select') {
          selected ??= new Set(store.getState().selection.nodes);
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        }
      }
      if (Object.keys(positions).length) store.exec(moveNodes, positions, { coalesce: 'move' });
      if (dragEnded) store.seal();
      if (sizes) setMeasured((m) => ({ ...m, ...sizes }));
      if (selected) {
        const order = store.getState().pipeline.nodes.map((n) => n.id).filter((id) => selected!.has(id));
        store.exec(select, { nodes: order, edges: store.getState().selection.edges }, { record: false });
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selected = new Set(store.getState().selection.edges);
      let changed = false;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        changed = true;
        if (c.selected) selected.add(c.id);
        else selected.delete(c.id);
      }
      if (changed) store.exec(select, { nodes: store.getState().selection.nodes, edges: [...selected] }, { record: false });
    },
    [store],
  );

  const toEdge = (c: Connection | Edge) => ({ from: { node: c.source, port: c.sourceHandle ?? '' }, to: { node: c.target, port: c.targetHandle ?? '' } });

  const isValidConnection = useCallback(
    (c: Connection | Edge) => {
      const state = store.getState();
      const edge = toEdge(c);
      const others = state.pipeline.edges.filter((e) => !(e.to.node === edge.to.node && e.to.port === edge.to.port));
      return connectionProblem({ ...state.pipeline, edges: others }, edge, registry) === undefined;
    },
    [store, registry],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const refused = store.exec(connect, toEdge(c));
      if (refused) session.notify(`Cannot connect: ${refused}`, 'error');
    },
    [store, session],
  );

  const onDelete = useCallback(
    ({ nodes: ns, edges: es }: { nodes: FlowNode[]; edges: Edge[] }) => {
      store.exec(deleteElements, { nodes: ns.map((n) => n.id), edges: es.map((e) => e.id) });
    },
    [store],
  );

  const onDragOver = (e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME) || e.dataTransfer.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  };

  const onDrop = (e: DragEvent) => {
    const type = e.dataTransfer.getData(PALETTE_MIME);
    if (type) {
      e.preventDefault();
      e.stopPropagation();
      const position = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const refused = store.exec(addNode, { type, position: { x: position.x - 110, y: position.y - 20 } });
      if (refused) session.notify(refused, 'error');
      return;
    }
    if (e.dataTransfer.files.length) {
      e.preventDefault();
      e.stopPropagation();
      onDropped(e.dataTransfer);
    }
  };

  const onDoubleClick = (e: MouseEvent) => {
    if (!(e.target as HTMLElement).classList.contains('react-flow__pane')) return;
    const rect = wrapper.current!.getBoundingClientRect();
    setQuickAdd({ screen: { x: e.clientX - rect.left, y: e.clientY - rect.top }, flow: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) });
  };

  return (
    <div className="cg-canvas" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} onDoubleClick={onDoubleClick} aria-label="Pipeline canvas">
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        isValidConnection={isValidConnection}
        zoomOnDoubleClick={false}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        connectionRadius={28}
        minZoom={0.1}
        fitView
        fitViewOptions={{ padding: 0.15 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls aria-label="View controls" />
        <ConnectionHint />
      </ReactFlow>
      {pipeline.nodes.length === 0 && (
        <div className="cg-empty-hint">Drag a node from the list on the left, or double-click here to search for one.</div>
      )}
      {quickAdd && (
        <QuickAdd
          at={quickAdd.screen}
          onPick={(type) => {
            store.exec(addNode, { type, position: quickAdd.flow });
            setQuickAdd(undefined);
          }}
          onClose={() => setQuickAdd(undefined)}
        />
      )}
    </div>
  );
}
