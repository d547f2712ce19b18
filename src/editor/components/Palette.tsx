// Every node type, grouped by category, with a search box. Drag one onto the canvas, or press
// Enter / click "Add" to place it in the middle of the view. A category folds away with a click on
// its heading (remembered across reloads); a search always shows every match.
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { addNode } from '../commands/add-node';
import { useServices } from '../hooks/context';
import { paletteGroups } from '../registry';

export const PALETTE_MIME = 'application/x-cellgraph-node';

export function Palette() {
  const { registry, store } = useServices();
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const groups = paletteGroups(registry, query);
  const [folded, setFolded] = useState<ReadonlySet<string>>(readFolded);
  const toggle = (category: string) => {
    const next = new Set(folded);
    if (!next.delete(category)) next.add(category);
    setFolded(next);
    writeFolded(next);
  };

  const addAtCenter = (type: string) => {
    const el = document.querySelector('.cg-canvas')?.getBoundingClientRect();
    const center = el ? flow.screenToFlowPosition({ x: el.left + el.width / 2, y: el.top + el.height / 2 }) : { x: 0, y: 0 };
    const n = store.getState().pipeline.nodes.length;
    store.exec(addNode, { type, position: { x: center.x - 110 + (n % 5) * 20, y: center.y - 60 + (n % 5) * 20 } });
  };

  return (
    <aside className="cg-palette" aria-label="Node palette">
      <input
        type="search"
        className="cg-search"
        aria-label="Search nodes"
        placeholder="Search nodes…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && groups[0]?.defs[0]) addAtCenter(groups[0].defs[0].type);
        }}
      />
      {groups.length === 0 && <p className="muted">No node matches “{query}”.</p>}
      {groups.map((g) => (
        <section key={g.category} className="cg-palette-group" aria-label={g.category}>
          <h2>
            <button type="button" className="cg-palette-heading" aria-expanded={query !== '' || !folded.has(g.category)} onClick={() => toggle(g.category)}>
              <span aria-hidden="true">{query !== '' || !folded.has(g.category) ? '▾' : '▸'}</span>
              {g.category} <span className="cg-palette-count">{g.defs.length}</span>
            </button>
          </h2>
          <ul hidden={query === '' && folded.has(g.category)}>
            {g.defs.map((d) => (
              <li
                key={d.type}
                className={`cg-palette-item cat-${d.category}`}
                draggable
                data-node-type={d.type}
                title={d.description}
                onDragStart={(e) => {
                  e.dataTransfer.setData(PALETTE_MIME, d.type);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onDoubleClick={() => addAtCenter(d.type)}
              >
                <span className="cg-palette-label">{d.label}</span>
                <button type="button" className="cg-palette-add" aria-label={`Add ${d.label}`} onClick={() => addAtCenter(d.type)}>+</button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}

const FOLDED_KEY = 'cellgraph.palette.folded';

function readFolded(): ReadonlySet<string> {
  try {
    const saved: unknown = JSON.parse(globalThis.localStorage?.getItem(FOLDED_KEY) ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter((c): c is string => typeof c === 'string') : []);
  } catch {
    return new Set();
  }
}

function writeFolded(folded: ReadonlySet<string>): void {
  try {
    globalThis.localStorage?.setItem(FOLDED_KEY, JSON.stringify([...folded]));
  } catch {
    // private windows may refuse storage: folding still works for this page
  }
}
