// The images the pipeline runs on: add more (picker or drop), pick the one previewed, or use the
// checked ones as one image ordered by file name: a stack of planes, or one file per channel.
import { useRef } from 'react';
import { useServices, useSessionState } from '../hooks/context';
import { stackRows, type StackRow } from '../files/stack-choice';
import type { SourceInfo } from '../engine/protocol';

export function ImagesPanel() {
  const { sources, sourceHash, stack, join, stackLeftOut } = useSessionState();
  const channels = stack && join === 'channels';
  const { session } = useServices();
  const picker = useRef<HTMLInputElement>(null);
  const stackInput = session.stackInput;
  const stackProblem = session.stackProblem;
  const rows: StackRow<SourceInfo>[] = stack ? stackRows(sources, stackLeftOut, join) : sources.map((file) => ({ file }));
  return (
    <section aria-label="Images" className="cg-images">
      <h2>Images</h2>
      {sources.length === 0 && <p className="muted">No image yet: drop TIFF, PNG or JPEG files on the page.</p>}
      {sources.length > 1 && (
        <>
          <label className="cg-stack-toggle" title="Like `cellgraph run --stack` on a folder: every checked image must have the same size, channels and type">
            <input type="checkbox" checked={stack && !channels} onChange={(e) => session.setStack(e.target.checked, 'planes')} />
            Use these files as one stack, ordered by name
          </label>
          <label className="cg-stack-toggle" title="Like `cellgraph run --channels` (one file per channel): every checked image must have the same size, planes and type">
            <input type="checkbox" checked={channels} onChange={(e) => session.setStack(e.target.checked, 'channels')} />
            Use these files as the channels of one image, ordered by name
          </label>
        </>
      )}
      {stackInput && (
        <p className="muted" data-testid="stack-summary">
          {channels ? 'Image' : 'Stack'} <strong>{stackInput.name}</strong>: {stackInput.hashes.length} files →{' '}
          {channels ? `channels 1–${stackInput.hashes.length}` : `planes 0–${stackInput.hashes.length - 1}`}
        </p>
      )}
      {stackProblem && (
        <p className="cg-warning" role="status" data-testid="stack-problem">
          {stackProblem} To run on one image, untick “{channels ? 'Use these files as the channels of one image' : 'Use these files as one stack'}”.
        </p>
      )}
      {stack && (
        <p className="muted cg-help">
          Only the checked images are used, in name order; × takes an image off the list.{' '}
          <button type="button" className="link" onClick={() => session.includeAllInStack(true)}>Check all</button>
          <button type="button" className="link" onClick={() => session.includeAllInStack(false)}>Uncheck all</button>
        </p>
      )}
      <ul className={stack ? 'cg-stack-list' : undefined}>
        {rows.map(({ file: s, number }) => (
          <li key={s.hash} className={stack && number === undefined ? 'cg-left-out' : undefined}>
            <label>
              {stack ? (
                <>
                  <input
                    type="checkbox"
                    checked={number !== undefined}
                    aria-label={channels ? `Use ${s.name} as a channel` : `Use ${s.name} in the stack`}
                    onChange={(e) => session.includeInStack(s.hash, e.target.checked)}
                  />
                  {number === undefined ? (
                    <span className="cg-plane-number" aria-hidden="true" />
                  ) : (
                    <span className="cg-plane-number" aria-label={channels ? `channel ${number}` : `plane ${number}`}>{number}</span>
                  )}
                </>
              ) : (
                <input type="radio" name="cg-source" checked={s.hash === sourceHash} onChange={() => session.selectSource(s.hash)} />
              )}
              {s.name} <span className="muted">({(s.size / 1024).toFixed(0)} KiB)</span>
            </label>
            <button type="button" className="link cg-remove" aria-label={`Remove ${s.name}`} title="Remove from the list" onClick={() => session.removeSource(s.hash)}>×</button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => picker.current?.click()}>Add images…</button>
      <input
        ref={picker}
        type="file"
        multiple
        accept=".tif,.tiff,.png,.jpg,.jpeg,image/tiff,image/png,image/jpeg"
        hidden
        aria-label="Add images"
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          await session.addFiles(await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
        }}
      />
    </section>
  );
}
