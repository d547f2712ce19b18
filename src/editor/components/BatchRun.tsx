// "Run on all images": the whole pipeline on every listed image, one after another, as `cellgraph run
// PIPELINE <images> --out DIR` runs it (a batch node's pipeline in two passes, the first shown as
// "First pass k of N"); while it runs, which image of how many, and Cancel; then how
// many went through, each failed image with its one-line error, and the files the runner would write
// (every exported table with all images' rows, its provenance, images.csv, and the saved images as a
// zip) to download.
import { zipSync, type Zippable } from 'fflate';
import { useMemo } from 'react';
import { batchFiles } from '../../io/batch-tables';
import { downloadBytes } from '../files/download';
import { useEditorState, useServices, useSessionState } from '../hooks/context';
import type { BatchState } from '../session/batch-run';
import { SAVED_FILES_LIMIT } from '../engine/protocol';

export function BatchRun() {
  const { stack, batch } = useSessionState();
  const { pipeline } = useEditorState(); // "changed since" follows the pipeline
  const { session, registry } = useServices();
  const saves = pipeline.nodes.some((n) => registry.get(n.type)?.sink === 'image');
  const items = session.batchItems;
  const offered = !stack && items.length >= 2;
  if (!offered && !batch) return null;
  return (
    <div className="cg-batch" role="group" aria-label="Run on all images">
      {offered && batch?.status !== 'running' && (
        <button
          type="button"
          title="Like `cellgraph run PIPELINE <these images> --out DIR`: one table with every image's rows, and images.csv"
          onClick={() => void session.runAll()}
        >
          Run on all {items.length} images
        </button>
      )}
      {batch?.status === 'running' && <BatchProgress batch={batch} onCancel={() => session.cancelBatch()} />}
      {batch && batch.status !== 'running' && <BatchResult batch={batch} saves={saves} outdated={session.batchOutdated} onClose={() => session.dismissBatch()} />}
    </div>
  );
}

function BatchProgress({ batch, onCancel }: { batch: BatchState; onCancel: () => void }) {
  return (
    <div className="cg-batch-progress" data-testid="batch-progress">
      <progress max={batch.total} value={batch.done} aria-label="Images done" />
      <span role="status">
        {batch.current ? `${batch.pass === 'first' ? 'First pass' : 'Image'} ${batch.current.position} of ${batch.total}: ${batch.current.image}` : `Waiting to start ${batch.total} images`}
      </span>
      <button type="button" onClick={onCancel}>Cancel</button>
    </div>
  );
}

function BatchResult({ batch, saves, outdated, onClose }: { batch: BatchState; saves: boolean; outdated: boolean; onClose: () => void }) {
  const summary = batch.summary;
  const files = useMemo(
    () => (summary?.status === 'finished' ? batchFiles(summary.records, summary.tableNames, summary.summaryColumns, summary.pipeline) : []),
    [summary],
  );
  const records = summary?.records ?? [];
  const ok = records.filter((r) => r.status === 'ok').length;
  const failed = records.filter((r) => r.status === 'error');
  return (
    <section className="cg-batch-result" aria-label="Results on all images" data-testid="batch-result">
      {batch.status === 'finished' && (
        <p>
          <strong data-testid="batch-counts">
            {records.length} images: {ok} ok, {failed.length} failed
          </strong>{' '}
          <span className="muted" data-testid="batch-time">
            in {((summary?.ms ?? 0) / 1000).toFixed(1)} s{summary?.workers ? ` on ${summary.workers} workers` : ''}
          </span>
        </p>
      )}
      {batch.status === 'cancelled' && (
        <p className="cg-warning">
          Cancelled after {records.length} of {batch.total} images: no tables (a run on all images writes all of them or none).
        </p>
      )}
      {(batch.status === 'invalid' || batch.status === 'failed') && (
        <div className="cg-error" role="alert" data-testid="batch-problems">
          {batch.status === 'invalid' && <p>Cannot run on all images:</p>}
          <ul>{batch.problems?.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </div>
      )}
      {batch.status === 'finished' && failed.length > 0 && (
        <ul className="cg-batch-failed" aria-label="Failed images">
          {failed.map((r, i) => (
            <li key={i}>
              <strong>{r.image}</strong>: <span className="cg-error">{r.error}</span>
            </li>
          ))}
        </ul>
      )}
      {batch.status === 'finished' && outdated && (
        <p className="cg-help" data-testid="batch-outdated">The pipeline or the images have changed since: run on all images again for current tables.</p>
      )}
      {files.length > 0 && (
        <div className="cg-batch-files">
          <span className="muted">Download:</span>
          {files.map((f) => (
            <button key={f.fileName} type="button" aria-label={`Download ${f.fileName}`} onClick={() => downloadBytes(f.text, f.fileName, f.mime)}>
              {f.fileName}
            </button>
          ))}
        </div>
      )}
      {batch.status === 'finished' && saves && <SavedImages saved={summary?.saved ?? []} leftOut={summary?.savedLeftOut ?? 0} />}
      <button type="button" className="link" onClick={onClose}>Close</button>
    </section>
  );
}

/**
 * The files the pipeline's save-image nodes wrote, as one zip laid out as `cellgraph run` lays them out
 * under --out (`<name>/<image>.tif`); stored, not compressed (TIFF and PNG are compressed already or
 * gain little, and storing is quick).
 */
function SavedImages({ saved, leftOut }: { saved: { path: string; bytes: Uint8Array }[]; leftOut: number }) {
  const download = () => {
    const files: Zippable = {};
    for (const f of saved) files[f.path] = [f.bytes, { level: 0 }];
    downloadBytes(zipSync(files), 'saved-images.zip', 'application/zip');
  };
  return (
    <div className="cg-batch-files">
      {saved.length > 0 && (
        <button type="button" aria-label="Download saved-images.zip" onClick={download}>
          saved-images.zip ({saved.length} file{saved.length === 1 ? '' : 's'})
        </button>
      )}
      {leftOut > 0 && (
        <p className="cg-help" data-testid="saved-left-out">
          The saved images of {leftOut} image{leftOut === 1 ? ' are' : 's are'} not in the zip (over the {SAVED_FILES_LIMIT / 2 ** 20} MiB the editor keeps): <code>cellgraph run</code> writes them all.
        </p>
      )}
    </div>
  );
}
