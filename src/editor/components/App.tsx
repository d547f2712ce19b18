// The editor page: toolbar, palette, canvas, inspector, run report; page-wide file drop,
// clipboard and keyboard shortcuts.
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef, type DragEvent } from 'react';
import { describeError } from '../../core/errors';
import { paste, parseFragment, selectionToPipeline } from '../commands/paste';
import { deleteSelection } from '../commands/delete-elements';
import { selectAll } from '../commands/select';
import { downloadBytes } from '../files/download';
import { embeddedPipelineOf, sortDroppedFiles } from '../files/embedded';
import { droppedItems, imagesOfDroppedFolder } from '../files/folders';
import { isImageFileName } from '../../io/decode';
import { openEmbedded } from '../session/open-documents';
import { pipelineFileName, pipelineFileText } from '../files/open-pipeline';
import { shareLink } from '../files/share-link';
import { EditorContext, useServices, useSessionState, type EditorServices } from '../hooks/context';
import { isTextTarget, useKeyboard } from '../hooks/useKeyboard';
import type { Actions } from './actions';
import { Canvas } from './Canvas';
import { ErrorBoundary } from './ErrorBoundary';
import { Notices, ProblemsDialog } from './Dialogs';
import { Inspector } from './Inspector';
import { Palette } from './Palette';
import { RunReport } from './RunReport';
import { Toolbar } from './Toolbar';
import { Viewer } from './Viewer';

export function App({ services }: { services: EditorServices }) {
  return (
    <EditorContext.Provider value={services}>
      <ErrorBoundary
        fallback={(message) => (
          <div className="cg-crash" role="alert">
            <h1>cellgraph stopped</h1>
            <p>{message}</p>
            <p>Your pipeline is saved in this browser; reloading the page brings it back.</p>
            <button type="button" onClick={() => window.location.reload()}>Reload</button>
          </div>
        )}
      >
        <ReactFlowProvider>
          <Editor />
        </ReactFlowProvider>
      </ErrorBoundary>
    </EditorContext.Provider>
  );
}

