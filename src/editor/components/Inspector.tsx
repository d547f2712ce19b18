// The right-hand panel: the selected node's params and description, or, with nothing selected,
// the pipeline's name, its images and the cache.
import { useMemo } from 'react';
import type { z } from 'zod';
import { renamePipeline } from '../commands/rename-pipeline';
import { useEditorState, useServices, useSessionState } from '../hooks/context';
import { fieldShown, fieldsOf } from '../params/fields';
import { nodeTitle } from '../graph/to-flow';
import { ParamField } from './ParamField';
import { OutputPreviewView } from './OutputPreview';
import { ImagesPanel } from './ImagesPanel';
import { MetadataView } from './MetadataView';
import { FilenamePatternPreview } from './FilenamePatternPreview';
import { CachePanel } from './CachePanel';

export function Inspector() {
  const { pipeline, selection } = useEditorState();
  const node = selection.nodes.length === 1 ? pipeline.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  return (
    <aside className="cg-inspector" aria-label="Inspector">
      {node ? <NodeInspector nodeId={node.id} /> : <PipelineInspector />}
    </aside>
  );
}

function NodeInspector({ nodeId }: { nodeId: string }) {
  const { registry } = useServices();
  const { pipeline } = useEditorState();
  const run = useSessionState().nodes[nodeId];
  const node = pipeline.nodes.find((n) => n.id === nodeId)!;
  const def = registry.get(node.type);
  const fields = useMemo(() => (def ? fieldsOf(def.params) : []), [def]);
  const nodes = useSessionState().nodes;
  /** The number columns of the table arriving at the first connected of `ports`, from its preview. */
  const columnsAt = (ports: string[] | undefined): string[] | undefined => {
    for (const port of ports ?? []) {
      const edge = pipeline.edges.find((e) => e.to.node === nodeId && e.to.port === port);
      if (!edge) continue;
      const out = nodes[edge.from.node]?.preview?.outputs[edge.from.port];
      return out?.kind === 'table' ? out.table.columns.filter((c) => c.type === 'number').map((c) => c.name) : undefined;
    }
    return undefined;
  };
  if (!def) return <p className="cg-error">Unknown node type '{node.type}'.</p>;
  const shape = def.params.shape as Record<string, z.ZodType>;
  return (
    <section aria-label={`Parameters of ${nodeTitle(node, registry)}`}>
      <h2>{nodeTitle(node, registry)}</h2>
      <div className="muted">{def.category} · <code>{node.type}</code> v{def.version} · id <code>{node.id}</code></div>
      {def.aliases?.length ? <div className="muted" data-testid="aliases">In CellProfiler / Fiji: {def.aliases.join(', ')}</div> : null}
      <p className="cg-description">{def.description}</p>
      <form className="cg-params" onSubmit={(e) => e.preventDefault()} aria-label="Parameters">
        {fields.length === 0 && <p className="muted">This node has no parameters.</p>}
        {fields.filter((f) => fieldShown(f, node.params, fields)).map((f) => (
          <ParamField key={`${nodeId}:${f.key}`} nodeId={nodeId} field={f} schema={shape[f.key]} value={node.params[f.key]} suggestions={columnsAt(f.columnsFrom)} />
        ))}
      </form>
      {node.type === 'metadata-from-filename' && (
        <FilenamePatternPreview
          pattern={String(node.params.pattern ?? fields.find((f) => f.key === 'pattern')?.default ?? '')}
          match={node.params.match === 'folder-and-name' ? 'folder-and-name' : 'name'}
        />
      )}
      {run?.preview && (
        <div className="cg-inspector-previews">
          <h3>Result</h3>
          {Object.entries(run.preview.outputs).map(([port, p]) => (
            <OutputPreviewView key={port} nodeId={nodeId} port={port} preview={p} />
          ))}
          <h3>Metadata</h3>
          {Object.entries(run.preview.outputs).map(([port, p]) => (
            <MetadataView key={port} port={port} preview={p} />
          ))}
        </div>
      )}
    </section>
  );
}

function PipelineInspector() {
  const { store } = useServices();
  const { pipeline } = useEditorState();
  return (
    <>
      <section aria-label="Pipeline">
        <h2>Pipeline</h2>
        <label className="cg-field">
          Name
          <input value={pipeline.name} onChange={(e) => store.exec(renamePipeline, e.target.value, { coalesce: 'rename' })} onBlur={() => store.seal()} />
        </label>
        {pipeline.description && <p className="cg-description">{pipeline.description}</p>}
        <p className="muted">Select a node to edit its parameters.</p>
      </section>
      <ImagesPanel />
      <CachePanel />
    </>
  );
}
