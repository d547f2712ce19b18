// File, edit and run actions. Every button has an accessible name; the same actions have keys.
import { useReactFlow } from '@xyflow/react';
import { useRef, useState } from 'react';
import { loadPipeline } from '../commands/load-pipeline';
import { useEditorState, useServices, useSessionState } from '../hooks/context';
import { examples } from '../files/examples';
import { openExample } from '../session/open-documents';
import { emptyPipeline } from '../store/state';
import type { Actions } from './actions';

export function Toolbar({ actions }: { actions: Actions }) {
  const { store, session } = useServices();
  const { pipeline } = useEditorState();
  const { running, lastRun, cache } = useSessionState();
  const [examplesOpen, setExamplesOpen] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const flow = useReactFlow();
  return (
    <header className="cg-toolbar" role="toolbar" aria-label="Main actions">
      <span className="cg-brand">cellgraph</span>
      <span className="cg-title" title={pipeline.description}>{pipeline.name}</span>
      <div className="cg-group">
        <button
          type="button"
          onClick={() => {
            store.exec(loadPipeline, emptyPipeline());
            void flow.setViewport({ x: 0, y: 0, zoom: 1 });
          }}
          title="Start an empty pipeline"
        >
          New
        </button>
        <button type="button" onClick={() => picker.current?.click()} title="Open a pipeline file (Ctrl+O)">Open pipeline</button>
        <input
          ref={picker}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Pipeline file"
          data-testid="open-pipeline-input"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) session.openText(await file.text(), file.name);
          }}
        />
        <button type="button" onClick={actions.save} title="Download the pipeline as JSON (Ctrl+S)">Save pipeline</button>
        <div className="cg-menu">
          <button type="button" aria-haspopup="menu" aria-expanded={examplesOpen} onClick={() => setExamplesOpen((o) => !o)}>Examples</button>
          {examplesOpen && (
            <ul role="menu" className="cg-menu-list" onMouseLeave={() => setExamplesOpen(false)}>
              {examples.map((ex) => (
                <li key={ex.file} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    onClick={() => {
                      setExamplesOpen(false);
                      void session.track(openExample(session, ex));
                    }}
                  >
                    {ex.name} <span className="muted">{ex.file}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="button" onClick={() => void actions.share()} title="Copy a link that holds the whole pipeline">Copy share link</button>
      </div>
      <div className="cg-group">
        <button type="button" onClick={store.undo} disabled={!store.history.canUndo} title="Undo (Ctrl+Z)">Undo</button>
        <button type="button" onClick={store.redo} disabled={!store.history.canRedo} title="Redo (Ctrl+Shift+Z)">Redo</button>
      </div>
      <div className="cg-group">
        <button type="button" className="primary" onClick={() => void session.runNow()} title="Run now (Ctrl+Enter); changes also run automatically">Run</button>
        <button type="button" onClick={() => session.cancel()} disabled={!running}>Cancel run</button>
        {cache && !cache.persistent && (
          <span className="cg-cache-off" data-testid="cache-off" title={cache.reason}>
            Not cached: results are kept only until the page closes
          </span>
        )}
        <span className="cg-run-state" role="status" aria-live="polite" data-testid="run-state" data-running={running}>
          {running ? 'Running…' : lastRun ? runSummaryText(lastRun) : ''}
        </span>
      </div>
    </header>
  );
}

function runSummaryText(run: NonNullable<ReturnType<typeof useSessionState>['lastRun']>): string {
  if (run.status === 'cancelled') return 'Cancelled';
  if (run.status === 'invalid') return 'Cannot run';
  const ran = run.reports.filter((r) => r.status === 'done').length;
  const cached = run.reports.filter((r) => r.status === 'cached').length;
  const failed = run.reports.filter((r) => r.status === 'error').length;
  const blocked = run.reports.filter((r) => r.status === 'blocked').length;
  return `${ran} ran, ${cached} cached${failed ? `, ${failed} failed` : ''}${blocked ? `, ${blocked} blocked` : ''} · ${run.ms.toFixed(0)} ms`;
}