function Editor() {
  const { store, session } = useServices();
  const { ready, opened, lastRun } = useSessionState();
  const flow = useReactFlow();

  // fit the view to each opened document, and again once its first run has grown the nodes
  // with their previews, so a new user sees the whole pipeline and its results
  const fitAfterRun = useRef(true);
  useEffect(() => {
    fitAfterRun.current = true;
    const timer = setTimeout(() => void flow.fitView({ padding: 0.15 }), 50);
    return () => clearTimeout(timer);
  }, [opened, flow]);
  useEffect(() => {
    if (!lastRun || !fitAfterRun.current) return;
    fitAfterRun.current = false;
    const timer = setTimeout(() => void flow.fitView({ padding: 0.08 }), 50);
    return () => clearTimeout(timer);
  }, [lastRun, flow]);

  // files and folders dropped: the entries are taken now (the browser withdraws them after the event)
  const onDropped = (data: DataTransfer) => {
    const { files, folders } = droppedItems(data);
    session.track(readDropped(files, folders));
  };
  const readDropped = async (files: File[], folders: FileSystemDirectoryEntry[]) => {
    if (folders.length) {
      try {
        await session.addFolders(await Promise.all(folders.map(imagesOfDroppedFolder)));
      } catch (err) {
        session.notify(`Could not read the folder ${folders.map((f) => f.name).join(', ')}: ${err instanceof Error ? err.message : String(err)}`, 'error');
      }
    }
    if (files.length) await readFiles(files);
  };
  const readFiles = async (files: File[]) => {
    const json = files.find((f) => /\.json$/i.test(f.name));
    if (json) {
      const text = await json.text();
      // a table's <name>.provenance.json sidecar reopens the pipeline that made the table
      const embedded = embeddedPipelineOf({ name: json.name, bytes: new TextEncoder().encode(text) });
      if (embedded) openEmbedded(session, json.name, embedded);
      else session.openText(text, json.name);
      return;
    }
    const images = files.filter((f) => isImageFileName(f.name));
    if (images.length === 0) {
      session.notify(`Not an image or pipeline: ${files.map((f) => f.name).join(', ')} (use TIFF, PNG, JPEG or .json)`, 'error');
      return;
    }
    try {
      const dropped = await sortDroppedFiles(images);
      if (dropped.pipeline) openEmbedded(session, dropped.pipeline.name, dropped.pipeline.embedded);
      if (dropped.images.length) await session.addFiles(dropped.images.map((f) => ({ name: f.name, bytes: f })));
    } catch (err) {
      session.notify(describeError(err), 'error');
    }
  };

  const actions: Actions = useMemo(
    () => ({
      save: () => {
        const p = store.getState().pipeline;
        downloadBytes(pipelineFileText(p), pipelineFileName(p), 'application/json');
      },
      open: () => (document.querySelector('[data-testid="open-pipeline-input"]') as HTMLInputElement | null)?.click(),
      share: async () => {
        const link = await shareLink(store.getState().pipeline, window.location.href);
        try {
          await navigator.clipboard.writeText(link);
          session.notify('Share link copied: it holds the whole pipeline (no server sees it).');
        } catch {
          window.prompt('Copy this link:', link);
        }
        (window as unknown as { __cellgraph?: { lastShareLink?: string } }).__cellgraph!.lastShareLink = link;
      },
    }),
    [store, session],
  );

  const shortcuts = useMemo(
    () => ({
      'mod+z': () => store.undo(),
      'mod+shift+z': () => store.redo(),
      'mod+y': () => store.redo(),
      'mod+s': () => actions.save(),
      'mod+o': () => actions.open(),
      'mod+enter': () => void session.runNow(),
      'mod+a': () => store.exec(selectAll, undefined, { record: false }),
      escape: () => session.closeViewer(),
    }),
    [store, session, actions],
  );
  useKeyboard(shortcuts);

  // copy/cut/paste as pipeline JSON through the system clipboard, so it works between tabs
  useEffect(() => {
    const onCopy = (e: ClipboardEvent) => {
      if (isTextTarget(e.target) || window.getSelection()?.toString()) return;
      const fragment = selectionToPipeline(store.getState());
      if (!fragment) return;
      e.clipboardData?.setData('text/plain', pipelineFileText(fragment));
      e.preventDefault();
      if (e.type === 'cut') store.exec(deleteSelection, undefined);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTextTarget(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const fragment = parseFragment(text);
      if (!fragment) return;
      e.preventDefault();
      const refused = store.exec(paste, { fragment });
      if (refused) session.notify(refused, 'error');
    };
    // a share link pasted into the address bar of an open editor only changes the fragment
    const onHashChange = () => {
      void session.openShareLink();
    };
    window.addEventListener('hashchange', onHashChange);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, session]);

  const onPageDragOver = (e: DragEvent) => {
    if (e.dataTransfer.types.includes('Files')) e.preventDefault();
  };
  const onPageDrop = (e: DragEvent) => {
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    onDropped(e.dataTransfer);
  };

  return (
    <div className="cg-app" onDragOver={onPageDragOver} onDrop={onPageDrop} data-ready={ready}>
      <Toolbar actions={actions} />
      <main className="cg-main">
        <Palette />
        <Canvas onDropped={onDropped} />
        <Inspector />
      </main>
      <RunReport />
      <ProblemsDialog />
      <ErrorBoundary
        fallback={(message, reset) => (
          <div className="cg-modal-backdrop">
            <div className="cg-modal" role="alertdialog" aria-label="The viewer failed">
              <p className="cg-error">The viewer cannot show this result: {message}</p>
              <button type="button" onClick={() => { session.closeViewer(); reset(); }}>Close</button>
            </div>
          </div>
        )}
      >
        <Viewer />
      </ErrorBoundary>
      <Notices />
    </div>
  );
}
