// A result table as an HTML table with header cells; click a header to sort by it.
import { useMemo, useState } from 'react';
import type { Table } from '../../core/image';
import { formatNumber } from './HistogramChart';
import { MAX_DRAWN_ROWS } from '../display/limits';

/** `totalRows`: the whole table's rows when `table` holds only its first ones (previews of big tables). */
export function TableGrid({ table, totalRows = table.rows, maxRows, caption, className = '' }: { table: Table; totalRows?: number; maxRows?: number; caption?: string; className?: string }) {
  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 } | undefined>();
  const order = useMemo(() => {
    const idx = Array.from({ length: table.rows }, (_, i) => i);
    if (!sort) return idx;
    const col = table.columns[sort.col];
    return idx.sort((a, b) => {
      const va = col.values[a];
      const vb = col.values[b];
      const cmp = typeof va === 'number' && typeof vb === 'number' ? (va !== va ? 1 : vb !== vb ? -1 : va - vb) : String(va).localeCompare(String(vb));
      return cmp * sort.dir;
    });
  }, [table, sort]);
  const limit = Math.min(maxRows ?? MAX_DRAWN_ROWS, MAX_DRAWN_ROWS);
  const shown = order.slice(0, limit);
  return (
    <div className={`cg-table-wrap ${className}`}>
      <table className="cg-table">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th
                key={c.name}
                scope="col"
                aria-sort={sort?.col === i ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" onClick={() => setSort(sort?.col === i ? { col: i, dir: sort.dir === 1 ? -1 : 1 } : { col: i, dir: 1 })}>
                  {c.name}
                  {c.type === 'number' && c.unit ? <span className="muted"> ({c.unit})</span> : null}
                  {sort?.col === i ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r}>
              {table.columns.map((c) => {
                const v = c.values[r];
                return <td key={c.name}>{typeof v === 'number' ? (v === v ? formatNumber(v) : '') : v}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {totalRows > shown.length && (
        <div className="muted">… {totalRows - shown.length} more rows ({maxRows !== undefined && maxRows < MAX_DRAWN_ROWS ? 'Open to see more, ' : ''}download the CSV for all)</div>
      )}
    </div>
  );
}
