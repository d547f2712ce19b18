// Double-click on the canvas: search node types and place the chosen one at that point.
import { useEffect, useRef, useState } from 'react';
import { useServices } from '../hooks/context';
import { searchNodes } from '../registry';

export function QuickAdd({ at, onPick, onClose }: { at: { x: number; y: number }; onPick: (type: string) => void; onClose: () => void }) {
  const { registry } = useServices();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const found = searchNodes(registry, query).slice(0, 8);
  useEffect(() => input.current?.focus(), []);
  return (
    <div className="cg-quickadd" style={{ left: at.x, top: at.y }} role="dialog" aria-label="Add a node here">
      <input
        ref={input}
        aria-label="Search nodes to add"
        placeholder="Add node…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'ArrowDown') setActive((a) => Math.min(found.length - 1, a + 1));
          if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          if (e.key === 'Enter' && found[active]) onPick(found[active].type);
        }}
        onBlur={() => setTimeout(onClose, 150)}
      />
      <ul role="listbox" aria-label="Matching nodes">
        {found.map((d, i) => (
          <li key={d.type} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => onPick(d.type)}>
            {d.label} <span className="muted">{d.category}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
