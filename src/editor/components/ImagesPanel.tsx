// The images the pipeline runs on: add more (picker or drop), pick the one previewed.
import { useRef } from 'react';
import { useServices, useSessionState } from '../hooks/context';

export function ImagesPanel() {
  const { sources, sourceHash } = useSessionState();
  const { session } = useServices();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <section aria-label="Images" className="cg-images">
      <h2>Images</h2>
      {sources.length === 0 && <p className="muted">No image yet: drop TIFF, PNG or JPEG files on the page.</p>}
      <ul>
        {sources.map((s) => (
          <li key={s.hash}>
            <label>
              <input type="radio" name="cg-source" checked={s.hash === sourceHash} onChange={() => session.selectSource(s.hash)} />
              {s.name} <span className="muted">({(s.size / 1024).toFixed(0)} KiB)</span>
            </label>
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
