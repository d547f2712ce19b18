// "Pair files": rules ROLE = TEMPLATE that give each listed image the listed file named after it (its
// ground truth, another tool's labels), as `cellgraph run --pair` does; under each rule, which files
// pair with which, as typed.
import { useEffect, useState } from 'react';
import { useServices, useSessionState } from '../hooks/context';
import { FIRST_PAIR_RULE, type Pairing, type PairRule } from '../files/pairing';
import type { SourceInfo } from '../engine/protocol';

/** Lines a rule's summary lists before "and N more". */
const SHOWN = 3;

export function PairFiles() {
  const { pairRules: rules, stack } = useSessionState();
  const { session } = useServices();
  const pairing = session.pairing;
  const [open, setOpen] = useState(rules.length > 0);
  const hasRules = rules.length > 0;
  // rules set from elsewhere (an example, a reload) show themselves
  useEffect(() => {
    if (hasRules) setOpen(true);
  }, [hasRules]);
  const change = (i: number, patch: Partial<PairRule>) => session.setPairRules(rules.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const applied = rules.filter((_, i) => pairing.problems[i] === undefined);
  return (
    <details className="cg-pair-files" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Pair files{' '}
        {applied.length > 0 && <span className="muted">({applied.map((r) => `${r.role} = ${r.template}`).join(', ')})</span>}
      </summary>
      <p className="cg-help">
        Give each image the listed file named after it, e.g. its ground truth: <em>Load paired image</em> reads it by its role.
        In the file name, <code>{'{stem}'}</code> is the image name without extension and <code>{'{ext}'}</code> its extension
        (as <code>cellgraph run --pair truth={'{stem}'}_mask.tif</code>). A paired file is not run as an image of its own.
      </p>
      {stack && (
        <p className="cg-warning" data-testid="pairs-in-stack">
          Pairs apply when running one image at a time: the stack or channels run ignores them.
        </p>
      )}
      {rules.map((rule, i) => (
        <div key={i} className="cg-pair-rule" data-testid={`pair-rule-${i + 1}`}>
          <div className="cg-pair-inputs">
            <label>
              Role
              <input value={rule.role} placeholder="truth" size={6} aria-label={`Role of pair rule ${i + 1}`} onChange={(e) => change(i, { role: e.target.value })} />
            </label>
            <label>
              File
              <input value={rule.template} placeholder="{stem}_mask.tif" aria-label={`File name of pair rule ${i + 1}`} onChange={(e) => change(i, { template: e.target.value })} />
            </label>
            <button type="button" className="link cg-remove" aria-label={`Remove pair rule ${i + 1}`} title="Remove this rule" onClick={() => session.setPairRules(rules.filter((_, k) => k !== i))}>
              ×
            </button>
          </div>
          {pairing.problems[i] === undefined ? (
            <RuleSummary rule={rule} pairing={pairing} />
          ) : (
            <p className={rule.role === '' && rule.template === '' ? 'cg-help' : 'cg-error'} data-testid="pair-rule-problem">
              {pairing.problems[i]}
            </p>
          )}
        </div>
      ))}
      <button type="button" onClick={() => session.setPairRules([...rules, rules.length === 0 ? FIRST_PAIR_RULE : { role: '', template: '' }])}>
        Add a pair rule
      </button>
    </details>
  );
}

/** Which listed files this rule pairs with which images, and which images have none. */
function RuleSummary({ rule, pairing }: { rule: PairRule; pairing: Pairing<SourceInfo> }) {
  const found = pairing.images.filter((i) => i.paired[rule.role]);
  const missing = pairing.images.filter((i) => i.missing[rule.role] !== undefined);
  const more = (n: number) => (n > SHOWN ? ` and ${n - SHOWN} more` : '');
  return (
    <ul className="cg-pair-summary" data-testid="pair-summary">
      {found.slice(0, SHOWN).map((i) => (
        <li key={i.file.hash}>
          {i.paired[rule.role].name} → {rule.role} of {i.file.name}
        </li>
      ))}
      {found.length > SHOWN && <li>{more(found.length).trim()}</li>}
      {missing.length > 0 && (
        <li className="muted">
          No {rule.role} file for {missing.slice(0, SHOWN).map((i) => `${i.file.name} (${i.missing[rule.role]})`).join(', ')}
          {more(missing.length)}
        </li>
      )}
    </ul>
  );
}
