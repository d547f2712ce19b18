// The preview of the plane the user chose for a stack output: the worker sends plane 0 with the
// run; other planes are drawn on request, and again whenever the result changes.
import { useEffect, useState } from 'react';
import type { RasterPreview } from '../engine/protocol';
import { useServices, useSessionState } from './context';

export function usePlanePreview(nodeId: string, port: string, preview: RasterPreview): RasterPreview {
  const { session } = useServices();
  const chosen = useSessionState().planes[`${nodeId}.${port}`] ?? 0;
  const plane = Math.min(chosen, preview.planes - 1);
  const [drawn, setDrawn] = useState<{ from: RasterPreview; preview: RasterPreview }>();
  useEffect(() => {
    if (plane <= 0) return;
    let live = true;
    session.client.api.planePreview(nodeId, port, plane).then(
      (p) => live && p && setDrawn({ from: preview, preview: p }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session, nodeId, port, plane, preview]);
  return plane > 0 && drawn?.from === preview && drawn.preview.plane === plane ? drawn.preview : preview;
}
