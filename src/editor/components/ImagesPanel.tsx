// The images the pipeline runs on: add more (files, or a folder's images; picked or dropped), pick the
// one previewed, or use the checked ones as one image ordered by file name: a stack of planes, or one
// file per channel. One image at a time, the files paired with an image (Pair files) are listed under
// it, not as images, and the pipeline can run on all the images at once (BatchRun).
import { useRef, type ReactNode } from 'react';
import { useServices, useSessionState } from '../hooks/context';
import { stackRows, type StackRow } from '../files/stack-choice';
import type { SourceInfo } from '../engine/protocol';
import type { PairedImage } from '../files/pairing';
import { imagesOfChosenFolder } from '../files/folders';
import { PairFiles } from './PairFiles';
import { BatchRun } from './BatchRun';

export function ImagesPanel() {
  const { sources, stack, join, stackLeftOut } = useSessionState();
  const channels = stack && join === 'channels';
  const { session } = useServices();
  const picker = useRef<HTMLInputElement>(null);
  const folderPicker = useRef<HTMLInputElement | null>(null);
  const stackInput = session.stackInput;
  const stackProblem = session.stackProblem;
  const pairing = session.pairing;
  const runImage = session.runImage;
  // folder/name where two listed files share a name (files/listed-names.ts)
  const names = session.names;
  const shown = (s: SourceInfo) => names.get(s.hash) ?? s.name;
  const rows: StackRow<SourceInfo>[] = stack ? stackRows(sources, stackLeftOut, join) : pairing.images.map(({ file }) => ({ file }));
  // one image at a time: files named as some file's pair that no run reads (a second copy, a pair's pair)
  const setAside = stack ? [] : sources.filter((s) => pairing.pairs.get(s.hash)?.used === false);
  const remove = (s: SourceInfo) => (
    <button type="button" className="link cg-remove" aria-label={`Remove ${shown(s)}`} title="Remove from the list" onClick={() => session.removeSource(s.hash)}>×</button>
  );
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
                    aria-label={channels ? `Use ${shown(s)} as a channel` : `Use ${shown(s)} in the stack`}
                    onChange={(e) => session.includeInStack(s.hash, e.target.checked)}
                  />
                  {number === undefined ? (
                    <span className="cg-plane-number" aria-hidden="true" />
                  ) : (
                    <span className="cg-plane-number" aria-label={channels ? `channel ${number}` : `plane ${number}`}>{number}</span>
                  )}
                </>
              ) : (
                <input type="radio" name="cg-source" checked={s.hash === runImage?.file.hash} onChange={() => session.selectSource(s.hash)} />
              )}
              {shown(s)} <span className="muted">({(s.size / 1024).toFixed(0)} KiB)</span>
            </label>
            {remove(s)}
            {!stack && <PairedWith image={pairing.images.find((i) => i.file === s)!} remove={remove} shown={shown} />}
          </li>
        ))}
        {setAside.map((s) => {
          const { role, of } = pairing.pairs.get(s.hash)!;
          const why = pairing.images.some((i) => i.file === of) ? 'a newer file of that name is used' : `${shown(of)} is itself a pair`;
          return (
            <li key={s.hash} className="cg-left-out" data-testid="set-aside">
              <span>
                {shown(s)} <span className="muted">(named as the {role} of {shown(of)}, not run: {why})</span>
              </span>
              {remove(s)}
            </li>
          );
        })}
      </ul>
      {!stack && sources.length > 0 && pairing.images.length === 0 && (
        <p className="cg-warning">Every listed file is named as the pair of another: nothing to run on. Change or remove a pair rule.</p>
      )}
      <BatchRun />
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
          await session.addFiles(files.map((f) => ({ name: f.name, bytes: f })));
        }}
      />
      <button type="button" onClick={() => folderPicker.current?.click()}>Add folder…</button>
      <input
        ref={(el) => {
          folderPicker.current = el;
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        aria-label="Add folder"
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          await session.track(session.addFolders([imagesOfChosenFolder(files)]));
        }}
      />
      <PairFiles />
    </section>
  );
}

/** An image's paired files (each removable) and the roles it has no file for. */
function PairedWith({ image, remove, shown }: { image: PairedImage<SourceInfo>; remove: (s: SourceInfo) => ReactNode; shown: (s: SourceInfo) => string }) {
  const paired = Object.entries(image.paired);
  const missing = Object.entries(image.missing);
  if (paired.length === 0 && missing.length === 0) return null;
  return (
    <ul className="cg-pairs" aria-label={`Paired with ${shown(image.file)}`}>
      {paired.map(([role, f]) => (
        <li key={role}>
          <span>
            <span className="muted">{role}:</span> {shown(f)}
          </span>
          {remove(f)}
        </li>
      ))}
      {missing.map(([role, name]) => (
        <li key={role} className="muted">
          {role}: none ({name} is not listed)
        </li>
      ))}
    </ul>
  );
}
