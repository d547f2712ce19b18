// A result's metadata in the inspector: source file, pixel size, planes, type, value range, the
// free key-value map and its provenance (the nodes that made it, the input files, the version).
import type { MetaSummary } from '../engine/meta-summary';
import type { OutputPreview } from '../engine/protocol';
import { formatNumber } from '../display/format';

export function MetadataView({ port, preview }: { port: string; preview: OutputPreview }) {
  if (preview.kind !== 'table' && preview.kind !== 'image' && preview.kind !== 'mask' && preview.kind !== 'labels') return null;
  const meta: MetaSummary = preview.meta;
  const rows: [string, string][] = [];
  rows.push(['Source file', meta.source ?? '(none)']);
  if (preview.kind === 'table') {
    const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    rows.push(['Size', `${plural(preview.totalRows, 'row')} × ${plural(preview.table.columns.length, 'column')}`]);
  } else {
    rows.push(['Size', `${preview.width} × ${preview.height} px, ${preview.planes} plane${preview.planes > 1 ? 's' : ''}${preview.channels > 1 ? `, ${preview.channels} channels` : ''}`]);
    rows.push(['Type', preview.kind === 'image' ? preview.dtype : preview.kind === 'mask' ? 'mask (0/1)' : 'labels (uint32)']);
    if (meta.valueRange) rows.push(['Value range', `${formatNumber(meta.valueRange.min)} – ${formatNumber(meta.valueRange.max)}${meta.nanCount ? ` (${meta.nanCount} empty)` : ''}`]);
  }
  const ps = meta.pixelSize;
  rows.push(['Pixel size', ps ? `x ${exact(ps.x)}, y ${exact(ps.y)}${ps.z !== undefined ? `, z ${exact(ps.z)}` : ''} ${ps.unit}` : 'not calibrated (px)']);
  if (meta.planeSpacing) rows.push([meta.planeSpacing.axis === 't' ? 'Frame interval' : 'Plane spacing', `${exact(meta.planeSpacing.value)} ${meta.planeSpacing.unit}`]);
  if (meta.id) rows.push(['Result id', meta.id]);
  if (meta.created) rows.push(['Created', meta.created]);
  const extra = Object.entries(meta.extra);
  const prov = meta.provenance;
  return (
    <section className="cg-metadata" aria-label={`Metadata of ${port}`} data-testid={`metadata-${port}`}>
      <h4>{port}</h4>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      {extra.length > 0 && (
        <details open={extra.length <= 8}>
          <summary>Key-value metadata ({extra.length})</summary>
          <dl className="cg-extra">
            {extra.map(([k, v]) => (
              <div key={k}><dt>{k}</dt><dd>{v.length > 200 ? `${v.slice(0, 200)}…` : v}</dd></div>
            ))}
          </dl>
        </details>
      )}
      {prov && (
        <details>
          <summary>Provenance: {prov.steps.length} step{prov.steps.length === 1 ? '' : 's'}, cellgraph {prov.cellgraph}</summary>
          {prov.pipeline && <div>Pipeline <strong>{prov.pipeline}</strong></div>}
          <ol className="cg-provenance">
            {prov.steps.map((s) => (
              <li key={s.id}>
                <code>{s.id}</code> {s.type} v{s.version}
                {Object.keys(s.params).length > 0 && <span className="muted"> {JSON.stringify(s.params)}</span>}
              </li>
            ))}
          </ol>
          {prov.inputs.length > 0 && (
            <div>
              Input file{prov.inputs.length > 1 ? 's' : ''}:
              <ul>
                {prov.inputs.map((f) => (
                  <li key={`${f.name}:${f.hash}`}>{f.name} <code title={f.hash}>{f.hash.slice(0, 12)}</code></li>
                ))}
              </ul>
            </div>
          )}
        </details>
      )}
    </section>
  );
}

/** Calibrations as the file gave them (to 6 significant digits), not rounded for display. */
const exact = (v: number) => String(Number(v.toPrecision(6)));
