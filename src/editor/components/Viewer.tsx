// The large viewer: the full-resolution output with zoom (wheel), pan (drag) and the value of the
// pixel under the cursor; tables shown whole. Display settings never touch the data.
import { useEffect, useMemo, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import type { Image, Labels, Mask, Table } from '../../core/image';
import { imageToRgba, labelsToRgba, maskToRgba, stackRanges } from '../display/contrast';
import { colormapRgba } from '../display/colormap';
import type { OutputDisplay } from '../engine/protocol';
import { ColormapLegend, PlaneSlider } from './OutputPreview';
import { MetadataView } from './MetadataView';
import { SeriesPlotView } from './SeriesPlotView';
import { useDownload } from '../hooks/useDownload';
import { useServices, useSessionState } from '../hooks/context';
import { formatNumber } from './HistogramChart';
import { RgbaCanvas } from './RgbaCanvas';
import { TableGrid } from './TableGrid';

type Value = Image | Mask | Labels | Table;

export function Viewer() {
  const { viewer, nodes } = useSessionState();
  const shown = viewer ? nodes[viewer.nodeId]?.preview?.outputs[viewer.port] : undefined;
  const { session } = useServices();
  const [value, setValue] = useState<Value | undefined>();
  const [error, setError] = useState<string>();
  const download = useDownload();
  useEffect(() => {
    setValue(undefined);
    setError(undefined);
    if (!viewer) return;
    session.client.api.getValue(viewer.nodeId, viewer.port).then(
      (v) => (v ? setValue(v as Value) : setError('this result is not available; run the pipeline first')),
      (e: unknown) => setError(String(e)),
    );
  }, [viewer, session]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && session.closeViewer();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);
  if (!viewer) return null;
  return (
    <div className="cg-modal-backdrop" onClick={(e) => e.target === e.currentTarget && session.closeViewer()}>
      <div className="cg-modal cg-viewer" role="dialog" aria-modal="true" aria-label={`${viewer.nodeId} ${viewer.port}`}>
        <header>
          <h2>{viewer.nodeId} · {viewer.port}</h2>
          <button type="button" onClick={() => void download(viewer.nodeId, viewer.port)}>Download</button>
          <button type="button" onClick={() => session.closeViewer()} aria-label="Close viewer">Close</button>
        </header>
        {error && <p className="cg-error">{error}</p>}
        {!value && !error && <p>Loading…</p>}
        {shown && (
          <details className="cg-viewer-meta">
            <summary>Metadata</summary>
            <MetadataView port={viewer.port} preview={shown} />
          </details>
        )}
        {value && value.kind === 'table' && shown?.kind === 'table' && shown.plot && <SeriesPlotView plot={shown.plot} width={480} height={200} />}
        {value && value.kind === 'table' && <TableGrid table={value} caption={`${viewer.nodeId} ${viewer.port}`} />}
        {value && value.kind !== 'table' && <RasterViewer raster={value} nodeId={viewer.nodeId} port={viewer.port} />}
      </div>
    </div>
  );
}

function RasterViewer({ raster, nodeId, port }: { raster: Image | Mask | Labels; nodeId: string; port: string }) {
  const state = useSessionState();
  const plane = Math.min(raster.planes - 1, state.planes[`${nodeId}.${port}`] ?? 0);
  const shown = state.nodes[nodeId]?.preview?.outputs[port];
  const display: OutputDisplay | undefined = shown && 'display' in shown ? shown.display : undefined;
  const [view, setView] = useState({ scale: 1, x: 0, y: 0 });
  const [hover, setHover] = useState<{ x: number; y: number } | undefined>();
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; vx: number; vy: number } | undefined>(undefined);
  const { session } = useServices();
  // ',' and '.' (or '<' and '>') step through the planes, as in ImageJ
  useEffect(() => {
    if (raster.planes < 2) return;
    const onKey = (e: KeyboardEvent) => {
      const step = e.key === ',' || e.key === '<' ? -1 : e.key === '.' || e.key === '>' ? 1 : 0;
      if (step) session.setPlane(nodeId, port, Math.min(raster.planes - 1, Math.max(0, plane + step)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, nodeId, port, plane, raster.planes]);
  const ranges = useMemo(() => (raster.kind === 'image' && raster.planes > 1 ? stackRanges(raster) : undefined), [raster]);
  const rgba = useMemo(() => {
    if (raster.kind === 'image' && display && raster.channels === 1) {
      const n = raster.width * raster.height;
      return colormapRgba(raster.data.subarray(plane * n, (plane + 1) * n), display.lo, display.hi, display.colormap);
    }
    if (raster.kind === 'image') return imageToRgba(raster, plane, ranges).rgba;
    if (raster.kind === 'mask') return maskToRgba(raster, plane);
    return labelsToRgba(raster, undefined, plane);
  }, [raster, plane, display, ranges]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const s = Math.min(el.clientWidth / raster.width, el.clientHeight / raster.height);
    setView({ scale: s, x: (el.clientWidth - raster.width * s) / 2, y: (el.clientHeight - raster.height * s) / 2 });
  }, [raster]);

  const toPixel = (e: { clientX: number; clientY: number }) => {
    const r = box.current!.getBoundingClientRect();
    return { x: Math.floor((e.clientX - r.left - view.x) / view.scale), y: Math.floor((e.clientY - r.top - view.y) / view.scale) };
  };
  const onWheel = (e: WheelEvent) => {
    const r = box.current!.getBoundingClientRect();
    const mx = e.clientX - r.left;
    const my = e.clientY - r.top;
    const k = Math.exp(-e.deltaY * 0.0015);
    setView((v) => {
      const scale = Math.min(64, Math.max(0.05, v.scale * k));
      const f = scale / v.scale;
      return { scale, x: mx - (mx - v.x) * f, y: my - (my - v.y) * f };
    });
  };
  const onPointerDown = (e: PointerEvent) => {
    (e.target as HTMLElement).setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (drag.current) setView((v) => ({ ...v, x: drag.current!.vx + e.clientX - drag.current!.x, y: drag.current!.vy + e.clientY - drag.current!.y }));
    const p = toPixel(e);
    setHover(p.x >= 0 && p.y >= 0 && p.x < raster.width && p.y < raster.height ? p : undefined);
  };
  return (
    <div className="cg-raster-viewer">
      <div
        ref={box}
        className="cg-viewport"
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = undefined)}
        onPointerLeave={() => setHover(undefined)}
        data-testid="viewer-viewport"
      >
        <RgbaCanvas
          rgba={rgba}
          width={raster.width}
          height={raster.height}
          className="pixelated"
          style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`, transformOrigin: '0 0', position: 'absolute' }}
        />
      </div>
      <footer className="cg-viewer-status">
        <span data-testid="pixel-readout">{hover ? `x ${hover.x}, y ${hover.y}: ${pixelValue(raster, hover.x, hover.y, plane)}` : 'Move over the image to read values'}</span>
        <span>zoom {(view.scale * 100).toFixed(0)}%</span>
        {raster.planes > 1 && (
          <>
            <PlaneSlider nodeId={nodeId} port={port} plane={plane} planes={raster.planes} />
            <span className="muted">, and . step through planes</span>
          </>
        )}
        {display && <ColormapLegend display={display} />}
        <span className="muted">{raster.width}×{raster.height} {raster.kind === 'image' ? raster.dtype : raster.kind}</span>
      </footer>
    </div>
  );
}

export function pixelValue(raster: Image | Mask | Labels, x: number, y: number, plane: number): string {
  const n = raster.width * raster.height;
  const i = y * raster.width + x;
  if (raster.kind === 'image') {
    const values = Array.from({ length: raster.channels }, (_, c) => raster.data[(plane * raster.channels + c) * n + i]);
    return values.map((v) => formatNumber(v)).join(', ');
  }
  const v = raster.data[plane * n + i];
  return raster.kind === 'labels' ? (v ? `object ${v}` : 'background') : String(v);
}
