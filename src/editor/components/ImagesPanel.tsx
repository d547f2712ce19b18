// The images the pipeline runs on: add more (picker or drop), pick the one previewed, or use them
// all as one image ordered by file name: a stack of planes, or one file per channel.
import { useRef } from 'react';
import { useServices, useSessionState } from '../hooks/context';
import { stackOrder } from '../files/stack-name';

export function ImagesPanel() {
  const { sources, sourceHash, stack, join } = useSessionState();
  const channels = stack && join === 'channels';
  const { session } = useServices();
  const picker = useRef<HTMLInputElement>(null);
  const stackInput = session.stackInput;
  const shown = stack ? stackOrder(sources) : sources;
  return (
    <section aria-label="Images" className="cg-images">
      <h2>Images</h2>
      {sources.length === 0 && <p className="muted">No image yet: drop TIFF, PNG or JPEG files on the page.</p>}
      {sources.length > 1 && (
        <>
          <label className="cg-stack-toggle" title="Like `cellgraph run --stack` on a folder: every image must have the same size, channels and type">
            <input type="checkbox" checked={stack && !channels} onChange={(e) => session.setStack(e.target.checked, 'planes')} />
            Use these files as one stack, ordered by name
          </label>
          <label className="cg-stack-toggle" title="Like `cellgraph run --channels` (one file per channel): every image must have the same size, planes and type">
            <input type="checkbox" checked={channels} onChange={(e) => session.setStack(e.target.checked, 'channels')} />
            Use these files as the channels of one image, ordered by name
          </label>
        </>
      )}
      {stack && stackInput && (
        <p className="muted" data-testid="stack-summary">
          {channels ? 'Image' : 'Stack'} <strong>{stackInput.name}</strong>: {sources.length} files →{' '}
          {channels ? `channels 1–${sources.length}` : `planes 0–${sources.length - 1}`}
        </p>
      )}
      {stack && <p className="muted cg-help">Every image listed is used: remove (×) the ones that do not belong.</p>}
      <ul className={stack ? 'cg-stack-list' : undefined}>
        {shown.map((s, i) => (
          <li key={s.hash}>
            <label>
              {stack ? (
                <span className="cg-plane-number" aria-label={channels ? `channel ${i + 1}` : `plane ${i}`}>{channels ? i + 1 : i}</span>
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
