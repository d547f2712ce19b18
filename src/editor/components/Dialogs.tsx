// The problems of a file that could not be opened, and short notices.
import { useEffect, useRef } from 'react';
import { useServices, useSessionState } from '../hooks/context';

export function ProblemsDialog() {
  const { openProblems } = useSessionState();
  const { session } = useServices();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), [openProblems]);
  if (!openProblems) return null;
  return (
    <div className="cg-modal-backdrop">
      <div className="cg-modal" role="alertdialog" aria-modal="true" aria-labelledby="cg-problems-title">
        <h2 id="cg-problems-title">Cannot open {openProblems.title}</h2>
        <p>The current pipeline was left unchanged. {openProblems.problems.length} problem{openProblems.problems.length === 1 ? '' : 's'}:</p>
        <ul className="cg-problems" data-testid="open-problems">
          {openProblems.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
        <button ref={close} type="button" onClick={() => session.dismissProblems()}>Close</button>
      </div>
    </div>
  );
}

export function Notices() {
  const { notices } = useSessionState();
  return (
    <div className="cg-notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`cg-notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          {n.text}
        </div>
      ))}
    </div>
  );
}
