// The preview of one output: a thumbnail (click for the large viewer; stacks show the chosen
// plane), a sortable table with a plot of its series over planes, or a number.
import { useServices } from '../hooks/context';
import type { OutputDisplay, OutputPreview, RasterPreview } from '../engine/protocol';
import { colormapGradient } from '../display/colormap';
import { formatNumber } from './HistogramChart';
import { RgbaCanvas } from './RgbaCanvas';
import { SeriesPlotView } from './SeriesPlotView';
import { TableGrid } from './TableGrid';
import { useDownload } from '../hooks/useDownload';
import { usePlanePreview } from '../hooks/usePlanePreview';

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
        {preview.plot && <SeriesPlotView plot={preview.plot} />}
        <div className="cg-preview-caption">
          <span data-testid={`rows-${nodeId}`}>{preview.totalRows} row{preview.totalRows === 1 ? '' : 's'}</span> × {preview.table.columns.length} column{preview.table.columns.length === 1 ? '' : 's'}
          <button type="button" className="link" onClick={() => download(nodeId, port)}>Download CSV</button>
          {compact && <button type="button" className="link" onClick={() => session.openViewer(nodeId, port)}>Open</button>}
        </div>
        <TableGrid table={preview.table} totalRows={preview.totalRows} maxRows={compact ? 50 : undefined} caption={`${nodeId} ${port}`} className={compact ? 'nowheel compact' : ''} />
      </div>
    );
  }
  return <RasterPreviewView nodeId={nodeId} port={port} preview={preview} compact={compact} />;
}

function RasterPreviewView({ nodeId, port, preview: first, compact }: { nodeId: string; port: string; preview: RasterPreview; compact?: boolean }) {
  const { session } = useServices();
  const download = useDownload();
  const preview = usePlanePreview(nodeId, port, first);
  const what = preview.kind === 'image' ? `${preview.dtype}${preview.channels > 1 ? ` × ${preview.channels} ch` : ''}` : preview.kind;
  return (
    <div className="cg-preview-raster" data-plane={preview.plane}>
      <button type="button" className="cg-thumb" onClick={() => session.openViewer(nodeId, port)} aria-label={`View ${nodeId} ${port} large`}>
        <RgbaCanvas rgba={preview.thumb.rgba} width={preview.thumb.width} height={preview.thumb.height} className="pixelated" />
      </button>
      {preview.display && <ColormapLegend display={preview.display} />}
      <div className="cg-preview-caption">
        {preview.width}×{preview.height}{preview.planes > 1 ? `×${preview.planes}` : ''} {what}
        {preview.planes > 1 && <> · <span data-testid={`plane-${nodeId}-${port}`}>plane {preview.plane + 1}/{preview.planes}</span></>}
        {preview.objects !== undefined && (
          <> · <strong data-testid={`objects-${nodeId}`} data-count={preview.objects}>{preview.objects} objects</strong></>
        )}
        {preview.foreground !== undefined && <> · {((100 * preview.foreground) / (preview.width * preview.height * preview.planes)).toFixed(1)}% fg</>}
        {!compact && <button type="button" className="link" onClick={() => download(nodeId, port)}>Download</button>}
      </div>
      {!compact && preview.planes > 1 && (
        <PlaneSlider nodeId={nodeId} port={port} plane={preview.plane} planes={preview.planes} />
      )}
    </div>
  );
}

export function PlaneSlider({ nodeId, port, plane, planes }: { nodeId: string; port: string; plane: number; planes: number }) {
  const { session } = useServices();
  return (
    <label className="cg-plane-slider">
      plane{' '}
      <input
        type="range"
        aria-label={`Plane of ${nodeId} ${port}`}
        min={0}
        max={planes - 1}
        value={plane}
        onChange={(e) => session.setPlane(nodeId, port, Number(e.target.value))}
      />{' '}
      {plane + 1}/{planes}
    </label>
  );
}

export function ColormapLegend({ display }: { display: OutputDisplay }) {
  return (
    <div className="cg-legend" aria-label={`Colour scale: ${display.legend} ${formatNumber(display.lo)} to ${formatNumber(display.hi)}`}>
      <span>{formatNumber(display.lo)}</span>
      <span className="cg-legend-bar" style={{ background: colormapGradient(display.colormap) }} />
      <span>{formatNumber(display.hi)}</span>
      <span className="muted">{display.legend}</span>
    </div>
  );
}
