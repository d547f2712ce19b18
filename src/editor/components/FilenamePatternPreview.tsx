// Under metadata-from-filename's params: the pattern applied to every loaded image's name (or the
// stack's name), updated as the user types.
import { useMemo } from 'react';
import { useServices, useSessionState } from '../hooks/context';
import type { FilenameMatch } from '../../imaging/filename-metadata';
import { previewFilenamePattern } from '../params/filename-preview';

export function FilenamePatternPreview({ pattern, match }: { pattern: string; match: FilenameMatch }) {
  const { sources, stack } = useSessionState();
  const { session } = useServices();
  const stackName = stack ? session.stackInput?.name : undefined;
  const names = useMemo(() => (stackName ? [{ name: stackName }] : sources.map((s) => ({ name: s.name, folder: s.folder }))), [sources, stackName]);
  const preview = useMemo(() => previewFilenamePattern(pattern, names, match), [pattern, names, match]);
  return (
    <section className="cg-filename-preview" aria-label="Pattern on the loaded file names">
      <h3>On the loaded file names</h3>
      {'error' in preview ? (
        <p className="cg-error" role="alert">{preview.error}</p>
      ) : names.length === 0 ? (
        <p className="muted">Add images to see what the pattern extracts.</p>
      ) : (
        <table className="cg-table compact">
          <thead>
            <tr>
              <th>file</th>
              {preview.groups.map((g) => <th key={g}>{g}</th>)}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.name} data-match={r.values ? 'yes' : 'no'}>
                <td>{r.name}</td>
                {r.values
                  ? preview.groups.map((g) => <td key={g}>{r.values![g]}</td>)
                  : <td colSpan={preview.groups.length} className="cg-error">{r.error ?? 'no match'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
