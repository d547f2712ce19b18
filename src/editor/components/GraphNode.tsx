// One node on the canvas: title, typed ports, status, message, and a preview of every output.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { PORT_COLORS } from '../display/ports';
import type { FlowNode } from '../graph/to-flow';
import { OutputPreviewView } from './OutputPreview';
import { HistogramChart } from './HistogramChart';

const STATUS_TEXT: Record<string, string> = {
  idle: 'not run',
  waiting: 'waiting',
  running: 'running…',
  done: 'done',
  cached: 'cached',
  error: 'error',
  blocked: 'blocked',
  invalid: 'needs input',
};

function GraphNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const { def, title, run, node } = data;
  const status = run?.status ?? 'idle';
  const inputs = def ? Object.entries(def.inputs) : [];
  const outputs = def ? Object.entries(def.outputs) : [];
  const message = run?.error ?? run?.problems?.join('; ');
  return (
    <div className={`cg-node cat-${def?.category ?? 'unknown'}${selected ? ' selected' : ''}`} data-status={status} data-node-id={id} data-testid={`node-${id}`}>
      <header className="cg-node-header">
        <span className="cg-node-title">{title}</span>
        <span className={`cg-status cg-status-${status}`} title={run?.ms ? `${run.ms.toFixed(1)} ms` : undefined}>
          {STATUS_TEXT[status] ?? status}
        </span>
      </header>
      <div className="cg-node-id">{node.id}{def ? '' : ` (unknown type ${node.type})`}</div>
      <div className="cg-ports">
        <div className="cg-ports-in">
          {inputs.map(([name, spec]) => (
            <div className="cg-port cg-port-in" key={name}>
              <Handle
                type="target"
                position={Position.Left}
                id={name}
                className="cg-handle"
                style={{ background: PORT_COLORS[spec.type] }}
                title={`${name}: ${spec.type}${spec.optional ? ' (optional)' : ''}`}
                aria-label={`${title} input ${name} (${spec.type})`}
                data-port={`${id}.in.${name}`}
              />
              <span>{spec.label ?? name}</span>
            </div>
          ))}
        </div>
        <div className="cg-ports-out">
          {outputs.map(([name, spec]) => (
            <div className="cg-port cg-port-out" key={name}>
              <span>{spec.label ?? name}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={name}
                className="cg-handle"
                style={{ background: PORT_COLORS[spec.type] }}
                title={`${name}: ${spec.type}`}
                aria-label={`${title} output ${name} (${spec.type})`}
                data-port={`${id}.out.${name}`}
              />
            </div>
          ))}
        </div>
      </div>
      {message && <div className={`cg-node-message ${status === 'error' || status === 'blocked' ? 'error' : ''}`} role="status">{message}</div>}
      {run?.preview && (
        <div className="cg-previews nodrag">
          {run.preview.histogram && <HistogramChart histogram={run.preview.histogram} />}
          {Object.entries(run.preview.outputs).map(([port, preview]) => (
            <OutputPreviewView key={port} nodeId={id} port={port} preview={preview} compact />
          ))}
        </div>
      )}
    </div>
  );
}

export const GraphNode = memo(GraphNodeView);
