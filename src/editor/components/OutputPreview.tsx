// The preview of one output: a thumbnail (click for the large viewer), a sortable table, or a number.
import { useServices } from '../hooks/context';
import type { OutputPreview } from '../engine/protocol';
import { formatNumber } from './HistogramChart';
import { RgbaCanvas } from './RgbaCanvas';
import { TableGrid } from './TableGrid';
import { useDownload } from '../hooks/useDownload';

export function OutputPreviewView({ nodeId, port, preview, compact }: { nodeId: string; port: string; preview: OutputPreview; compact?: boolean }) {
  const { session } = useServices();
  const download = useDownload();
  if (preview.kind === 'number') {
    return <div className="cg-preview-number">{port} = <strong>{formatNumber(preview.value)}</strong></div>;
  }
  if (preview.kind === 'other') {
    return <div className="cg-preview-number muted">{port}: {preview.note}</div>;
  }
  if (preview.kind === 'table') {
    return (
      <div className="cg-preview-table">
        <div className="cg-preview-caption">
          <span data-testid={`rows-${nodeId}`}>{preview.table.rows} rows</span> × {preview.table.columns.length} columns
          <button type="button" className="link" onClick={() => download(nodeId, port)}>Download CSV</button>
          {compact && <button type="button" className="link" onClick={() => session.openViewer(nodeId, port)}>Open</button>}
        </div>
        <TableGrid table={preview.table} maxRows={compact ? 50 : undefined} caption={`${nodeId} ${port}`} className={compact ? 'nowheel compact' : ''} />
      </div>
    );
  }
  const what = preview.kind === 'image' ? `${preview.dtype}${preview.channels > 1 ? ` × ${preview.channels} ch` : ''}` : preview.kind;
  return (
    <div className="cg-preview-raster">
      <button type="button" className="cg-thumb" onClick={() => session.openViewer(nodeId, port)} aria-label={`View ${nodeId} ${port} large`}>
        <RgbaCanvas rgba={preview.thumb.rgba} width={preview.thumb.width} height={preview.thumb.height} className="pixelated" />
      </button>
      <div className="cg-preview-caption">
        {preview.width}×{preview.height}{preview.planes > 1 ? `×${preview.planes}` : ''} {what}
        {preview.objects !== undefined && (
          <> · <strong data-testid={`objects-${nodeId}`} data-count={preview.objects}>{preview.objects} objects</strong></>
        )}
        {preview.foreground !== undefined && <> · {((100 * preview.foreground) / (preview.width * preview.height * preview.planes)).toFixed(1)}% fg</>}
        {!compact && <button type="button" className="link" onClick={() => download(nodeId, port)}>Download</button>}
      </div>
    </div>
  );
}
